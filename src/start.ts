import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { type BotIdentity, type CreateAppOptions, createApp, webClientOptions } from './app.js';
import { formatProblem, loadContent } from './content/load.js';
import type { Clock } from './context.js';
import { Library } from './library.js';
import { createLogger, type LogSink } from './logger.js';
import { startBackgroundJobs } from './services/background.js';
import { readSettings, type Settings } from './settings.js';
import { slackErrorCode } from './slack-errors.js';

export interface StartOptions {
  clock?: Clock;
  logSink?: LogSink;
  retryConfig?: WebClientOptions['retryConfig'];
  /** Skip the reminder and announcement jobs (tests that only exercise requests). */
  backgroundJobs?: boolean;
  requestTimeoutMs?: CreateAppOptions['requestTimeoutMs'];
  socketPingTimeoutMs?: CreateAppOptions['socketPingTimeoutMs'];
  rateLimitWaitMs?: CreateAppOptions['rateLimitWaitMs'];
}

export interface RunningBot {
  settings: Settings;
  app: App;
  /** The HTTP port Bolt listens on (HTTP mode), else undefined. */
  port?: number;
  library: Library;
  logger: Logger;
  stop(): Promise<void>;
}

/** A start-up failure a person can fix; printed as one line, never a stack trace. */
export class StartError extends Error {
  override name = 'StartError';
}

/** `clock` dates the load: a hackathon whose page still has no topics weeks after it is a warning. */
export async function loadLibrary(
  settings: Settings,
  logger: Logger,
  clock: Clock = () => new Date(),
): Promise<Library> {
  const started = performance.now();
  const content = await loadContent(settings.contentDir);
  const library = new Library(content, { now: clock() });
  for (const problem of library.problems) logger.warn(`Content: ${formatProblem(problem)}`);
  const ms = (performance.now() - started).toFixed(1);
  logger.info(
    `Loaded ${content.recaps.length} recap(s), ${content.recaps.reduce((n, r) => n + r.topics.length, 0)} topics from ${settings.contentDir} in ${ms} ms`,
  );
  return library;
}

async function identify(settings: Settings, logger: Logger): Promise<BotIdentity> {
  const client = new WebClient(
    settings.botToken,
    webClientOptions(settings, logger, { retryConfig: { retries: 2 } }),
  );
  try {
    const auth = await client.auth.test();
    if (!auth.user_id || !auth.bot_id)
      throw new Error('auth.test did not name a bot user: use a bot token (xoxb-)');
    logger.info(`Connected to workspace ${auth.team ?? auth.team_id ?? ''} as @${auth.user ?? auth.user_id}`);
    return { botId: auth.bot_id, botUserId: auth.user_id };
  } catch (error) {
    const code = slackErrorCode(error);
    throw new StartError(
      code
        ? `SLACK_BOT_TOKEN was refused by Slack (${code}): copy the Bot User OAuth Token from your app's "OAuth & Permissions" page`
        : `Could not reach the Slack API at ${settings.slackApiUrl ?? 'https://slack.com/api/'}: ${(error as Error).message}`,
    );
  }
}

/** Settings → content → Slack. Throws `SettingsError`, `ContentError` or `StartError` with a readable message. */
export async function startBot(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<RunningBot> {
  const settings = readSettings(env);
  const logger = createLogger(settings.logLevel, options.logSink);
  if (settings.mode === 'playground')
    throw new StartError('No Slack credentials: use the playground instead.');
  const clock = options.clock ?? (() => new Date());
  // Independent, so they overlap: the content parses while auth.test is on the wire.
  const [library, bot] = await Promise.all([
    loadLibrary(settings, logger, clock),
    identify(settings, logger),
  ]);
  const { app, context } = createApp({
    settings,
    library: () => library,
    logger,
    bot,
    clock,
    retryConfig: options.retryConfig,
    requestTimeoutMs: options.requestTimeoutMs,
    socketPingTimeoutMs: options.socketPingTimeoutMs,
    rateLimitWaitMs: options.rateLimitWaitMs,
  });
  let port: number | undefined;
  if (settings.mode === 'http') {
    const server = (await app.start(settings.port)) as Server;
    port = (server.address() as AddressInfo).port;
    logger.info(`Listening for Slack on http://localhost:${port}/slack/events (HTTP mode)`);
  } else {
    await app.start();
    logger.info('Connected to Slack over Socket Mode');
  }
  const jobs = options.backgroundJobs === false ? undefined : startBackgroundJobs(context, app.client);
  return {
    settings,
    app,
    port,
    library,
    logger,
    async stop() {
      jobs?.stop();
      await app.stop();
    },
  };
}
