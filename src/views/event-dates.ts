/** The next hackathon's dates as people read them: "Mon 7 – Fri 11 Dec 2026", "in 12 days". */
import { DateTime } from 'luxon';
import type { NextEvent } from '../content/model.js';
import { LOCALE, localDay } from '../reminders/plan.js';
import { formatCount } from '../words.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** `*Hack The Garden*`, or "the next hackathon" when there is no event file. */
export function eventTitle(event: Pick<NextEvent, 'title'> | undefined): string {
  return event ? `*${escapeMrkdwn(event.title)}*` : 'the next hackathon';
}

function span(days: number, first: DateTime, second: DateTime): string {
  if (days <= 60) return formatCount(days, 'day');
  if (days < 120) return formatCount(Math.floor(days / 7), 'week');
  const [from, to] = first < second ? [first, second] : [second, first];
  return formatCount(Math.floor(to.diff(from, 'months').months), 'month');
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
