/** `/hackathon reminders [cancel]`, announcers only: what is scheduled in the reminder channel, or delete it. */
import type { Intent } from '../intent.js';
import { planReminders } from '../reminders/plan.js';
import { reminderChannel, type ScheduledReminder } from '../reminders/reconcile.js';
import { describeError } from '../slack-errors.js';
import {
  noReminderChannelView,
  remindersCancelledView,
  remindersListView,
  remindersUnavailableView,
} from '../views/reminders-list.js';
import { announcerOrRefused } from './permissions.js';
import { deleteScheduledReminders, listScheduledReminders } from './scheduled-reminders.js';
import type { TaskRequest } from './task-request.js';

export async function remindersCommand(
  intent: Extract<Intent, { kind: 'reminders' }>,
  request: TaskRequest,
): Promise<void> {
  const { context, client, userId, reply } = request;
  if (!(await announcerOrRefused(request, 'manage reminders'))) return;
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
    const removed = await deleteScheduledReminders(client, scheduled, {
      logger: context.logger,
      now: context.clock(),
    });
    context.logger.info(
      `Reminders: ${userId} cancelled ${removed.deleted} scheduled reminder(s) in <#${channel}> (${removed.tooLate.length} too late to stop)`,
    );
    await reply(
      remindersCancelledView({
        ...removed,
        channel,
        zone: event?.timezone ?? 'UTC',
        hasDate: Boolean(event?.start),
      }),
    );
    return;
  }
  const later = event ? planReminders(event, context.clock()).later : [];
  await reply(
    remindersListView({ event, channel, scheduled, later, checkHours: context.settings.reminderCheckHours }),
  );
}
