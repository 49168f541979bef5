import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { commandReply } from '../../answer.js';
import type { BotContext } from '../../context.js';
import { isReadIntent, parseIntent } from '../../intent.js';
import { runTask } from '../../services/tasks.js';
import { decodeSlackText } from '../../slack-text.js';
import { responder } from '../respond.js';

/**
 * `/hackathon …`: read-only answers go back in the acknowledgement itself (no Web API call, well inside
 * Slack's 3 seconds); tasks that talk to Slack acknowledge first and answer through the response URL.
 */
export function hackathonCommand(context: BotContext) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const typed = decodeSlackText(command.text ?? '');
    const intent = parseIntent(typed.text, typed);
    if (isReadIntent(intent)) {
      await ack(commandReply(intent, { library: context.library(), now: context.clock() }));
      return;
    }
    await ack();
    await runTask(intent, {
      context,
      client,
      userId: command.user_id,
      channelId: command.channel_id,
      reply: responder(respond, context),
    });
  };
}
