import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { answer } from '../../answer.js';
import type { BotContext } from '../../context.js';
import { isReadIntent, parseIntent } from '../../intent.js';
import { runTask } from '../../services/tasks.js';
import { decodeSlackText } from '../../slack-text.js';

/** Marks the bot's answer to a mention, so a retried event can see it was already answered. */
const ANSWER_EVENT_TYPE = 'hackathon_bot_answer';

/** How many answered event ids one process remembers: retries come within minutes. */
const REMEMBERED = 500;

async function answeredInSlack(
  client: WebClient,
  channel: string,
  threadTs: string,
  eventId: string,
): Promise<boolean> {
  const replies = await client.conversations.replies({
    channel,
    ts: threadTs,
    include_all_metadata: true,
    limit: 200,
  });
  return (replies.messages ?? []).some(
    (m) =>
      m.metadata?.event_type === ANSWER_EVENT_TYPE &&
      (m.metadata.event_payload as Record<string, unknown> | undefined)?.event_id === eventId,
  );
}

/**
 * `@hackathon-bot wireguard`: the same answers as the command, in a thread. Slack retries an event it
 * did not see acknowledged in time; a retry is answered only if no answer for that event exists, which
 * this process remembers and, across instances, Slack itself shows (the answer carries the event id).
 */
export function appMention(context: BotContext) {
  const answered = new Set<string>();
  const remember = (id: string) => {
    answered.add(id);
    if (answered.size > REMEMBERED) answered.delete(answered.values().next().value as string);
  };
  return async ({
    event,
    body,
    client,
    context: bolt,
  }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const eventId = (body as { event_id?: string }).event_id ?? `${event.channel}:${event.ts}`;
    const threadTs = event.thread_ts ?? event.ts;
    if (answered.has(eventId)) return;
    if (bolt.retryNum) {
      try {
        if (await answeredInSlack(client, event.channel, threadTs, eventId)) {
          remember(eventId);
          return;
        }
      } catch (error) {
        context.logger.warn(
          `Could not check whether mention ${eventId} was answered: ${(error as Error).message}`,
        );
      }
    }
    remember(eventId);
    const typed = decodeSlackText(event.text ?? '', { dropUser: context.botUserId });
    const intent = parseIntent(typed.text, typed);
    const user = event.user ?? '';
    if (!isReadIntent(intent)) {
      // Slack shows an ephemeral message in a thread only once the thread is active: a private answer to a
      // top-level mention goes to the channel, where the person sees it; one in a thread stays there.
      const inThread = event.thread_ts ? { thread_ts: event.thread_ts } : {};
      await runTask(intent, {
        context,
        client,
        userId: user,
        channelId: event.channel,
        reply: async (message) => {
          try {
            await client.chat.postEphemeral({ channel: event.channel, user, ...inThread, ...message });
          } catch (error) {
            context.logger.warn(
              `Could not answer ${user} privately in ${event.channel}: ${(error as Error).message}`,
            );
          }
        },
      });
      return;
    }
    const reply = answer(intent, { library: context.library(), now: context.clock() });
    try {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: threadTs,
        ...reply.message,
        metadata: { event_type: ANSWER_EVENT_TYPE, event_payload: { event_id: eventId } },
      });
    } catch (error) {
      context.logger.warn(`Could not answer mention in ${event.channel}: ${(error as Error).message}`);
    }
  };
}
