import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answer, privateAnswer } from '../../answer.js';
import type { BotContext } from '../../context.js';
import { isReadIntent, parseIntent } from '../../intent.js';

/**
 * A button that shows another view (a picked candidate, the next page of topics). In a private reply the
 * view replaces it; under a visible message (an @-mention's thread) it is posted in the thread instead,
 * so one person's click does not rewrite what everyone sees.
 */
export function showInPlace(context: BotContext, toIntentText: (value: string) => string) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const intent = parseIntent(toIntentText(action.value ?? ''));
    if (!isReadIntent(intent)) return;
    const answerContext = { library: context.library(), now: context.clock() };
    const ephemeral = body.container?.is_ephemeral === true || !body.message;
    try {
      if (ephemeral) {
        await respond({
          replace_original: true,
          response_type: 'ephemeral',
          ...privateAnswer(intent, answerContext),
        });
      } else if (body.channel?.id && body.message) {
        const reply = answer(intent, answerContext);
        await client.chat.postMessage({
          channel: body.channel.id,
          thread_ts: (body.message.thread_ts as string | undefined) ?? body.message.ts,
          ...reply.message,
        });
      }
    } catch (error) {
      context.logger.warn(`Could not show "${action.value}": ${(error as Error).message}`);
    }
  };
}
