import type { Logger } from '@slack/logger';
import type { Library } from './library.js';
import type { Settings } from './settings.js';

/** Time comes in from outside so reminders and countdowns are testable. */
export type Clock = () => Date;

/** What every listener needs; built once in `createApp`. */
export interface BotContext {
  settings: Settings;
  /** The current library: a function, because the playground reloads content while running. */
  library: () => Library;
  clock: Clock;
  logger: Logger;
  botUserId: string;
  /** How long a post to a response URL waits after a 429 before its one retry; tests shorten it. */
  rateLimitWaitMs?: number;
}
