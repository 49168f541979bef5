/**
 * Hackathon dates as people write them: `02.06.2025 – 06.06.2025`, `02.12.–06.12.2024`, `2.–6.6.2025`,
 * `June 2–6, 2025`, `November 24–28, 2025`, `2–6 June 2025`, `2025-06-02 – 2025-06-06`, or only a month:
 * `June 2025`, `05/2023`, `2025-06`. Pure string work; which text to read is the caller's choice.
 */
import { GERMAN_MONTH_WORDS, MONTH_WORDS } from './months.js';

export interface StatedDates {
  /** `YYYY-MM` of the first day. */
  month: string;
  /** `YYYY-MM-DD`, when days are given. */
  start?: string;
  end?: string;
}

const MONTH_NUMBER: ReadonlyMap<string, number> = new Map([...MONTH_WORDS, ...GERMAN_MONTH_WORDS]);
const MONTH = `(${[...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const TO = '\\s*[–-]\\s*';

/** Longest span a hackathon can have: longer ranges are two dates, not one event. */
const MAX_DAYS = 31;

const pad = (n: number): string => String(n).padStart(2, '0');

function monthOf(name: string | undefined): number | undefined {
  // "may" in lower case is the verb far more often than the month.
  if (!name || name === 'may') return undefined;
  return MONTH_NUMBER.get(name.toLowerCase());
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

function range(
  startParts: [number, number, number],
  endParts: [number, number, number],
): StatedDates | undefined {
  let [sy] = startParts;
  const [, sm, sd] = startParts;
  const [ey, em, ed] = endParts;
  // `30.12.–03.01.2025`: the first day's year, left out, is the year before.
  if (sy === ey && (sm > em || (sm === em && sd > ed))) sy -= 1;
  const start = isoDate(sy, sm, sd);
  const end = isoDate(ey, em, ed);
  if (!start || !end || start > end) return undefined;
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  if (days > MAX_DAYS) return undefined;
  return { month: start.slice(0, 7), start, end };
}

function single(year: number, month: number, day: number): StatedDates | undefined {
  const date = isoDate(year, month, day);
  return date ? { month: date.slice(0, 7), start: date, end: date } : undefined;
}

function onlyMonth(year: number, month: number): StatedDates | undefined {
  return month >= 1 && month <= 12 ? { month: `${year}-${pad(month)}` } : undefined;
}

type Reader = (m: RegExpExecArray, year?: number) => StatedDates | undefined;

const n = (value: string | undefined): number => Number.parseInt(value ?? '', 10);

/** Most specific first: a range with days beats a single day beats a month. */
const READERS: ReadonlyArray<[RegExp, Reader]> = [
  // 2025-06-02 – 2025-06-06, 2025-06-02 – 06-06, 2025-06-02 – 06
  [
    /\b(\d{4})-(\d{2})-(\d{2})\s*[–/]\s*(?:(\d{4})-)?(?:(\d{2})-)?(\d{2})\b/,
    (m) => range([n(m[1]), n(m[2]), n(m[3])], [n(m[4] ?? m[1]), n(m[5] ?? m[2]), n(m[6])]),
  ],
  // 22.05.2023 – 26.05.2023, 02.12.–06.12.2024, 2.–6.6.2025, 08.–12.12.2025
  [
    /\b(\d{1,2})\.(?:(\d{1,2})\.)?(?:(\d{4}))?\s*[–-]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\b/,
    (m) => range([n(m[3] ?? m[6]), n(m[2] ?? m[5]), n(m[1])], [n(m[6]), n(m[5]), n(m[4])]),
  ],
  // June 2–6, 2025; June 30 – July 4, 2025; November 24–28, 2025
  [
    new RegExp(`\\b${MONTH}\\s+${DAY}${TO}(?:${MONTH}\\s+)?${DAY},?\\s+${YEAR}\\b`, 'i'),
    (m) => {
      const sm = monthOf(m[1]);
      const em = m[3] ? monthOf(m[3]) : sm;
      return sm && em ? range([n(m[5]), sm, n(m[2])], [n(m[5]), em, n(m[4])]) : undefined;
    },
  ],
  // 2–6 June 2025; 2 June – 6 June 2025; 30. Juni – 4. Juli 2025
  [
    new RegExp(`\\b${DAY}\\.?\\s*(?:${MONTH}\\s*)?[–-]\\s*${DAY}\\.?\\s+${MONTH},?\\s+${YEAR}\\b`, 'i'),
    (m) => {
      const em = monthOf(m[4]);
      const sm = m[2] ? monthOf(m[2]) : em;
      return sm && em ? range([n(m[5]), sm, n(m[1])], [n(m[5]), em, n(m[3])]) : undefined;
    },
  ],
  // 22.05.2023, 2025-06-02
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (m) => single(n(m[3]), n(m[2]), n(m[1]))],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => single(n(m[1]), n(m[2]), n(m[3]))],
  // June 2, 2025; 2 June 2025
  [
    new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'i'),
    (m) => {
      const month = monthOf(m[1]);
      return month ? single(n(m[3]), month, n(m[2])) : undefined;
    },
  ],
  [
    new RegExp(`\\b${DAY}\\.?\\s+${MONTH},?\\s+${YEAR}\\b`, 'i'),
    (m) => {
      const month = monthOf(m[2]);
      return month ? single(n(m[3]), month, n(m[1])) : undefined;
    },
  ],
  // Year left out ("From November 24–28, the community …"): only with a year from elsewhere.
  [
    new RegExp(`\\b${MONTH}\\s+${DAY}${TO}(?:${MONTH}\\s+)?${DAY}\\b(?!\\s*,?\\s*\\d)`, 'i'),
    (m, year) => {
      const sm = monthOf(m[1]);
      const em = m[3] ? monthOf(m[3]) : sm;
      return year && sm && em ? range([year, sm, n(m[2])], [year, em, n(m[4])]) : undefined;
    },
  ],
  // "in December", "at the beginning of December": the month alone, only with a year from elsewhere.
  [
    /\b(?:in|of|during|this|early|mid|late)\s+(?:the\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*,?\s*\d)/,
    (m, year) => {
      const month = monthOf(m[1]);
      return year && month ? onlyMonth(year, month) : undefined;
    },
  ],
  // June 2025, June of 2025, 2025-06, 05/2023, 2024/05
  [
    new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'i'),
    (m) => {
      const month = monthOf(m[1]);
      return month ? onlyMonth(n(m[2]), month) : undefined;
    },
  ],
  [/\b((?:19|20)\d{2})-(\d{2})(?![-\d])/, (m) => onlyMonth(n(m[1]), n(m[2]))],
  [/(?<![\d./])(\d{1,2})\/((?:19|20)\d{2})\b/, (m) => onlyMonth(n(m[2]), n(m[1]))],
  [/\b((?:19|20)\d{2})\/(\d{1,2})(?![\d/])/, (m) => onlyMonth(n(m[1]), n(m[2]))],
];

/** Dashes, " - ", "to", "until" and "bis" between two dates all read as `–` (ISO dates keep their hyphens). */
function normalize(text: string): string {
  return text
    .replace(/[‐‑‒–—―−]/g, '–')
    .replace(/\s+-\s+/g, ' – ')
    .replace(/\s+(?:to|until|till|through|bis)\s+(?=\d|[A-Za-zÄÖÜäöü]+\.?\s+\d)/gi, ' – ');
}

/**
 * The first date (range) stated in `text`, most specific reading first. `year` completes a range
 * written without one ("November 24–28"); without it such a range is not read.
 */
export function readDates(text: string, year?: number): StatedDates | undefined {
  const normalized = normalize(text);
  // Text a more specific reading matched but found impossible ("31.02.2025 – 02.03.2025") is not read
  // again as something less specific.
  const spent: Array<[number, number]> = [];
  for (const [pattern, read] of READERS) {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const m of normalized.matchAll(global)) {
      const from = m.index ?? 0;
      const to = from + m[0].length;
      if (spent.some(([a, b]) => from < b && a < to)) continue;
      const found = read(m as RegExpExecArray, year);
      if (found) return found;
      spent.push([from, to]);
    }
  }
  return undefined;
}

/** `weight: -202506` (how the wrap-up pages sort themselves) → `2025-06`. */
export function monthOfWeight(weight: unknown): string | undefined {
  if (typeof weight !== 'number' || !Number.isInteger(weight)) return undefined;
  const m = /^((?:19|20)\d{2})(0[1-9]|1[0-2])$/.exec(String(Math.abs(weight)));
  return m ? `${m[1]}-${m[2]}` : undefined;
}
