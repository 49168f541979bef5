/**
 * Month names, one definition for the whole app: luxon's English names (the recaps are in English), read
 * and written the same way by the grouping, the lookups and the views.
 */
import { Info } from 'luxon';

const LOCALE = 'en';

/** `January` … `December`. */
export const MONTH_NAMES: readonly string[] = Info.months('long', { locale: LOCALE });

/** `january`, `jan`, and `sept` (as common as `sep`) → 1–12. */
export const MONTH_WORDS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i): [string, number][] => {
    const lower = name.toLowerCase();
    const words: [string, number][] = [
      [lower, i + 1],
      [lower.slice(0, 3), i + 1],
    ];
    if (i === 8) words.push(['sept', 9]);
    return words;
  }),
);

/**
 * German spellings, for reading the dates written in German (`2.–6. Juni 2025`, Austrian `Jänner`): luxon's
 * German names, and the short forms and spellings without an umlaut that people type.
 */
export const GERMAN_MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...Info.months('long', { locale: 'de' }).map((name, i): [string, number] => [name.toLowerCase(), i + 1]),
  ['jänner', 1],
  ['maerz', 3],
  ['okt', 10],
  ['dez', 12],
]);

/** The month a word names (`June`, `jun`, `Jun.`), or undefined. */
export function monthOfWord(word: string): number | undefined {
  return MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, ''));
}

/** `YYYY-MM` with a real month. */
export const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function yearMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function parseMonth(ym: string): { year: number; month: number } | undefined {
  const match = YEAR_MONTH.exec(ym);
  return match ? { year: Number(match[1]), month: Number(match[2]) } : undefined;
}

/** `2025-06` → `June 2025`; anything else stays as it is. */
export function monthLabel(ym: string): string {
  const parsed = parseMonth(ym);
  return parsed ? `${MONTH_NAMES[parsed.month - 1]} ${parsed.year}` : ym;
}

/** `2025-06` → `jun 2025`: words `/hackathon topics …` understands. */
export function monthCommandWords(ym: string): string | undefined {
  const parsed = parseMonth(ym);
  return parsed ? `${MONTH_NAMES[parsed.month - 1]?.slice(0, 3).toLowerCase()} ${parsed.year}` : undefined;
}

/** The first and the last day of a month, `YYYY-MM-DD`. */
export function monthDays(ym: string): { first: string; last: string } | undefined {
  const parsed = parseMonth(ym);
  if (!parsed) return undefined;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(parsed.year, parsed.month, 0)).getUTCDate();
  return { first: `${ym}-01`, last: `${ym}-${String(last).padStart(2, '0')}` };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(iso: string): number | undefined {
  const match = DAY.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // `2025-02-30` rolls over into March: not a real day.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return time / 86_400_000;
}

/** Whole days from `a` to `b` (both `YYYY-MM-DD`); negative when `b` is earlier, NaN for a non-date. */
export function daysBetween(a: string, b: string): number {
  const from = dayNumber(a);
  const to = dayNumber(b);
  return from === undefined || to === undefined ? Number.NaN : to - from;
}

/** `2025-06-17` is a real calendar day. */
export function isIsoDay(text: string | undefined): text is string {
  return typeof text === 'string' && dayNumber(text) !== undefined;
}
