import { App, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import type { WebClientOptions } from '@slack/web-api';
import type { BotContext, Clock } from './context.js';
import type { Library } from './library.js';
import { registerListeners } from './listeners/index.js';
import { LeanReceiver } from './receiver.js';
import type { Settings } from './settings.js';

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

export interface CreateAppOptions {
  settings: Settings;
  library: () => Library;
  logger: Logger;
  /** From `auth.test` at start-up: given to Bolt so it never calls `auth.test` per request. */
  bot: BotIdentity;
  clock?: Clock;
  /** WebClient retry policy; tests shorten it. */
  retryConfig?: WebClientOptions['retryConfig'];
  /** How long a Web API call or response_url post may take; tests shorten it to see a hung Slack. */
  requestTimeoutMs?: number;
  /** The wait before a rate-limited response URL post is tried again; tests shorten it. */
  rateLimitWaitMs?: number;
  /** Socket Mode's ping timeout: a dropped connection is noticed after this times its retries. */
  socketPingTimeoutMs?: number;
}

const REQUEST_TIMEOUT_MS = 10_000;

export function webClientOptions(
  settings: Settings,
  logger: Logger,
  extra: WebClientOptions = {},
  timeoutMs: number = REQUEST_TIMEOUT_MS,
): WebClientOptions {
  return {
    logger,
    ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
    // A hung Slack must not hold a listener forever: answer what we can and log it. `fetch` also carries
    // Bolt's response_url posts, which have no timeout of their own.
    timeout: timeoutMs,
    fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) }),
    ...extra,
  };
}

/**
 * Builds the Bolt App for the settings' mode (Socket Mode or HTTP) and registers every listener.
 * `start` is left to the caller so tests and the playground choose port and lifetime.
 */
export function createApp(options: CreateAppOptions): { app: App; context: BotContext } {
  const { settings, logger, bot } = options;
  const clientOptions = webClientOptions(
    settings,
    logger,
    options.retryConfig ? { retryConfig: options.retryConfig } : {},
    options.requestTimeoutMs,
  );
  const receiver =
    settings.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: settings.appToken ?? '',
          logger,
          // apps.connections.open goes through this client too, so it must honour SLACK_API_URL.
          installerOptions: { clientOptions },
          ...(options.socketPingTimeoutMs ? { clientPingTimeout: options.socketPingTimeoutMs } : {}),
        })
      : // Bolt's HTTPReceiver cost more per request than the answers themselves; see src/receiver.ts.
        new LeanReceiver({
          signingSecret: settings.signingSecret ?? '',
          logger,
          path: '/slack/events',
        });
  const app = new App({
    token: settings.botToken,
    botId: bot.botId,
    botUserId: bot.botUserId,
    // auth.test already ran at start-up; Bolt's default would call it again (and per request without ids).
    tokenVerificationEnabled: false,
    // The default conversation store builds an Error per request; this bot keeps no conversation state.
    convoStore: false,
    // The bot listens to no message events, where its own posts would come back; skipping the filter is
    // one middleware less on every request.
    ignoreSelf: false,
    receiver,
    socketMode: settings.mode === 'socket',
    logger,
    clientOptions,
  });
  const context: BotContext = {
    settings,
    library: options.library,
    clock: options.clock ?? (() => new Date()),
    logger,
    botUserId: bot.botUserId,
    rateLimitWaitMs: options.rateLimitWaitMs,
  };
  registerListeners(app, context);
  app.error(async (error) => {
    logger.error(`Unhandled error in a listener: ${error.message}`);
  });
  return { app, context };
}
