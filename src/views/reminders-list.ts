/**
 * `/hackathon reminders` and `/hackathon reminders cancel`: what Slack holds scheduled, what a later pass
 * will schedule, and what a cancel removed. Times are shown in the event's zone, the one they were planned in.
 */
import { DateTime } from 'luxon';
import type { NextEvent } from '../content/model.js';
import { formatLocalDateTime, type PlannedReminder } from '../reminders/plan.js';
import type { ScheduledReminder } from '../reminders/reconcile.js';
import { readReminderKey } from '../reminders/sentences.js';
import { formatCount } from '../words.js';
import { eventTitle } from './event-dates.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { whenBefore } from './personal-reminders.js';
import { textMessage } from './text-message.js';

export interface RemindersListInput {
  event: NextEvent | undefined;
  channel: string;
  scheduled: readonly ScheduledReminder[];
  /** Planned beyond Slack's 120-day window. */
  later: readonly PlannedReminder[];
  /** How often the bot checks, for "scheduled within N hours of entering the window". */
  checkHours: number;
}

function describeKey(key: string, start: string | undefined): string {
  const parsed = readReminderKey(key);
  if (!parsed) return key;
  const label = whenBefore(parsed.daysBefore);
  return parsed.start === start ? label : `${label} ${parsed.start} _(not the current date)_`;
}

/** "The reminder 7 days before", "The reminder on the first day". */
export function reminderName(key: string): string {
  const parsed = readReminderKey(key);
  if (!parsed) return 'A reminder';
  const label = whenBefore(parsed.daysBefore);
  return `The reminder ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

function localTime(postAt: number, zone: string): string {
  return formatLocalDateTime(DateTime.fromSeconds(postAt, { zone }));
}

export function remindersListView(input: RemindersListInput): SlackMessage {
  const { event, channel, scheduled, later } = input;
  const zone = event?.timezone ?? 'UTC';
  const title = eventTitle(event);
  const lines: string[] = [];
  const sorted = [...scheduled].sort((a, b) => a.postAt - b.postAt);
  if (sorted.length > 0) {
    lines.push(`*Scheduled in <#${channel}>* for ${title}:`);
    for (const item of sorted) {
      lines.push(`• ${describeKey(item.key, event?.start)}: ${localTime(item.postAt, zone)}`);
    }
  } else {
    lines.push(`No reminders are scheduled in <#${channel}>.`);
  }
  if (later.length > 0) {
    lines.push('', `*Later*, once inside Slack's 120-day scheduling window:`);
    for (const reminder of later) lines.push(`• ${whenBefore(reminder.daysBefore)}: ${reminder.localLabel}`);
  }
  if (!event?.start) {
    lines.push(
      '',
      event?.when
        ? `The date is not set yet (${escapeMrkdwn(event.when)}); reminders are planned once \`start\` is set in next-hackathon.md.`
        : 'There is no date for the next hackathon yet; reminders are planned once `start` is set in next-hackathon.md.',
    );
  }
  const note =
    sorted.length > 0
      ? `Slack posts these even while the bot is down. I check every ${input.checkHours} h. \`/hackathon reminders cancel\` deletes the scheduled ones.`
      : `I check every ${input.checkHours} h.`;
  const text = `${formatCount(sorted.length, 'reminder')} scheduled in <#${channel}>, ${later.length} later.`;
  return textMessage(lines.join('\n'), { note, text });
}

export interface RemindersCancelled {
  deleted: number;
  failed: number;
  /** Due within the minute: Slack posts them and no longer deletes them. */
  tooLate: readonly ScheduledReminder[];
  channel: string;
  /** The event's zone, for the time a reminder that could not be stopped goes out. */
  zone: string;
  hasDate: boolean;
}

export function remindersCancelledView(input: RemindersCancelled): SlackMessage {
  const { deleted, failed, tooLate, channel } = input;
  const done =
    deleted === 0 && failed === 0 && tooLate.length === 0
      ? `There were no scheduled reminders to delete in <#${channel}>.`
      : `Deleted ${formatCount(deleted, 'scheduled reminder')} in <#${channel}>.`;
  const problem = failed > 0 ? ` ${formatCount(failed, 'reminder')} could not be deleted; try again.` : '';
  const late = tooLate.map(
    (item) =>
      `\n• ${reminderName(item.key)} could no longer be stopped: it goes out at ${localTime(item.postAt, input.zone)}, and Slack cannot take back a message due within the minute.`,
  );
  // Slack is the only store, so nothing remembers a cancel: the next check plans from the content again.
  const note = input.hasDate
    ? 'The next check (or a restart) schedules them again from next-hackathon.md. To stop them for good, remove `start` there or set `reminders: []`.'
    : undefined;
  const text = `${done}${problem}${late.join('')}`;
  return textMessage(text, { ...(note ? { note } : {}) });
}

export function noReminderChannelView(): SlackMessage {
  return textMessage(
    'Reminders have no channel: set `ANNOUNCE_CHANNEL`, or `channel:` in next-hackathon.md, and restart the bot.',
  );
}

export function remindersUnavailableView(channel: string, error: string): SlackMessage {
  return textMessage(
    `I could not read the scheduled reminders in <#${channel}>: Slack answered \`${escapeMrkdwn(error)}\`. Please try again in a moment.`,
  );
}
