import type { WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';

export interface BackgroundJobs {
  stop(): void;
}

/** Reminder reconciling and auto-announcement, started with the bot. */
export function startBackgroundJobs(_context: BotContext, _client: WebClient): BackgroundJobs {
  return { stop() {} };
}
