import type { RespondFn } from '@slack/bolt';
import type { BotContext } from '../context.js';
import type { SlackMessage } from '../views/message.js';

/** How a task answers the person who asked: privately unless it says otherwise. */
export type Reply = (message: SlackMessage, options?: { replaceOriginal?: boolean }) => Promise<void>;

/**
 * A reply through the response URL. Slack answers 404 once the URL has expired (30 minutes, 5 uses):
 * that is logged, not thrown, because there is nobody left to tell.
 */
export function responder(respond: RespondFn, context: BotContext): Reply {
  return async (message, options = {}) => {
    try {
      await respond({
        response_type: 'ephemeral',
        replace_original: options.replaceOriginal ?? false,
        ...message,
      });
    } catch (error) {
      context.logger.warn(`Could not answer through the response URL: ${(error as Error).message}`);
    }
  };
}
