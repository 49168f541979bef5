/**
 * What the archive of hackathons says about the next one when no date is set: how often they happen (from
 * their dates), when and where the last one was, and the newest recap's closing sentence, unless the date it
 * names has passed. Pure: the clock comes in as `now`.
 */
import type { Hackathon, RichText } from '../content/model.js';
import { MONTH_NAMES, monthDays, monthOfWord, yearMonth } from '../content/months.js';
import { listWords } from '../words.js';
import { hackathonName, hackathonWhen } from './hackathon.js';

export interface ArchiveFacts {
  count: number;
  /** "about twice a year, usually in May/June and December"; absent with fewer than two hackathons. */
  rhythm?: string;
  last?: { name: string; when: string; place?: string };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function monthIndex(ym: string): number {
  return Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
}

function howOften(gapMonths: number): string {
  if (gapMonths <= 4) return 'every few months';
  if (gapMonths <= 8) return 'about twice a year';
  if (gapMonths <= 15) return 'about once a year';
  return `about every ${Math.round(gapMonths / 12)} years`;
}

/** Months of the year that come back, neighbours joined: "May/June and December". */
function usualMonths(months: readonly string[]): string | undefined {
  const counts = new Map<number, number>();
  for (const ym of months) {
    const m = Number(ym.slice(5, 7));
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const runs: { months: number[]; count: number }[] = [];
  for (let m = 1; m <= 12; m++) {
    const count = counts.get(m) ?? 0;
    if (count === 0) continue;
    const last = runs.at(-1);
    if (last && last.months.at(-1) === m - 1) {
      last.months.push(m);
      last.count += count;
    } else runs.push({ months: [m], count });
  }
  const usual = runs.filter((run) => run.count >= 2 && run.months.length <= 2);
  if (usual.length === 0) return undefined;
  const names = usual.map((run) => run.months.map((m) => MONTH_NAMES[m - 1]).join('/'));
  return listWords(names);
}

export function archiveFacts(hackathons: readonly Hackathon[]): ArchiveFacts {
  const facts: ArchiveFacts = { count: hackathons.length };
  const latest = hackathons[0];
  if (latest) {
    facts.last = { name: hackathonName(latest), when: hackathonWhen(latest) };
    if (latest.place) facts.last.place = latest.place;
  }
  const months = [...new Set(hackathons.map((h) => h.month))].sort();
  if (months.length >= 2) {
    const gaps = months.slice(1).map((m, i) => monthIndex(m) - monthIndex(months[i] ?? m));
    const usual = usualMonths(months);
    facts.rhythm = `${howOften(median(gaps))}${usual ? `, usually in ${usual}` : ''}`;
  }
  return facts;
}

/** The last day a closing sentence speaks of: "early December 2025" → 2025-12-31, "the end of 2024" → 2024-12-31. */
export function closingDate(text: string): string | undefined {
  const days: string[] = [];
  for (const [, word, year] of text.matchAll(/\b([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/g)) {
    const month = word ? monthOfWord(word) : undefined;
    const last = month ? monthDays(yearMonth(Number(year), month))?.last : undefined;
    if (last) days.push(last);
  }
  for (const [, year] of text.matchAll(
    /\b(?:end|autumn|fall|winter|summer|spring|beginning|start|middle|mid)\b[^.\d]{0,12}\b(\d{4})\b/gi,
  )) {
    days.push(`${year}-12-31`);
  }
  for (const [, year] of text.matchAll(/\bin (\d{4})\b/g)) days.push(`${year}-12-31`);
  return days.sort().at(-1);
}

/**
 * The newest hackathon's sentence about the next one, while it still speaks of the future: once the date it
 * names has passed, it is history, not news. An older hackathon's sentence is never used: the hackathon it
 * announced is in the archive by then.
 */
export function currentClosing(hackathons: readonly Hackathon[], now: Date): RichText | undefined {
  const latest = hackathons[0];
  const closing = latest?.nextHackathon;
  if (!closing) return undefined;
  const until = closingDate(closing.text);
  if (until && until < now.toISOString().slice(0, 10)) return undefined;
  return closing;
}
