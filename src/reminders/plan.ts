/**
 * When to remind people of the next hackathon. Pure: the clock is a parameter, so a test (or a dry run) can
 * ask what would be scheduled on any day. All calendar arithmetic happens in the event's IANA zone, so a
 * reminder planned across a daylight-saving change still lands at the same local time.
 */
import { DateTime } from 'luxon';
import type { NextEvent } from '../content/model.js';

export interface PlannedReminder {
  daysBefore: number;
  /** The `remindAt` local time in the event's zone, `daysBefore` calendar days before `start`. */
  postAt: Date;
  /** `Mon 7 Dec 2026, 09:00 CET` */
  localLabel: string;
  /** `hackathon-reminder:2026-12-07:7d`: stable across runs, so a later pass recognises what it scheduled. */
  key: string;
}

export interface ReminderPlan {
  /** In the future and inside the horizon: schedule these now. */
  due: PlannedReminder[];
  /** In the future but beyond the horizon: a later pass schedules them. */
  later: PlannedReminder[];
  past: PlannedReminder[];
  status: 'no-date' | 'upcoming' | 'over';
}

/** Slack's `chat.scheduleMessage` accepts times at most 120 days ahead. */
export const DEFAULT_HORIZON_DAYS = 120;
/** Slack rejects a `post_at` in the past; a reminder this close to now would be by the time the call arrives. */
export const PAST_MARGIN_MS = 60_000;

/** Dates and times are shown in English whatever the server's locale; en-US keeps `Sep` (en-GB says `Sept`). */
const LOCALE = 'en-US';

function localDay(date: string, zone: string): DateTime {
  return DateTime.fromISO(date, { zone }).setLocale(LOCALE).startOf('day');
}

/**
 * `CET`, `EST`: Intl only knows some abbreviations per locale (en-US says `GMT+1` for Berlin, en-GB says
 * `GMT-5` for New York), so take whichever locale has a name and fall back to the offset.
 */
export function zoneAbbreviation(instant: DateTime): string {
  const names = ['en-US', 'en-GB'].map((locale) => instant.setLocale(locale).toFormat('ZZZZ'));
  return names.find((name) => !/^(GMT|UTC)[+-]/.test(name)) ?? names[0]!;
}

export function formatLocalDateTime(instant: DateTime): string {
  return `${instant.setLocale(LOCALE).toFormat('ccc d LLL yyyy, HH:mm')} ${zoneAbbreviation(instant)}`;
}

export function reminderKey(start: string, daysBefore: number): string {
  return `hackathon-reminder:${start}:${daysBefore}d`;
}

const KEY = /^hackathon-reminder:(\d{4}-\d{2}-\d{2}):(\d{1,3})d$/;

export function planReminders(
  event: NextEvent,
  now: Date,
  options: { horizonDays?: number } = {},
): ReminderPlan {
  const plan: ReminderPlan = { due: [], later: [], past: [], status: 'no-date' };
  if (!event.start) return plan;

  const zone = event.timezone;
  const [hour, minute] = event.remindAt.split(':').map(Number) as [number, number];
  const firstDay = localDay(event.start, zone);
  const dayAfterEnd = localDay(event.end ?? event.start, zone).plus({ days: 1 });
  plan.status = now.getTime() >= dayAfterEnd.toMillis() ? 'over' : 'upcoming';

  const pastBefore = now.getTime() + PAST_MARGIN_MS;
  const horizonEnd = now.getTime() + (options.horizonDays ?? DEFAULT_HORIZON_DAYS) * 86_400_000;

  const reminders = [...new Set(event.reminderDays)]
    .map((daysBefore): PlannedReminder => {
      // Calendar days, not 24-hour steps: `minus({ days })` keeps the wall-clock time across a DST change.
      const local = firstDay.minus({ days: daysBefore }).set({ hour, minute });
      return {
        daysBefore,
        postAt: local.toJSDate(),
        localLabel: formatLocalDateTime(local),
        key: reminderKey(event.start!, daysBefore),
      };
    })
    .sort((a, b) => a.postAt.getTime() - b.postAt.getTime());

  for (const reminder of reminders) {
    const at = reminder.postAt.getTime();
    if (at <= pastBefore) plan.past.push(reminder);
    else if (at <= horizonEnd) plan.due.push(reminder);
    else plan.later.push(reminder);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------
// Scheduled messages come back from `chat.scheduledMessages.list` with nothing but their `text` (their
// `metadata` is not returned reliably), so the fallback text ends with a plain, readable marker that carries
// the key: `… (hackathon-bot reminder 7d before 2026-12-07)`. Plain ASCII without `&`, `<`, `>`, `*`, `_`
// survives Slack's escaping and formatting unchanged, and reads as a harmless note in a notification.

const MARKER = /\(hackathon-bot reminder (\d{1,3})d before (\d{4}-\d{2}-\d{2})\)\s*$/;

export function reminderMarker(key: string): string {
  const match = KEY.exec(key);
  if (!match) throw new Error(`Not a reminder key: ${key}`);
  return `(hackathon-bot reminder ${match[2]}d before ${match[1]})`;
}

/** The reminder key a scheduled message's text carries, or `undefined` when it is not one of ours. */
export function parseReminderMarker(text: string): string | undefined {
  const match = MARKER.exec(text);
  return match ? reminderKey(match[2]!, Number(match[1])) : undefined;
}

export function isReminderText(text: string): boolean {
  return parseReminderMarker(text) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function span(days: number, first: DateTime, second: DateTime): string {
  if (days <= 60) return plural(days, 'day');
  if (days < 120) return plural(Math.floor(days / 7), 'week');
  const [from, to] = first < second ? [first, second] : [second, first];
  return plural(Math.floor(to.diff(from, 'months').months), 'month');
}

/** How far `start` is from `now`, in calendar days of the event's zone: "today", "in 12 days", "started 2 days ago". */
export function countdown(now: Date, start: string, timezone: string): string {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const first = localDay(start, timezone);
  const days = Math.round(first.diff(today, 'days').days);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'started yesterday';
  return days > 0 ? `in ${span(days, today, first)}` : `started ${span(-days, today, first)} ago`;
}

/** "Mon 7 – Fri 11 Dec 2026", "Mon 30 Nov – Fri 4 Dec 2026", "Wed 30 Dec 2026 – Fri 1 Jan 2027", "Mon 7 Dec 2026". */
export function formatEventDates(event: Pick<NextEvent, 'start' | 'end' | 'when'>): string {
  if (!event.start) return event.when ? `${event.when} (date not set yet)` : 'date not set yet';
  const first = DateTime.fromISO(event.start, { zone: 'UTC' }).setLocale(LOCALE);
  const last = DateTime.fromISO(event.end ?? event.start, { zone: 'UTC' }).setLocale(LOCALE);
  const full = 'ccc d LLL yyyy';
  if (last <= first) return first.toFormat(full);
  if (first.year !== last.year) return `${first.toFormat(full)} – ${last.toFormat(full)}`;
  if (first.month !== last.month) return `${first.toFormat('ccc d LLL')} – ${last.toFormat(full)}`;
  return `${first.toFormat('ccc d')} – ${last.toFormat(full)}`;
}
