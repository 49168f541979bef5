import { compareTs } from '../slack-timestamps.js';
import {
  apiMessage,
  booleanArg,
  channelArg,
  failure,
  type MethodHandler,
  type MethodResult,
  stringArg,
  visibilityError,
} from './method-support.js';
import type { StoredMessage } from './model.js';
import { newestFirstByTs, oldestFirstByTs, paginate } from './paging.js';
import { channelObject, messageObject } from './shapes.js';
import type { ApiArgs } from './wire.js';
import type { Workspace } from './workspace.js';

const join: MethodHandler = (args, { workspace }) => {
  const channel = workspace.channel(stringArg(args, 'channel') ?? '');
  const hidden = visibilityError(workspace, channel);
  if (hidden || !channel) return failure(hidden ?? 'channel_not_found');
  if (channel.is_im || channel.is_private) return failure('method_not_supported_for_channel_type');
  if (channel.is_archived) return failure('is_archived');
  if (workspace.isMember(channel.id)) {
    return {
      ok: true,
      channel: channelObject(workspace, channel),
      warning: 'already_in_channel',
      response_metadata: { warnings: ['already_in_channel'] },
    };
  }
  workspace.join(channel.id);
  return { ok: true, channel: channelObject(workspace, channel) };
};

const leave: MethodHandler = (args, { workspace }) => {
  const channel = workspace.channel(stringArg(args, 'channel') ?? '');
  const hidden = visibilityError(workspace, channel);
  if (hidden || !channel) return failure(hidden ?? 'channel_not_found');
  if (channel.is_im) return failure('method_not_supported_for_channel_type');
  if (channel.is_archived) return failure('is_archived');
  // Slack's documented answer for leaving a channel you are not in: ok false, but no error.
  if (!workspace.isMember(channel.id)) return { ok: false, not_in_channel: true };
  workspace.leave(channel.id);
  return { ok: true };
};

const info: MethodHandler = (args, { workspace }) => {
  const channel = channelArg(workspace, args, 'visible');
  if ('failure' in channel) return channel.failure;
  return { ok: true, channel: channelObject(workspace, channel) };
};

function inTimeWindow(message: StoredMessage, args: ApiArgs): boolean {
  const oldest = stringArg(args, 'oldest');
  const latest = stringArg(args, 'latest');
  const inclusive = booleanArg(args, 'inclusive');
  if (oldest) {
    const c = compareTs(message.ts, oldest);
    if (c < 0 || (c === 0 && !inclusive)) return false;
  }
  if (latest) {
    const c = compareTs(message.ts, latest);
    if (c > 0 || (c === 0 && !inclusive)) return false;
  }
  return true;
}

/** One page of a conversation's messages, as history and replies answer: `newest` first or oldest first. */
function messagePage(
  workspace: Workspace,
  channelId: string,
  args: ApiArgs,
  messages: StoredMessage[],
  order: 'newest' | 'oldest',
  limits: { defaultLimit: number; maxLimit: number },
): MethodResult {
  const { keyOf, isAtOrPast } =
    order === 'newest' ? newestFirstByTs<StoredMessage>() : oldestFirstByTs<StoredMessage>();
  const page = paginate(messages, args, keyOf, isAtOrPast, limits);
  if ('error' in page) return failure(page.error);
  const includeMetadata = booleanArg(args, 'include_all_metadata');
  return {
    ok: true,
    messages: page.items.map((m) => messageObject(workspace, channelId, m, includeMetadata)),
    has_more: page.nextCursor !== '',
    response_metadata: { next_cursor: page.nextCursor },
  };
}

const history: MethodHandler = (args, { workspace }) => {
  const channel = channelArg(workspace, args, 'member');
  if ('failure' in channel) return channel.failure;
  const visible = workspace
    .messages(channel.id)
    .filter((m) => m.ephemeralTo === undefined)
    .filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts || m.reply_broadcast)
    .filter((m) => inTimeWindow(m, args))
    .reverse();
  const page = messagePage(workspace, channel.id, args, visible, 'newest', {
    defaultLimit: 100,
    maxLimit: 999,
  });
  if (!page.ok) return page;
  return { ...page, pin_count: 0, channel_actions_query_count: 0, channel_actions_count: 0 };
};

const replies: MethodHandler = (args, { workspace }) => {
  const channel = channelArg(workspace, args, 'member');
  if ('failure' in channel) return channel.failure;
  const target = apiMessage(workspace, channel.id, stringArg(args, 'ts'));
  if (!target) return failure('thread_not_found');
  const parentTs = target.thread_ts ?? target.ts;
  const thread = workspace
    .messages(channel.id)
    .filter((m) => m.ephemeralTo === undefined && (m.ts === parentTs || m.thread_ts === parentTs))
    .filter((m) => inTimeWindow(m, args));
  return messagePage(workspace, channel.id, args, thread, 'oldest', { defaultLimit: 1000, maxLimit: 1000 });
};

const open: MethodHandler = (args, { workspace }) => {
  const existingId = stringArg(args, 'channel');
  if (existingId) {
    const channel = workspace.channel(existingId);
    if (!channel?.is_im) return failure('channel_not_found');
    return { ok: true, no_op: true, already_open: true, channel: { id: channel.id } };
  }
  const users = (stringArg(args, 'users') ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) return failure('users_list_not_supplied');
  if (users.some((u) => !workspace.user(u))) return failure('user_not_found');
  // Group DMs are out of scope for this app; say so plainly instead of faking them.
  if (users.length > 1) return failure('standin_mpim_not_supported');
  const userId = users[0] ?? '';
  const alreadyOpen = workspace.channels().some((c) => c.is_im && c.user === userId);
  const channel = workspace.imWith(userId);
  const shown = booleanArg(args, 'return_im') ? channelObject(workspace, channel) : { id: channel.id };
  return alreadyOpen
    ? { ok: true, no_op: true, already_open: true, channel: shown }
    : { ok: true, channel: shown };
};

export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.join': join,
  'conversations.leave': leave,
  'conversations.info': info,
  'conversations.history': history,
  'conversations.replies': replies,
  'conversations.open': open,
};
