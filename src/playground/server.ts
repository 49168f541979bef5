/**
 * The local playground: the real bot (HTTP mode) against the Slack stand-in, and a page that looks like a
 * Slack channel. Everything the page does reaches the bot as the signed requests Slack would send.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { App } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import type { Clock } from '../context.js';
import { closeServer, listen } from '../http-server.js';
import type { Library } from '../library.js';
import { createLogger, type LogSink } from '../logger.js';
import { startBackgroundJobs } from '../services/background.js';
import type { Settings } from '../settings.js';
import { type SlackStandin, startSlackStandin } from '../standin/server.js';
import type { Workspace } from '../standin/workspace.js';
import { StartError } from '../start.js';
import { loadPageAssets } from './assets.js';
import { LOOPBACK, startPlaygroundBot } from './bot.js';
import { SLACKBOT, SlackBridge } from './bridge.js';
import type { PlaygroundPerson } from './client/types.js';
import { ContentReloader } from './content.js';
import { LiveStream } from './live.js';
import { ContentNotices } from './notices.js';
import { createRouter } from './router.js';

export { MAX_BODY_BYTES } from './http.js';

/** The person at the keyboard: an admin, so announcer-only commands work as they would for an organiser. */
export const PLAYGROUND_USER = 'U_ADMIN';
/** The second person the page can act as: a member, who sees the refusals announcers never see. */
export const PLAYGROUND_MEMBER = 'U_MEMBER';
export const DEFAULT_CHANNEL = 'C_GENERAL';
/** Scheduled messages are posted when they are due, as Slack would, even while nobody calls the API. */
const DELIVER_DUE_MS = 15_000;

export interface PlaygroundOptions {
  clock?: Clock;
  logSink?: LogSink;
}

export interface RunningPlayground {
  /** `http://localhost:PORT`, the page. */
  url: string;
  port: number;
  /** Where the bot takes Slack's requests (`http://127.0.0.1:PORT/slack/events`). */
  botUrl: string;
  /** The settings the bot runs with (fake token, random signing secret, the stand-in's API URL). */
  settings: Settings;
  app: App;
  standin: SlackStandin;
  /** The library the bot answers from right now. */
  library(): Library;
  logger: Logger;
  stop(): Promise<void>;
}

/** Slackbot speaks for Slack; an ANNOUNCE_CHANNEL from a real workspace gets a home so announcements land. */
function prepareWorkspace(workspace: Workspace, announceChannel: string): void {
  workspace.addUser({ id: SLACKBOT, name: 'slackbot', real_name: 'Slackbot', is_bot: true, tz: 'UTC' });
  if (!workspace.channel(announceChannel)) {
    workspace.addChannel({
      id: announceChannel,
      name: 'announcements',
      members: [workspace.identity.botUserId, PLAYGROUND_USER, PLAYGROUND_MEMBER],
    });
  }
}

/** Who the page can act as, and whether the bot will let them announce (as services/permissions decides). */
function people(workspace: Workspace, settings: Settings): PlaygroundPerson[] {
  return [PLAYGROUND_USER, PLAYGROUND_MEMBER].flatMap((id) => {
    const user = workspace.user(id);
    if (!user) return [];
    const announcer =
      settings.announcers.length > 0 ? settings.announcers.includes(id) : user.is_admin || user.is_owner;
    return [{ id, name: user.real_name, announcer }];
  });
}

/** The page on localhost: IPv4 always, and `[::1]` too when the machine has it (`localhost` may be either). */
async function servePage(
  settings: Settings,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
  logger: Logger,
  cleanups: Array<() => Promise<void> | void>,
): Promise<number> {
  const ipv4 = createServer(onRequest);
  const { port } = await listen(ipv4, settings.port, LOOPBACK).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE'
      ? new StartError(
          `Port ${settings.port} is in use: start the playground on another one, e.g. PORT=3001 npm start`,
        )
      : error;
  });
  cleanups.push(() => closeServer(ipv4));
  const ipv6 = createServer(onRequest);
  await listen(ipv6, port, '::1').catch((error: NodeJS.ErrnoException) => {
    logger.debug(`Playground: not listening on [::1]:${port} (${error.code ?? error.message})`);
  });
  cleanups.push(() => closeServer(ipv6));
  return port;
}

/**
 * Starts the stand-in, the real bot against it and the page server on `settings.port` (0 picks a free
 * port). The stand-in and the bot listen on 127.0.0.1 only; the page on localhost (IPv4 and, when the
 * machine has it, IPv6).
 */
export async function startPlayground(
  settings: Settings,
  options: PlaygroundOptions = {},
): Promise<RunningPlayground> {
  const logger = createLogger(settings.logLevel, options.logSink);
  const clock = options.clock ?? (() => new Date());
  const content = await ContentReloader.load(settings, logger, clock);

  const standin = await startSlackStandin({ host: LOOPBACK, clock });
  const cleanups: Array<() => Promise<void> | void> = [() => standin.close()];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
  };

  try {
    const { workspace } = standin;
    const announceChannel = settings.announceChannel ?? DEFAULT_CHANNEL;
    prepareWorkspace(workspace, announceChannel);
    const bot = await startPlaygroundBot({
      settings,
      standin,
      announceChannel,
      library: () => content.library,
      logger,
      clock,
      onStarted: (app) => cleanups.push(() => app.stop().then(() => undefined)),
    });

    const jobs = startBackgroundJobs(bot.context, bot.app.client);
    cleanups.push(() => jobs.stop());
    const deliverTimer = setInterval(() => workspace.deliverDueScheduled(clock()), DELIVER_DUE_MS);
    deliverTimer.unref();
    cleanups.push(() => clearInterval(deliverTimer));

    const bridge = new SlackBridge({
      standin,
      requestUrl: bot.requestUrl,
      signingSecret: bot.settings.signingSecret ?? '',
      me: PLAYGROUND_USER,
      people: people(workspace, bot.settings),
      logger,
    });
    const notices = new ContentNotices(settings.contentDir, (text) => bridge.notify(DEFAULT_CHANNEL, text));
    notices.show(content.report());

    const live = new LiveStream(() => bridge.state());
    const push = () => live.push();
    standin.on('change', push);
    cleanups.push(() => {
      standin.off('change', push);
      live.close();
    });

    const router = createRouter({
      bridge,
      live,
      assets: await loadPageAssets(logger),
      onPageLoad: async () => notices.show(await content.refresh()),
      logger,
    });
    const port = await servePage(settings, router, logger, cleanups);

    const url = `http://localhost:${port}`;
    logger.info(
      `Playground running at ${url} — no Slack credentials are set, so the bot answers there instead of in Slack. ` +
        'To connect a real workspace, follow "Connecting to Slack" in the README (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN).',
    );

    let stopped: Promise<void> | undefined;
    return {
      url,
      port,
      botUrl: bot.requestUrl,
      settings: bot.settings,
      app: bot.app,
      standin,
      library: () => content.library,
      logger,
      stop: () => {
        stopped ??= cleanup();
        return stopped;
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
