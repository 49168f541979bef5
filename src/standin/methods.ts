import { appMethods } from './app-methods.js';
import { chatMethods } from './chat-methods.js';
import { conversationMethods } from './conversation-methods.js';
import { failure, type MethodContext, type MethodHandler, type MethodResult } from './method-support.js';
import { scheduledMethods } from './scheduled-methods.js';
import { userMethods } from './user-methods.js';
import type { ApiArgs } from './wire.js';

const METHODS: Record<string, MethodHandler> = {
  ...userMethods,
  ...chatMethods,
  ...scheduledMethods,
  ...conversationMethods,
  ...appMethods,
};

/** App-level tokens open sockets and nothing else; everything else wants a bot or user token. */
function tokenError(method: string, token: string): string | undefined {
  const isAppToken = token.startsWith('xapp-');
  if (!isAppToken && !token.startsWith('xox')) return 'invalid_auth';
  if (method === 'apps.connections.open') return isAppToken ? undefined : 'not_allowed_token_type';
  if (isAppToken && method !== 'auth.test') return 'not_allowed_token_type';
  return undefined;
}

export function callMethod(
  method: string,
  args: ApiArgs,
  token: string | undefined,
  context: Omit<MethodContext, 'token'>,
): MethodResult {
  const handler = METHODS[method];
  if (!handler) return failure('unknown_method');
  if (!token) return failure('not_authed');
  const denied = tokenError(method, token);
  if (denied) return failure(denied);
  return handler(args, { ...context, token });
}
