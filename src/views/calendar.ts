/**
 * "Add to calendar" as a Google Calendar template link: it needs no file hosting, and other calendar apps can
 * import the event from Google. The event is all-day in the venue's zone.
 */
import { DateTime } from 'luxon';
import type { NextEvent } from '../content/model.js';

/** Browsers and Google cut very long URLs; the details are a convenience, the date is what matters. */
const MAX_DETAILS = 1500;

function compactDate(iso: string, plusDays = 0): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).plus({ days: plusDays }).toFormat('yyyyMMdd');
}

function defaultDetails(event: NextEvent): string | undefined {
  const parts = [event.details?.text, event.signup ? `Sign up: ${event.signup}` : undefined].filter(
    (part): part is string => Boolean(part),
  );
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}

/** `encodeURIComponent` leaves `!'()*` alone; some chat clients end a link at `)`, so encode them too. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function googleCalendarUrl(event: NextEvent, details?: string): string | undefined {
  if (!event.start) return undefined;
  const description = details ?? defaultDetails(event);
  const params: [string, string | undefined][] = [
    ['action', 'TEMPLATE'],
    ['text', event.title],
    // All-day events take an exclusive end date.
    ['dates', `${compactDate(event.start)}/${compactDate(event.end ?? event.start, 1)}`],
    ['ctz', event.timezone],
    ['location', event.location],
    [
      'details',
      description && description.length > MAX_DETAILS
        ? `${description.slice(0, MAX_DETAILS - 1)}…`
        : description,
    ],
  ];
  const query = params
    .filter((param): param is [string, string] => param[1] !== undefined && param[1] !== '')
    // `dates` is digits and one slash; Google expects the slash as is.
    .map(([key, value]) => `${key}=${key === 'dates' ? value : encodeQueryValue(value)}`)
    .join('&');
  return `https://calendar.google.com/calendar/render?${query}`;
}
