/** The next hackathon's reminders in one channel, with the newest recap linked from each. */
import type { WebClient } from '@slack/web-api';
import type { NextEvent } from '../content/model.js';
import type { BotContext } from '../context.js';
import type { ReconcileSummary } from '../reminders/reconcile.js';
import { reminderMessage } from '../views/reminder.js';
import { latestRecapRef } from './latest-recap.js';
import { reconcileReminders } from './scheduled-reminders.js';

export function reconcileChannelReminders(
  client: WebClient,
  context: BotContext,
  channel: string,
  event: NextEvent,
): Promise<ReconcileSummary> {
  const latest = latestRecapRef(context.library());
  return reconcileReminders(client, {
    channel,
    event,
    now: context.clock(),
    message: (reminder) => reminderMessage(event, reminder, latest),
    logger: context.logger,
  });
}
