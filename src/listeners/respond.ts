import { setTimeout as delay } from 'node:timers/promises';
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { BotContext } from '../context.js';
import type { PrivateReply } from '../services/task-request.js';

/** Slack's response URLs give no Retry-After to Bolt's `respond`; a second is what Slack asks elsewhere. */
const RATE_LIMIT_WAIT_MS = 1000;

/**
 * `respond`, tried once more after a 429: a rate-limited post was not taken, so repeating it cannot post
 * twice (a 500 or a timeout might have been, so those are not repeated).
 */
export async function respondRetryingRateLimit(
  respond: RespondFn,
  message: RespondArguments,
  waitMs = RATE_LIMIT_WAIT_MS,
): Promise<void> {
  try {
    await respond(message);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 429) throw error;
    await delay(waitMs);
    await respond(message);
  }
}

/**
 * A reply through the response URL. Slack answers 404 once the URL has expired (30 minutes, 5 uses):
 * that is logged, not thrown, because there is nobody left to tell.
 */
export function responder(respond: RespondFn, context: BotContext): PrivateReply {
  return async (message, options = {}) => {
    try {
      await respondRetryingRateLimit(
        respond,
        {
          response_type: 'ephemeral',
          replace_original: options.replaceOriginal ?? false,
          ...message,
        },
        context.rateLimitWaitMs,
      );
    } catch (error) {
      context.logger.warn(`Could not answer through the response URL: ${(error as Error).message}`);
    }
  };
}
