import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { App } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { type BotIdentity, type CreateAppOptions, createApp, webClientOptions } from './app.js';
import { formatProblem, loadContent } from './content/load.js';
import { ParseCache } from './content/sources/cache.js';
import { GitSourceError } from './content/sources/git.js';
import type { Clock } from './context.js';
import { Library } from './library.js';
import { LiveLibrary } from './live-library.js';
import { createLogger, type LogSink } from './logger.js';
import { startBackgroundJobs } from './services/background.js';
import { type ContentChangeFollower, followContentChanges } from './services/content-changes.js';
import { readSettings, type Settings } from './settings.js';
import { slackErrorCode } from './slack-errors.js';

export interface StartOptions {
  clock?: Clock;
  logSink?: LogSink;
  retryConfig?: WebClientOptions['retryConfig'];
  /** Skip the reminder and announcement jobs (tests that only exercise requests). */
  backgroundJobs?: boolean;
  /** Follow CONTENT_DIR and the git repository while running (default true). */
  followContent?: boolean;
  /** How long the content watcher lets a burst of changes settle (tests shorten it). */
  contentSettleMs?: number;
  requestTimeoutMs?: CreateAppOptions['requestTimeoutMs'];
  socketPingTimeoutMs?: CreateAppOptions['socketPingTimeoutMs'];
  rateLimitWaitMs?: CreateAppOptions['rateLimitWaitMs'];
}

export interface RunningBot {
  settings: Settings;
  app: App;
  /** The HTTP port Bolt listens on (HTTP mode), else undefined. */
  port?: number;
  /** The library answering right now. */
  readonly library: Library;
  /** The content as it follows its sources: its `holder` emits each change. */
  content: LiveLibrary;
  /** The start-up passes (reminders, announcements); undefined without background jobs. */
  backgroundStarted?: Promise<void>;
  /** What the bot does in Slack about changes (undefined without background jobs). */
  contentChanges?: ContentChangeFollower;
  logger: Logger;
  stop(): Promise<void>;
}

/** A start-up failure a person can fix; printed as one line, never a stack trace. */
export class StartError extends Error {
  override name = 'StartError';
}

/** The content of CONTENT_DIR, loaded once, as a library (the playground's reloads). `clock` dates the load:
 * a hackathon whose page still has no topics weeks after it is a warning. */
export async function loadLibrary(
  settings: Settings,
  logger: Logger,
  clock: Clock = () => new Date(),
): Promise<Library> {
  const started = performance.now();
  const content = await loadContent(settings.contentDir, {
    cache: new ParseCache(path.join(settings.cacheDir, 'parsed')),
  });
  const library = new Library(content, { now: clock() });
  for (const problem of library.problems) logger.warn(`Content: ${formatProblem(problem)}`);
  const ms = (performance.now() - started).toFixed(1);
  logger.info(
    `Loaded ${content.recaps.length} recap(s), ${content.recaps.reduce((n, r) => n + r.topics.length, 0)} topics from ${settings.contentDir} in ${ms} ms`,
  );
  return library;
}

/** The git source's errors name a setting: at start-up they are the settings' kind of mistake. */
async function openContent(
  settings: Settings,
  logger: Logger,
  clock: Clock,
  settleMs?: number,
): Promise<LiveLibrary> {
  try {
    return await LiveLibrary.open({
      settings,
      logger,
      clock,
      ...(settleMs !== undefined ? { settleMs } : {}),
    });
  } catch (error) {
    if (error instanceof GitSourceError) throw new StartError(error.message);
    throw error;
  }
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
export function startBot(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<RunningBot> {
  return startBotWith(readSettings(env), options);
}

/** `startBot` with settings already read (`src/index.ts` reads them once). */
export async function startBotWith(settings: Settings, options: StartOptions = {}): Promise<RunningBot> {
  const logger = createLogger(settings.logLevel, options.logSink);
  if (settings.mode === 'playground')
    throw new StartError('No Slack credentials: use the playground instead.');
  const clock = options.clock ?? (() => new Date());
  // Independent, so they overlap: the content loads while auth.test is on the wire.
  const [content, bot] = await Promise.all([
    openContent(settings, logger, clock, options.contentSettleMs),
    identify(settings, logger),
  ]);
  const { app, context } = createApp({
    settings,
    // Read once per request by each listener: a request in flight finishes on the library it started with.
    library: () => content.holder.current,
    logger,
    bot,
    clock,
    retryConfig: options.retryConfig,
    requestTimeoutMs: options.requestTimeoutMs,
    socketPingTimeoutMs: options.socketPingTimeoutMs,
    rateLimitWaitMs: options.rateLimitWaitMs,
  });
  let port: number | undefined;
  const following = options.followContent === false ? undefined : content.follow();
  try {
    if (settings.mode === 'http') {
      const server = (await app.start(settings.port)) as Server;
      port = (server.address() as AddressInfo).port;
      logger.info(`Listening for Slack on http://localhost:${port}/slack/events (HTTP mode)`);
    } else {
      await app.start();
      logger.info('Connected to Slack over Socket Mode');
    }
    await following;
  } catch (error) {
    await content.close();
    throw error;
  }
  const jobs = options.backgroundJobs === false ? undefined : startBackgroundJobs(context, app.client);
  const contentChanges = jobs ? followContentChanges(context, app.client, content.holder, jobs) : undefined;
  return {
    settings,
    app,
    port,
    get library() {
      return content.holder.current;
    },
    content,
    backgroundStarted: jobs?.started,
    contentChanges,
    logger,
    async stop() {
      jobs?.stop();
      contentChanges?.stop();
      await content.close();
      await app.stop();
    },
  };
}
