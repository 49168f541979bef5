import type { WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';
import type { Intent, ReadIntent } from '../intent.js';
import type { Reply } from '../listeners/respond.js';

export interface TaskRequest {
  context: BotContext;
  client: WebClient;
  userId: string;
  channelId: string;
  reply: Reply;
}

/** Requests that act in Slack (announce, reminders, subscriptions) rather than only read content. */
export async function runTask(intent: Exclude<Intent, ReadIntent>, request: TaskRequest): Promise<void> {
  await request.reply({
    text: `\`${intent.kind}\` is not available yet.`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `\`${intent.kind}\` is not available yet.` } }],
  });
}
