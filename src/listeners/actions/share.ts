import { answer } from '../../answer.js';
import type { BotContext } from '../../context.js';
import { isReadIntent, parseIntent } from '../../intent.js';
import { asShared } from '../../views/share.js';
import { respondRetryingRateLimit } from '../respond.js';
import { type ActionHandler, buttonValue } from './action-args.js';

/**
 * "Share in channel": the same card, posted visibly and attributed to whoever shared it. It goes through
 * the response URL, which works in public and private channels and DMs alike, where `chat.postMessage`
 * would fail with not_in_channel or channel_not_found.
 */
export function shareInChannel(context: BotContext): ActionHandler {
  return async (args) => {
    const { ack, body, respond } = args;
    await ack();
    const intent = parseIntent(buttonValue(args));
    if (!isReadIntent(intent)) return;
    const reply = answer(intent, { library: context.library(), now: context.clock() });
    // A button from an older message may name an answer that is not for sharing (help, a choice of topics).
    if (reply.private) return;
    const shared = asShared(reply.message, body.user.id);
    try {
      await respondRetryingRateLimit(
        respond,
        { response_type: 'in_channel', replace_original: false, ...shared },
        context.rateLimitWaitMs,
      );
    } catch (error) {
      context.logger.warn(`Share in channel failed: ${(error as Error).message}`);
      return;
    }
    // The private copy has done its job; removing it keeps the channel view clean.
    await respond({ delete_original: true }).catch((error: Error) => {
      context.logger.debug(`Could not remove the private copy after sharing: ${error.message}`);
    });
  };
}
