/**
 * `/hackathon reminders` and `/hackathon reminders cancel`: what Slack holds scheduled, what a later pass
 * will schedule, and what a cancel removed. Times are shown in the event's zone, the one they were planned in.
 */
import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { NextEvent } from '../content/model.js';
import { formatLocalDateTime, type PlannedReminder } from '../reminders/plan.js';
import type { ScheduledReminder } from '../reminders/reconcile.js';
import { formatCount } from './format.js';
import { MAX_FALLBACK_TEXT, MAX_SECTION_TEXT, splitMrkdwn, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface RemindersListInput {
  event: NextEvent | undefined;
  channel: string;
  scheduled: readonly ScheduledReminder[];
  /** Planned beyond Slack's 120-day window. */
  later: readonly PlannedReminder[];
  /** How often the bot checks, for "scheduled within N hours of entering the window". */
  checkHours: number;
}

const KEY = /^hackathon-reminder:(\d{4}-\d{2}-\d{2}):(\d{1,3})d$/;

function whenBefore(daysBefore: number): string {
  if (daysBefore === 0) return 'On the first day';
  return `${formatCount(daysBefore, 'day')} before`;
}

function describeKey(key: string, start: string | undefined): string {
  const match = KEY.exec(key);
  if (!match) return key;
  const label = whenBefore(Number(match[2]));
  return match[1] === start ? label : `${label} ${match[1]} _(not the current date)_`;
}

function localTime(postAt: number, zone: string): string {
  return formatLocalDateTime(DateTime.fromSeconds(postAt, { zone }));
}

function sections(text: string): KnownBlock[] {
  return splitMrkdwn(text, MAX_SECTION_TEXT).map(
    (chunk): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }),
  );
}

function message(text: string, body: string, note?: string): SlackMessage {
  const blocks = sections(body);
  if (note)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(note, MAX_SECTION_TEXT) }] });
  return { text: truncate(text, MAX_FALLBACK_TEXT), blocks };
}

export function remindersListView(input: RemindersListInput): SlackMessage {
  const { event, channel, scheduled, later } = input;
  const zone = event?.timezone ?? 'UTC';
  const title = event ? `*${escapeMrkdwn(event.title)}*` : 'the next hackathon';
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
  return message(text, lines.join('\n'), note);
}

export function remindersCancelledView(
  deleted: number,
  failed: number,
  channel: string,
  hasDate: boolean,
): SlackMessage {
  const done =
    deleted === 0 && failed === 0
      ? `There were no scheduled reminders to delete in <#${channel}>.`
      : `Deleted ${formatCount(deleted, 'scheduled reminder')} in <#${channel}>.`;
  const problem = failed > 0 ? ` ${formatCount(failed, 'reminder')} could not be deleted; try again.` : '';
  // Slack is the only store, so nothing remembers a cancel: the next check plans from the content again.
  const note = hasDate
    ? 'The next check (or a restart) schedules them again from next-hackathon.md. To stop them for good, remove `start` there or set `reminders: []`.'
    : undefined;
  return message(`${done}${problem}`, `${done}${problem}`, note);
}

export function noReminderChannelView(): SlackMessage {
  const text =
    'Reminders have no channel: set `ANNOUNCE_CHANNEL`, or `channel:` in next-hackathon.md, and restart the bot.';
  return message(text, text);
}

export function remindersUnavailableView(channel: string, error: string): SlackMessage {
  const text = `I could not read the scheduled reminders in <#${channel}>: Slack answered \`${escapeMrkdwn(error)}\`. Please try again in a moment.`;
  return message(text, text);
}
