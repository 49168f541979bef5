/**
 * The story across hackathons: a topic carried on at another hackathon ("Also at May 2026: Replace OpenVPN
 * with WireGuard"). Found from what the recaps say explicitly (a link to the other hackathon's recap or
 * topic, "continued from June 2025"), from an enhancement proposal both titles name (`GEP-28`), and from
 * titles that share most of their telling words. A wrong "also at" is worse than a missing one, so the
 * thresholds are strict and a tie is no match.
 */
import type { Hackathon, HackathonTopic, TopicRef } from './model.js';
import { monthOfWord, yearMonth } from './months.js';
import {
  distinctiveWords,
  headingAnchor,
  identifiers,
  jaccard,
  linkAnchor,
  overlap,
  titleWords,
} from './title-words.js';

/** Titles alike enough, in their telling words, to be the same work at another hackathon. */
export const SAME_WORK_JACCARD = 0.6;
/** …and sharing at least this many telling words: one shared word is a theme, not a topic. */
export const SAME_WORK_SHARED = 2;
/** A word in more topics than this (and than `COMMON_SHARE` of them) tells no topic apart. */
const COMMON_MIN = 8;
const COMMON_SHARE = 0.02;
/** Buttons on a card: the newest few are the story; more would crowd it. */
export const MAX_ALSO_AT = 5;

interface Entry {
  topic: HackathonTopic;
  hackathon: Hackathon;
  /** Title words that tell it apart (generic and very common words left out). */
  distinct: Set<string>;
  ids: Set<string>;
  anchor: string;
}

/** Words that say a topic carries on from earlier work. */
const CONTINUED =
  /\b(continu\w*|follow(?:ed|s)?[- ]?ups?|follow(?:ing)? up|started|began|begun|picked up|carried (?:on|over)|resum\w*|previous(?:ly)?|earlier|last (?:hackathon|time)|since)\b/i;

/** `June 2025`, `Jun 2025`, `06/2025`, `2025-06`. */
function monthsIn(sentence: string): string[] {
  const found: string[] = [];
  for (const [, word, year] of sentence.matchAll(/\b([A-Za-z]{3,9})\.?\s+(\d{4})\b/g)) {
    const month = word ? monthOfWord(word) : undefined;
    if (month) found.push(yearMonth(Number(year), month));
  }
  for (const [, a, b, c, d] of sentence.matchAll(/\b(\d{4})-(\d{2})\b|\b(\d{1,2})\/(\d{4})\b/g)) {
    const year = Number(a ?? d);
    const month = Number(b ?? c);
    if (month >= 1 && month <= 12) found.push(yearMonth(year, month));
  }
  return found;
}

/** The hackathon repository's folder (`2025-06_Schelklingen`) or the wrap-up page (`/hackathons/2025-06`). */
function monthOfUrl(url: string): string | undefined {
  const folder = /gardener-community\/hackathon\/(?:blob|tree)\/[^/]+\/(\d{4})-(\d{2})[_/.-]/i.exec(url);
  if (folder) return `${folder[1]}-${folder[2]}`;
  const page = /\/community\/hackathons\/(\d{4})-(\d{2})\b/i.exec(url);
  return page ? `${page[1]}-${page[2]}` : undefined;
}

function normalUrl(url: string): string {
  return url
    .replace(/#.*$/, '')
    .replace(/\/+$/, '')
    .replace(/^http:/, 'https:')
    .toLowerCase();
}

/** Every topic of the archive, and where to find a hackathon by month or recap link. */
interface Archive {
  entries: Entry[];
  byHackathon: Map<Hackathon, Entry[]>;
  byMonth: Map<string, Hackathon>;
  byRecapUrl: Map<string, Hackathon>;
}

function indexArchive(hackathons: readonly Hackathon[]): Archive {
  const archive: Archive = { entries: [], byHackathon: new Map(), byMonth: new Map(), byRecapUrl: new Map() };
  for (const hackathon of hackathons) {
    if (!archive.byMonth.has(hackathon.month)) archive.byMonth.set(hackathon.month, hackathon);
    for (const recap of hackathon.recaps) {
      if (recap.event.recapUrl) archive.byRecapUrl.set(normalUrl(recap.event.recapUrl), hackathon);
    }
    const own: Entry[] = hackathon.topics.map((topic) => ({
      topic,
      hackathon,
      distinct: distinctiveWords(titleWords(topic.title)),
      ids: identifiers(topic.title),
      anchor: headingAnchor(topic.title),
    }));
    archive.byHackathon.set(hackathon, own);
    archive.entries.push(...own);
  }
  return archive;
}

/**
 * A word in many topics is a theme of the archive, not the name of one line of work (and comparing every
 * topic that has it would cost the square of the archive).
 */
function dropCommonWords(entries: readonly Entry[]): void {
  const frequency = new Map<string, number>();
  for (const entry of entries)
    for (const word of entry.distinct) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const common = Math.max(COMMON_MIN, entries.length * COMMON_SHARE);
  for (const entry of entries) {
    entry.distinct = new Set([...entry.distinct].filter((word) => (frequency.get(word) ?? 0) <= common));
  }
}

/** Topics found to be the same work, both ways round; never two of one hackathon. */
class Pairs {
  readonly found = new Map<Entry, Set<Entry>>();

  add(a: Entry, b: Entry): void {
    if (a.hackathon === b.hackathon) return;
    this.found.set(a, (this.found.get(a) ?? new Set()).add(b));
    this.found.set(b, (this.found.get(b) ?? new Set()).add(a));
  }
}

/**
 * The one topic of `target` that shares most telling words with `entry` (and with what the recap said of
 * it, `said`); none on a tie or without a word in common.
 */
function bestIn(
  archive: Archive,
  entry: Entry,
  target: Hackathon,
  said: ReadonlySet<string> = new Set(),
): Entry | undefined {
  const words = new Set([...entry.distinct, ...said]);
  const ranked = (archive.byHackathon.get(target) ?? [])
    .map((other) => ({
      other,
      shared: overlap(words, other.distinct) + 2 * overlap(entry.ids, other.ids),
      score: jaccard(words, other.distinct),
    }))
    .filter((r) => r.shared >= 1)
    .sort((a, b) => b.shared - a.shared || b.score - a.score);
  const [first, second] = ranked;
  if (!first) return undefined;
  if (second && second.shared === first.shared && second.score === first.score) return undefined;
  return first.other;
}

/** What the recaps say: links to another hackathon's recap or topic, and "continued from June 2025". */
function pairWhatRecapsSay(archive: Archive, pairs: Pairs): void {
  for (const entry of archive.entries) {
    for (const link of entry.topic.links) {
      const month = monthOfUrl(link.url);
      const target =
        archive.byRecapUrl.get(normalUrl(link.url)) ?? (month ? archive.byMonth.get(month) : undefined);
      if (!target || target === entry.hackathon) continue;
      const anchor = linkAnchor(link.url);
      const named = anchor
        ? archive.byHackathon.get(target)?.find((other) => other.anchor === anchor)
        : undefined;
      const found = named ?? bestIn(archive, entry, target);
      if (found) pairs.add(entry, found);
    }
    for (const sentence of entry.topic.summary.text.split(/(?<=[.!?])\s+/)) {
      if (!CONTINUED.test(sentence)) continue;
      for (const month of monthsIn(sentence)) {
        const target = archive.byMonth.get(month);
        if (!target || target === entry.hackathon) continue;
        const found = bestIn(archive, entry, target, distinctiveWords(titleWords(sentence)));
        if (found) pairs.add(entry, found);
      }
    }
  }
}

/** Titles: a shared proposal id, or most telling words in common. Only topics sharing a word are compared. */
function pairAlikeTitles(entries: readonly Entry[], pairs: Pairs): void {
  const byWord = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const word of [...entry.distinct, ...entry.ids])
      byWord.set(word, [...(byWord.get(word) ?? []), entry]);
  }
  for (const entry of entries) {
    const compared = new Set<Entry>();
    const bestPerHackathon = new Map<Hackathon, { other: Entry; score: number; tie: boolean }>();
    for (const word of [...entry.distinct, ...entry.ids]) {
      for (const other of byWord.get(word) ?? []) {
        if (other.hackathon === entry.hackathon || compared.has(other)) continue;
        compared.add(other);
        const sameId = overlap(entry.ids, other.ids) > 0;
        const score = jaccard(entry.distinct, other.distinct);
        const alike =
          score >= SAME_WORK_JACCARD && overlap(entry.distinct, other.distinct) >= SAME_WORK_SHARED;
        if (!sameId && !alike) continue;
        const value = score + (sameId ? 1 : 0);
        const best = bestPerHackathon.get(other.hackathon);
        if (!best || value > best.score)
          bestPerHackathon.set(other.hackathon, { other, score: value, tie: false });
        else if (value === best.score) best.tie = true;
      }
    }
    for (const { other, tie } of bestPerHackathon.values()) if (!tie) pairs.add(entry, other);
  }
}

/** Each paired topic's "also at": the others in archive order (newest first), the first few. */
function writeAlsoAt(hackathons: readonly Hackathon[], pairs: Pairs): void {
  const order = new Map(hackathons.map((h, i) => [h, i]));
  for (const [entry, others] of pairs.found) {
    entry.topic.alsoAt = [...others]
      .sort((a, b) => (order.get(a.hackathon) ?? 0) - (order.get(b.hackathon) ?? 0))
      .slice(0, MAX_ALSO_AT)
      .map(
        (other): TopicRef => ({
          key: other.topic.key,
          hackathonId: other.hackathon.id,
          hackathonLabel: other.hackathon.monthLabel,
          title: other.topic.title,
        }),
      );
  }
}

/** Sets `alsoAt` on every topic that carries on, or is carried on, at another hackathon. */
export function linkStory(hackathons: readonly Hackathon[]): void {
  if (hackathons.length < 2) return;
  const archive = indexArchive(hackathons);
  dropCommonWords(archive.entries);
  const pairs = new Pairs();
  pairWhatRecapsSay(archive, pairs);
  pairAlikeTitles(archive.entries, pairs);
  writeAlsoAt(hackathons, pairs);
}
