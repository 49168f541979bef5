/** Small formatting helpers shared by the views: durations, dates, counts and one-line text. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

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

/**
 * `2025-06-17` → `June 17, 2025`, the way the recaps print their dates. Written by hand rather than with
 * `Intl` so the output does not depend on the server's locale or ICU data.
 */
export function formatDate(date: string): string {
  const parsed = parseDate(date);
  if (!parsed) return date;
  return `${MONTHS[parsed.month - 1]} ${parsed.day}, ${parsed.year}`;
}

/** `2024-12-08` → `dec 2024`: the words `/hackathon topics …` understands for a recap. */
export function recapCommandWords(date: string): string | undefined {
  const parsed = parseDate(date);
  if (!parsed) return undefined;
  return `${MONTHS[parsed.month - 1]!.slice(0, 3).toLowerCase()} ${parsed.year}`;
}

/** `1, 'topic'` → `1 topic`; `15, 'topic'` → `15 topics`. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
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
