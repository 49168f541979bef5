/**
 * The sentences that let the bot recognise its scheduled messages. `chat.scheduledMessages.list` returns a
 * message's text and nothing else (no blocks, no metadata), so the text says, for people, which reminder it
 * is and what the person asked for, and these functions read that back:
 *
 * - "Sent 7 days before the start on 7 December 2026." / "Sent on the first day, 7 December 2026."
 * - "You asked for reminders 7 days before and on the first day, in Mexico City time."
 * - "You asked for reminders at the usual times, in Asia/Kolkata time."
 *
 * Plain words, digits and a zone written without underscores or dots (see `zone-words.ts`): nothing Slack
 * escapes, links or formats, so the text comes back exactly as written.
 */
import { DateTime, Info } from 'luxon';
import { formatCount, listWords } from '../words.js';
import { zoneFromWords, zoneWords } from './zone-words.js';

/** What a person asked for with `remind me`: the zone they were in, and their own days, if they chose. */
export interface PersonalRequest {
  /** IANA zone of the person when they asked. */
  zone: string;
  /** Days before the start; absent means the event's own `reminders`, whatever they become. */
  days?: number[];
}

const DATE_FORMAT = 'd LLLL yyyy';
const LOCALE = 'en-US';

export function reminderKey(start: string, daysBefore: number): string {
  return `hackathon-reminder:${start}:${daysBefore}d`;
}

const KEY = /^hackathon-reminder:(\d{4}-\d{2}-\d{2}):(\d{1,3})d$/;

/** The start date and days before of a reminder key; undefined for anything else. */
export function readReminderKey(key: string): { start: string; daysBefore: number } | undefined {
  const match = KEY.exec(key);
  return match ? { start: match[1]!, daysBefore: Number(match[2]) } : undefined;
}

/** "Sent 7 days before the start on 7 December 2026." for the key `hackathon-reminder:2026-12-07:7d`. */
export function reminderSentence(key: string): string {
  const parsed = readReminderKey(key);
  if (!parsed) throw new Error(`Not a reminder key: ${key}`);
  const date = DateTime.fromISO(parsed.start, { zone: 'UTC' }).setLocale(LOCALE).toFormat(DATE_FORMAT);
  return parsed.daysBefore === 0
    ? `Sent on the first day, ${date}.`
    : `Sent ${formatCount(parsed.daysBefore, 'day')} before the start on ${date}.`;
}

const REMINDER =
  /(?:^|\s)Sent (?:(\d{1,3}) days? before the start on|on the first day,) (\d{1,2}) ([A-Z][a-z]+) (\d{4})\.(?=\s|$)/g;

/** Month names as `DATE_FORMAT` writes them; read back through luxon's own list, not a table of ours. */
const MONTHS = Info.months('long', { locale: LOCALE });

/** The reminder key a scheduled message's text carries, or `undefined` when it is not a reminder. */
export function parseReminderKey(text: string): string | undefined {
  const match = [...text.matchAll(REMINDER)].at(-1);
  if (!match) return undefined;
  // Not `DateTime.fromFormat`: a pass reads thousands of these, and parsing by format is slow.
  const month = MONTHS.indexOf(match[3]!) + 1;
  const date = DateTime.utc(Number(match[4]), month, Number(match[2]));
  if (month === 0 || !date.isValid) return undefined;
  return reminderKey(date.toISODate()!, match[1] === undefined ? 0 : Number(match[1]));
}

export function isReminderText(text: string): boolean {
  return parseReminderKey(text) !== undefined;
}

/** "7 days before, 1 day before and on the first day". */
function dayList(list: readonly number[]): string {
  const parts = list.map((d) => (d === 0 ? 'on the first day' : `${formatCount(d, 'day')} before`));
  return listWords(parts);
}

/** "You asked for reminders 7 days before, in Mexico City time." */
export function requestSentence(request: PersonalRequest): string {
  const when = request.days && request.days.length > 0 ? dayList(request.days) : 'at the usual times';
  return `You asked for reminders ${when}, in ${zoneWords(request.zone)} time.`;
}

const REQUEST =
  /You asked for reminders (at the usual times|(?:(?:\d{1,3} days? before|on the first day)(?:, | and )?)+), in (.+?) time\./;

/** The request a scheduled message's text carries, or `undefined` when it carries none. */
export function parseRequestSentence(text: string): PersonalRequest | undefined {
  const match = REQUEST.exec(text);
  if (!match) return undefined;
  const zone = zoneFromWords(match[2]!);
  if (!zone) return undefined;
  if (match[1] === 'at the usual times') return { zone };
  const chosen = [...match[1]!.matchAll(/(\d{1,3}) days? before|on the first day/g)].map((m) =>
    m[1] === undefined ? 0 : Number(m[1]),
  );
  return { zone, days: chosen };
}

/** Whether two requests are the same wish, as their sentences would tell. */
export function sameRequest(a: PersonalRequest, b: PersonalRequest): boolean {
  return requestSentence(a) === requestSentence(b);
}
