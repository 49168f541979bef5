import type { WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';
import type { Intent, ReadIntent } from '../intent.js';
import type { Reply } from '../listeners/respond.js';
import { planReminders } from '../reminders/plan.js';
import {
  deleteScheduledReminders,
  listScheduledReminders,
  reminderChannel,
  type ScheduledReminder,
} from '../reminders/reconcile.js';
import { describeError } from '../slack-errors.js';
import type { SlackMessage } from '../views/message.js';
import {
  noReminderChannelView,
  remindersCancelledView,
  remindersListView,
  remindersUnavailableView,
} from '../views/reminders-list.js';
import { previewAnnouncement } from './announce.js';
import { remindMe } from './follow.js';
import { checkAnnouncer, refusalMessage } from './permissions.js';
import { subscribe, unsubscribe } from './subscriptions.js';

export interface TaskRequest {
  context: BotContext;
  client: WebClient;
  userId: string;
  channelId: string;
  reply: Reply;
}

export type TaskIntent = Exclude<Intent, ReadIntent>;

type TaskHandler<K extends TaskIntent['kind']> = (
  intent: Extract<TaskIntent, { kind: K }>,
  request: TaskRequest,
) => Promise<void>;

function plain(text: string): SlackMessage {
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** `/hackathon reminders [cancel]`, announcers only: what is scheduled in the reminder channel, or delete it. */
const reminders: TaskHandler<'reminders'> = async (intent, request) => {
  const { context, client, userId, reply } = request;
  const permission = await checkAnnouncer(client, context, userId);
  if (!permission.allowed) {
    await reply(refusalMessage(context.settings, permission, 'manage reminders'));
    return;
  }
  const event = context.library().next;
  const channel = reminderChannel(context.settings, event);
  if (!channel) {
    await reply(noReminderChannelView());
    return;
  }
  let scheduled: ScheduledReminder[];
  try {
    scheduled = await listScheduledReminders(client, channel);
  } catch (error) {
    await reply(remindersUnavailableView(channel, describeError(error)));
    return;
  }
  if (intent.cancel) {
    const { deleted, failed } = await deleteScheduledReminders(client, scheduled, context.logger);
    context.logger.info(`Reminders: ${userId} cancelled ${deleted} scheduled reminder(s) in <#${channel}>`);
    await reply(remindersCancelledView(deleted, failed, channel, Boolean(event?.start)));
    return;
  }
  const later = event ? planReminders(event, context.clock()).later : [];
  await reply(
    remindersListView({ event, channel, scheduled, later, checkHours: context.settings.reminderCheckHours }),
  );
};

/** One handler per task. */
const HANDLERS: { [K in TaskIntent['kind']]: TaskHandler<K> } = {
  announce: previewAnnouncement,
  reminders,
  'remind-me': remindMe,
  subscribe,
  unsubscribe,
};

/** Requests that act in Slack (announce, reminders, subscriptions) rather than only read content. */
export async function runTask(intent: TaskIntent, request: TaskRequest): Promise<void> {
  const handler = HANDLERS[intent.kind] as TaskHandler<typeof intent.kind>;
  try {
    await handler(intent, request);
  } catch (error) {
    request.context.logger.error(`/hackathon ${intent.kind} failed: ${(error as Error).message}`);
    await request.reply(plain('Sorry, something went wrong on my side. Please try again in a moment.'));
  }
}
