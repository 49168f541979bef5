import { privateAnswer } from '../../answer.js';
import type { BotContext } from '../../context.js';
import { isReadIntent, parseIntent } from '../../intent.js';
import { type ActionHandler, buttonValue } from './action-args.js';

/**
 * A button that shows another view (a picked candidate, the next page of topics). In a private reply the
 * view replaces it; under a visible message (a shared card, an @-mention's thread) the view goes to the
 * person who clicked, privately, so one person's click never rewrites what everyone sees.
 */
export function showInPlace(context: BotContext, toIntentText: (value: string) => string): ActionHandler {
  return async (args) => {
    const { ack, body, respond } = args;
    await ack();
    const value = buttonValue(args);
    const intent = parseIntent(toIntentText(value));
    if (!isReadIntent(intent)) return;
    const message = privateAnswer(intent, { library: context.library(), now: context.clock() });
    const inPrivate = body.container?.is_ephemeral === true || !body.message;
    const threadTs = body.message?.thread_ts as string | undefined;
    try {
      await respond({
        response_type: 'ephemeral',
        replace_original: inPrivate,
        ...(inPrivate || !threadTs ? {} : { thread_ts: threadTs }),
        ...message,
      });
    } catch (error) {
      context.logger.warn(`Could not show "${value}" to ${body.user.id}: ${(error as Error).message}`);
    }
  };
}
