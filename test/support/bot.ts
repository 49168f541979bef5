import type { Clock } from '../../src/context.js';
import { sendSlashCommand } from '../../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../../src/standin/server.js';
import { type RunningBot, type StartOptions, startBot } from '../../src/start.js';
import type { SlackMessage } from '../../src/views/message.js';
import { LogLines } from './log-lines.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-secret-token';

/** WebClient retries shortened, so a rate-limit test waits milliseconds rather than a minute. */
export const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 };

/** The wait before a rate-limited response URL post is retried: a second in production, none worth waiting for here. */
export const FAST_RATE_LIMIT_WAIT_MS = 10;

/** The environment of the bot in HTTP mode on an ephemeral port, its Web API pointed at `standin`. */
export function botEnv(
  standin: { apiUrl: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standin.apiUrl,
    PORT: '0',
    CONTENT_DIR: 'content',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

export interface LaunchOptions {
  /** More settings on top of `botEnv`'s (CONTENT_DIR, ANNOUNCE_CHANNEL, LOG_LEVEL…). */
  env?: Record<string, string>;
  clock?: Clock;
  /** The reminder and announcement jobs; off unless a test is about them. */
  backgroundJobs?: boolean;
  requestTimeoutMs?: StartOptions['requestTimeoutMs'];
}

export interface TestBot {
  standin: SlackStandin;
  bot: RunningBot;
  /** `http://127.0.0.1:PORT/slack/events` */
  requestUrl: string;
  logs: LogLines;
  /** Stops the bot, and the stand-in too when it was started for this bot. */
  close(): Promise<void>;
}

/**
 * The real bot in HTTP mode on an ephemeral port, its WebClient pointed at `standin`, with WebClient retries
 * and the response URL's rate-limit wait shortened so a fault test waits milliseconds, not a minute.
 */
export async function launchBot(standin: SlackStandin, options: LaunchOptions = {}): Promise<TestBot> {
  const logs = new LogLines();
  const bot = await startBot(botEnv(standin, options.env), {
    clock: options.clock,
    logSink: logs.push,
    retryConfig: FAST_RETRIES,
    rateLimitWaitMs: FAST_RATE_LIMIT_WAIT_MS,
    requestTimeoutMs: options.requestTimeoutMs,
    backgroundJobs: options.backgroundJobs ?? false,
  });
  return {
    standin,
    bot,
    requestUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    logs,
    close: () => bot.stop(),
  };
}

/** `launchBot` with a fresh Slack stand-in of its own (on the same clock), logging at debug level. */
export async function startTestBot(
  env: Record<string, string> = {},
  options: LaunchOptions = {},
): Promise<TestBot> {
  const standin = await startSlackStandin(options.clock ? { clock: options.clock } : {});
  const t = await launchBot(standin, { ...options, env: { LOG_LEVEL: 'debug', ...env } });
  return {
    ...t,
    async close() {
      await t.bot.stop();
      await standin.close();
    },
  };
}

/**
 * `/hackathon <text>` for a task (announce, reminders, remind me, subscribe…): such commands are
 * acknowledged empty and answered through the response URL; resolves with that answer.
 */
export async function commandAnswer(
  target: { standin: SlackStandin; requestUrl: string },
  text: string,
  user: string,
  channel = 'C_GENERAL',
): Promise<SlackMessage & { response_type?: string }> {
  const before = target.standin.responses.length;
  const waiting = target.standin.waitForResponse(before + 1);
  const ack = await sendSlashCommand(target.requestUrl, SIGNING_SECRET, {
    text,
    user_id: user,
    channel_id: channel,
    response_url: target.standin.responseUrl({ channel, user }),
  });
  if (ack.status !== 200) throw new Error(`/hackathon ${text} was answered with HTTP ${ack.status}`);
  const answer = (await waiting)[before]?.body;
  if (!answer) throw new Error(`/hackathon ${text} got no answer through its response URL`);
  return answer as SlackMessage & { response_type?: string };
}
