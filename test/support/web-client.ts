/** A real WebClient pointed at the Slack stand-in, quiet, with retries short enough for tests. */
import { type Logger, LogLevel, WebClient } from '@slack/web-api';
import type { SlackStandin } from '../../src/standin/server.js';

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

export function standinClient(standin: SlackStandin, token: string, retries = 2): WebClient {
  return new WebClient(token, {
    slackApiUrl: standin.apiUrl,
    logger: silentLogger,
    retryConfig: { retries, factor: 1, minTimeout: 10, maxTimeout: 50 },
  });
}

/** The Slack error code a call fails with (WebClient errors carry it in data.error). */
export async function slackError(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { error?: unknown } }).data?.error;
  }
  throw new Error('expected the call to fail');
}
