/**
 * When to remind people of the next hackathon. Pure: the clock is a parameter, so a test (or a dry run) can
 * ask what would be scheduled on any day. All calendar arithmetic happens in the event's IANA zone, so a
 * reminder planned across a daylight-saving change still lands at the same local time.
 */
import { DateTime } from 'luxon';
import type { NextEvent } from '../content/model.js';
import { reminderKey } from './sentences.js';

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
/**
 * Slack measures its 120 days with its own clock: a reminder is planned only while it lies this much inside
 * the window, so a server clock a little behind Slack's never gets `time_too_far`.
 */
export const CLOCK_SKEW_MARGIN_MS = 60 * 60_000;
/** Slack rejects a `post_at` in the past; a reminder this close to now would be by the time the call arrives. */
export const PAST_MARGIN_MS = 60_000;

/** Dates and times are shown in English whatever the server's locale; en-US keeps `Sep` (en-GB says `Sept`). */
export const LOCALE = 'en-US';

/** The start of a calendar day (`2026-12-07`) in `zone`. */
export function localDay(date: string, zone: string): DateTime {
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
  const horizonEnd =
    now.getTime() + (options.horizonDays ?? DEFAULT_HORIZON_DAYS) * 86_400_000 - CLOCK_SKEW_MARGIN_MS;

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
