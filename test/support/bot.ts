import type { LogLevel } from '@slack/logger';
import type { Clock } from '../../src/context.js';
import { sendSlashCommand } from '../../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../../src/standin/server.js';
import { type RunningBot, startBot } from '../../src/start.js';
import type { SlackMessage } from '../../src/views/message.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-0000-secret-token';

export interface TestBot {
  standin: SlackStandin;
  bot: RunningBot;
  /** `http://127.0.0.1:PORT/slack/events` */
  requestUrl: string;
  logs: Array<{ level: LogLevel; line: string }>;
  close(): Promise<void>;
}

/** WebClient retries shortened, so a rate-limit test waits milliseconds rather than a minute. */
export const FAST_RETRIES = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 };

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

/**
 * The real bot in HTTP mode on an ephemeral port, its WebClient pointed at a fresh Slack stand-in.
 * WebClient retries are shortened so a rate-limit test waits a second, not a minute.
 */
export async function startTestBot(
  env: Record<string, string> = {},
  options: { clock?: Clock; backgroundJobs?: boolean } = {},
): Promise<TestBot> {
  const standin = await startSlackStandin(options.clock ? { clock: options.clock } : {});
  const logs: TestBot['logs'] = [];
  const bot = await startBot(botEnv(standin, { LOG_LEVEL: 'debug', ...env }), {
    clock: options.clock,
    logSink: (level, line) => logs.push({ level, line }),
    retryConfig: FAST_RETRIES,
    backgroundJobs: options.backgroundJobs ?? false,
  });
  return {
    standin,
    bot,
    requestUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    logs,
    async close() {
      await bot.stop();
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
