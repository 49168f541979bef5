/** What every task (announce, reminders, remind me, subscriptions) is given to act and to answer. */
import type { WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';
import type { SlackMessage } from '../views/message.js';

/** How a task answers the person who asked: privately, replacing the message with the button if asked to. */
export type PrivateReply = (message: SlackMessage, options?: { replaceOriginal?: boolean }) => Promise<void>;

export interface TaskRequest {
  context: BotContext;
  client: WebClient;
  userId: string;
  channelId: string;
  reply: PrivateReply;
}
