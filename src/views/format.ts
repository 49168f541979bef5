/** Small formatting helpers shared by the views: durations, dates, counts and one-line text. */
import { MONTH_NAMES, monthCommandWords } from '../content/months.js';

/** `104` → `1:44`, `3723` → `1:02:03`: how YouTube shows a position, so people recognise it. */
export function formatTimestamp(seconds: number): string {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

function parseDate(date: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { year: Number(match[1]), month, day };
}

/** `2025-06-17` → `June 17, 2025`, the way the recaps print their dates (luxon's English month names). */
export function formatDate(date: string): string {
  const parsed = parseDate(date);
  if (!parsed) return date;
  return `${MONTH_NAMES[parsed.month - 1]} ${parsed.day}, ${parsed.year}`;
}

/** `2024-12-08` → `dec 2024`: the words `/hackathon topics …` understands for a month. */
export function recapCommandWords(date: string): string | undefined {
  return parseDate(date) ? monthCommandWords(date.slice(0, 7)) : undefined;
}

/**
 * The days of a hackathon: `2–6 June 2025`, `28 November – 2 December 2025`, `30 December 2025 – 3 January
 * 2026`; one day alone is `2 June 2025`.
 */
export function formatDays(start: string, end: string = start): string {
  const first = parseDate(start);
  const last = parseDate(end) ?? first;
  if (!first || !last) return start;
  const name = (month: number) => MONTH_NAMES[month - 1];
  if (end <= start || (first.day === last.day && first.month === last.month && first.year === last.year)) {
    return `${first.day} ${name(first.month)} ${first.year}`;
  }
  if (first.year !== last.year) {
    return `${first.day} ${name(first.month)} ${first.year} – ${last.day} ${name(last.month)} ${last.year}`;
  }
  if (first.month !== last.month) {
    return `${first.day} ${name(first.month)} – ${last.day} ${name(last.month)} ${last.year}`;
  }
  return `${first.day}–${last.day} ${name(last.month)} ${last.year}`;
}

/** `16, 30` → `16–30`; a single item stays `16`. */
export function formatRange(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

/** Newlines and runs of spaces would break bold text, headers and button labels: fold them to one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first sentence of plain text, for notification fallbacks; the whole text when it has no full stop. */
export function firstSentence(text: string): string {
  const flat = oneLine(text);
  const match = /^.+?[.!?](?=\s|$)/.exec(flat);
  return match ? match[0] : flat;
}
