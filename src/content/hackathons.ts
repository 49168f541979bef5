/**
 * Recaps → hackathons. Several recaps of one hackathon (a blog post and a wrap-up page) are one hackathon:
 * they are matched by the dates they state, and their topics are merged into one card each. Pure.
 */
import { linkStory } from './also-at.js';
import type {
  Hackathon,
  HackathonLinks,
  HackathonTopic,
  Link,
  Recap,
  RecapFacts,
  Section,
  Topic,
  TopicSource,
} from './model.js';
import { daysBetween, isIsoDay, monthDays, monthLabel, YEAR_MONTH } from './months.js';
import { slugify } from './slug.js';
import { headingAnchor, jaccard, linkAnchor, overlap, titleWords } from './title-words.js';

/** A blog post is published after its hackathon, usually within days; a month later is still plausible. */
const PUBLISHED_WITHIN_DAYS = 45;
/** Two titles of one hackathon's topic share most of their words (after stemming): more than half. */
const SAME_TOPIC_JACCARD = 0.6;

interface Placement {
  recap: Recap;
  month: string;
  /** The days it covers: the stated first and last day, or the whole month. */
  first: string;
  last: string;
  /** Days were stated, not the month only. */
  exact: boolean;
  byPublication: boolean;
}

interface Cluster {
  month: string;
  first: string;
  last: string;
  placements: Placement[];
}

function placementOf(recap: Recap): Placement | undefined {
  const { facts } = recap;
  const stated = facts.month && YEAR_MONTH.test(facts.month) ? facts.month : undefined;
  if (stated) {
    const days = monthDays(stated);
    if (!days) return undefined;
    if (isIsoDay(facts.start)) {
      const last = isIsoDay(facts.end) && facts.end >= facts.start ? facts.end : facts.start;
      return { recap, month: stated, first: facts.start, last, exact: true, byPublication: false };
    }
    return { recap, month: stated, first: days.first, last: days.last, exact: false, byPublication: false };
  }
  return undefined;
}

function overlaps(a: { first: string; last: string }, b: { first: string; last: string }): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** The recaps that state their hackathon's dates, clustered: overlapping days (or the same month) are one. */
function clusterStated(placements: Placement[]): Cluster[] {
  const clusters: Cluster[] = [];
  // Exact days first, so a month-only recap joins the hackathon whose days fall in its month.
  const ordered = [...placements].sort(
    (a, b) => Number(b.exact) - Number(a.exact) || a.first.localeCompare(b.first),
  );
  for (const placement of ordered) {
    // Overlapping days are one hackathon; so is a month that holds a hackathon's days.
    const cluster = clusters.find((c) => overlaps(c, placement));
    if (cluster) cluster.placements.push(placement);
    else {
      clusters.push({
        month: placement.month,
        first: placement.first,
        last: placement.last,
        placements: [placement],
      });
    }
  }
  return clusters;
}

/**
 * A recap that states no month joins the hackathon that ended shortly before it was published (or that it
 * was published during); otherwise it stands alone in its publication month.
 */
function placeByPublication(recap: Recap, clusters: Cluster[]): void {
  const published = recap.event.date;
  const candidates = clusters
    .map((cluster) => ({ cluster, after: daysBetween(cluster.last, published) }))
    .filter(
      ({ cluster, after }) =>
        Number.isFinite(after) &&
        (overlaps(cluster, { first: published, last: published }) ||
          (after >= 0 && after <= PUBLISHED_WITHIN_DAYS)),
    )
    .sort((a, b) => a.after - b.after);
  const month = published.slice(0, 7);
  const days = monthDays(month) ?? { first: published, last: published };
  const placement: Placement = {
    recap,
    month,
    first: days.first,
    last: days.last,
    exact: false,
    byPublication: true,
  };
  const found = candidates[0]?.cluster;
  if (found) found.placements.push(placement);
  else clusters.push({ month, first: days.first, last: days.last, placements: [placement] });
}

/**
 * Where facts and text are read first: wrap-up pages (they state the days, place and organizer, and tell
 * each topic in full), then blog posts; each kind newest publication first.
 */
function factOrder(a: Recap, b: Recap): number {
  const kind = (r: Recap) => (r.kind === 'wrap-up' ? 0 : 1);
  return kind(a) - kind(b) || b.event.date.localeCompare(a.event.date) || a.id.localeCompare(b.id);
}

/** How a hackathon lists its recaps, as people name them: the blog post, then the wrap-up page. */
function readingOrder(a: Recap, b: Recap): number {
  return -factOrder(a, b);
}

function firstFact<K extends keyof RecapFacts>(recaps: readonly Recap[], key: K): RecapFacts[K] | undefined {
  for (const recap of recaps) {
    const value = recap.facts[key];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}

const ORDINAL = /\b(\d{1,3})(?:st|nd|rd|th)\b[^.:]{0,40}\bhackathon\b/i;

function ordinalOf(recaps: readonly Recap[]): number | undefined {
  const stated = firstFact(recaps, 'ordinal');
  if (stated !== undefined) return stated;
  for (const recap of recaps) {
    const match = ORDINAL.exec(`${recap.event.title} ${recap.event.subtitle ?? ''}`);
    if (match) return Number(match[1]);
  }
  return undefined;
}

/** "Hack The Garden Walldorf Edition" from a title like "Hack The Garden Walldorf Edition 12/2025 Wrap Up". */
function nameOf(recaps: readonly Recap[]): string | undefined {
  const stated = firstFact(recaps, 'name');
  if (stated) return stated;
  for (const recap of recaps) {
    const match = /\bHack The Garden\b[^:|]*?\bEdition\b/i.exec(recap.event.title);
    if (match) return match[0];
  }
  return undefined;
}

const COUNTRIES = new Set(
  'germany deutschland bulgaria austria switzerland netherlands france spain italy poland portugal czechia romania usa india'.split(
    ' ',
  ),
);

/** "Schlosshof Freizeitheim, Schelklingen" → "Schelklingen"; "Schlosshof in Schelklingen, Germany" too. */
export function shortPlace(place: string): string {
  const parts = place
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  while (parts.length > 1 && COUNTRIES.has((parts.at(-1) ?? '').toLowerCase())) parts.pop();
  const last = parts.at(-1) ?? place.trim();
  const inTown = / in ([\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)*)$/u.exec(last);
  return inTown?.[1] ?? last;
}

function linksOf(recaps: readonly Recap[]): HackathonLinks {
  const links: HackathonLinks = {};
  const planning = firstFact(recaps, 'planningUrl');
  const review = firstFact(recaps, 'reviewUrl');
  const recording = recaps.find((r) => r.event.recordingUrl)?.event.recordingUrl;
  const summary = recaps.find((r) => r.event.summaryUrl)?.event.summaryUrl;
  if (planning) links.planningUrl = planning;
  if (review) links.reviewUrl = review;
  if (recording) links.recordingUrl = recording;
  if (summary) links.summaryUrl = summary;
  return links;
}

// ---------------------------------------------------------------------------------------------------------
// Topics: one card per topic, from every recap that tells of it.

interface Part {
  recap: Recap;
  topic: Topic;
  words: Set<string>;
  anchor: string;
}

interface Card {
  parts: Part[];
}

function partOf(recap: Recap, topic: Topic): Part {
  return { recap, topic, words: titleWords(topic.title), anchor: headingAnchor(topic.title) };
}

function referenceKeys(topic: Topic): Set<string> {
  const keys = new Set<string>();
  for (const link of topic.links) {
    if ((link.kind === 'pull-request' || link.kind === 'issue') && link.repo && link.number !== undefined) {
      keys.add(`${link.repo.toLowerCase()}#${link.number}`);
    }
  }
  return keys;
}

/** How surely two tellings are one topic: 1 for a link to the other's heading, else title words and PRs. */
function sameTopicScore(a: Part, b: Part): number {
  const anchorsA = a.topic.links.map((l) => linkAnchor(l.url));
  const anchorsB = b.topic.links.map((l) => linkAnchor(l.url));
  if (a.anchor === b.anchor || anchorsA.includes(b.anchor) || anchorsB.includes(a.anchor)) return 1;
  const words = jaccard(a.words, b.words);
  const sharedRefs = overlap(referenceKeys(a.topic), referenceKeys(b.topic));
  if (sharedRefs > 0 && overlap(a.words, b.words) > 0) return Math.max(words, 0.9);
  return words >= SAME_TOPIC_JACCARD && overlap(a.words, b.words) >= Math.min(2, a.words.size, b.words.size)
    ? words
    : 0;
}

function cardScore(card: Card, part: Part): number {
  return Math.max(...card.parts.map((p) => sameTopicScore(p, part)));
}

/** Merges one more recap's topics into the cards: best pairs first, each card and topic used once. */
function mergeRecap(cards: Card[], recap: Recap): void {
  const parts = recap.topics.map((topic) => partOf(recap, topic));
  const pairs: { card: Card; part: Part; score: number }[] = [];
  for (const card of cards) {
    // A card already holding a topic of this recap is that recap's own topic: not a second match.
    if (card.parts.some((p) => p.recap === recap)) continue;
    for (const part of parts) {
      const score = cardScore(card, part);
      if (score > 0) pairs.push({ card, part, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const usedCards = new Set<Card>();
  const placed = new Map<Part, Card>();
  for (const { card, part } of pairs) {
    if (usedCards.has(card) || placed.has(part)) continue;
    usedCards.add(card);
    placed.set(part, card);
    card.parts.push(part);
  }
  // A topic only this recap has goes after the card of its predecessor in this recap, keeping its story's order.
  let after: Card | undefined;
  for (const part of parts) {
    const matched = placed.get(part);
    if (matched) {
      after = matched;
      continue;
    }
    const card: Card = { parts: [part] };
    const at = after ? cards.indexOf(after) + 1 : cards.length;
    cards.splice(at, 0, card);
    after = card;
  }
}

function linkKey(link: Link): string {
  if ((link.kind === 'pull-request' || link.kind === 'issue') && link.repo && link.number !== undefined) {
    return `${link.kind}:${link.repo.toLowerCase()}#${link.number}`;
  }
  return link.url.replace(/\/+$/, '').replace(/^http:/, 'https:');
}

function sourceOf(part: Part): TopicSource {
  const source: TopicSource = {
    recapId: part.recap.id,
    topicId: part.topic.id,
    kind: part.recap.kind,
    file: part.recap.file,
    line: part.topic.line,
  };
  if (part.recap.event.recapUrl) source.url = part.recap.event.recapUrl;
  return source;
}

/** The part whose text the card shows: a wrap-up page's (labelled parts), else the longest summary. */
function textPart(parts: readonly Part[]): Part {
  return [...parts].sort(
    (a, b) =>
      Number(b.recap.kind === 'wrap-up') - Number(a.recap.kind === 'wrap-up') ||
      b.topic.summary.text.length - a.topic.summary.text.length,
  )[0] as Part;
}

function cardTopic(
  card: Card,
  hackathonId: string,
  id: string,
  sectionId: string | undefined,
): HackathonTopic {
  const main = textPart(card.parts);
  const ordered = [main, ...card.parts.filter((p) => p !== main)];
  // The presentation at its second (the blog post's link) beats the recording from the start.
  const videos = ordered.flatMap((p) => (p.topic.video ? [p.topic.video] : []));
  const video = videos.find((v) => v.startSeconds > 0) ?? videos[0];
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const part of ordered) {
    for (const link of part.topic.links) {
      const key = linkKey(link);
      if (seen.has(key)) continue;
      seen.add(key);
      links.push(link);
    }
  }
  const topic: HackathonTopic = {
    id,
    key: `${hackathonId}/${id}`,
    hackathonId,
    title: main.topic.title,
    summary: main.topic.summary,
    links,
    fastTrack: ordered.some((p) => p.topic.fastTrack),
    sources: ordered.map(sourceOf),
    alsoAt: [],
  };
  const emoji = ordered.find((p) => p.topic.emoji)?.topic.emoji;
  if (emoji) topic.emoji = emoji;
  if (video) topic.video = video;
  if (sectionId) topic.sectionId = sectionId;
  return topic;
}

/** The recap whose headings group the most topics: its sections are the hackathon's. */
function sectionedRecap(recaps: readonly Recap[]): Recap | undefined {
  let best: Recap | undefined;
  let bestCount = 0;
  for (const recap of recaps) {
    const known = new Set(recap.sections.map((s) => s.id));
    const count = recap.topics.filter((t) => t.sectionId !== undefined && known.has(t.sectionId)).length;
    if (count > bestCount) {
      best = recap;
      bestCount = count;
    }
  }
  return best;
}

function topicsOf(
  hackathonId: string,
  recaps: readonly Recap[],
): { topics: HackathonTopic[]; sections: Section[] } {
  const [base, ...others] = [...recaps].sort((a, b) => b.topics.length - a.topics.length || factOrder(a, b));
  if (!base) return { topics: [], sections: [] };
  const cards: Card[] = base.topics.map((topic) => ({ parts: [partOf(base, topic)] }));
  for (const recap of others) mergeRecap(cards, recap);

  const sectioned = sectionedRecap(recaps);
  const sectionIds = new Set(sectioned?.sections.map((s) => s.id));
  const ids = new Set<string>();
  const topics: HackathonTopic[] = [];
  const bySection = new Map<string, string[]>();
  for (const card of cards) {
    const main = textPart(card.parts);
    let id = slugify(main.topic.title);
    for (let n = 2; ids.has(id); n++) id = `${slugify(main.topic.title)}-${n}`;
    ids.add(id);
    const sectionId = card.parts.find((p) => p.recap === sectioned)?.topic.sectionId;
    const known = sectionId !== undefined && sectionIds.has(sectionId) ? sectionId : undefined;
    topics.push(cardTopic(card, hackathonId, id, known));
    if (known) bySection.set(known, [...(bySection.get(known) ?? []), id]);
  }
  const sections: Section[] = (sectioned?.sections ?? [])
    .map((section) => ({ ...section, topicIds: bySection.get(section.id) ?? [] }))
    .filter((section) => section.topicIds.length > 0);
  return { topics, sections };
}

// ---------------------------------------------------------------------------------------------------------

function hackathonOf(id: string, cluster: Cluster): Hackathon {
  const recaps = cluster.placements.map((p) => p.recap).sort(factOrder);
  const exact = cluster.placements.find((p) => p.exact);
  const { topics, sections } = topicsOf(id, recaps);
  const name = nameOf(recaps);
  const label = monthLabel(cluster.month);
  const hackathon: Hackathon = {
    id,
    month: cluster.month,
    monthLabel: label,
    title: name ?? label,
    links: linksOf(recaps),
    recaps: [...recaps].sort(readingOrder),
    sections,
    topics,
  };
  if (exact) {
    hackathon.start = exact.first;
    hackathon.end = exact.last;
  }
  const place = firstFact(recaps, 'place');
  if (place) {
    hackathon.place = place;
    hackathon.placeShort = shortPlace(place);
    const placeUrl = recaps.find((r) => r.facts.place === place)?.facts.placeUrl;
    if (placeUrl) hackathon.placeUrl = placeUrl;
  }
  const organizer = firstFact(recaps, 'organizer');
  if (organizer) {
    hackathon.organizer = organizer;
    const organizerUrl = recaps.find((r) => r.facts.organizer === organizer)?.facts.organizerUrl;
    if (organizerUrl) hackathon.organizerUrl = organizerUrl;
  }
  const ordinal = ordinalOf(recaps);
  if (ordinal !== undefined) hackathon.ordinal = ordinal;
  const closing = [...recaps]
    .sort((a, b) => b.event.date.localeCompare(a.event.date))
    .find((r) => r.nextHackathon);
  if (closing?.nextHackathon) hackathon.nextHackathon = closing.nextHackathon;
  if (cluster.placements.every((p) => p.byPublication)) hackathon.placedByPublication = true;
  return hackathon;
}

/**
 * The hackathons the recaps tell of, newest first by when they took place (not when a post was published),
 * each with its recaps, its merged topics and the same work at other hackathons linked.
 */
export function groupHackathons(recaps: readonly Recap[]): Hackathon[] {
  const stated: Placement[] = [];
  const unstated: Recap[] = [];
  for (const recap of recaps) {
    const placement = placementOf(recap);
    if (placement) stated.push(placement);
    else unstated.push(recap);
  }
  const clusters = clusterStated(stated);
  for (const recap of [...unstated].sort((a, b) => a.event.date.localeCompare(b.event.date))) {
    placeByPublication(recap, clusters);
  }
  // Oldest first while naming, so a second hackathon in one month is the one that gets `-2`.
  clusters.sort((a, b) => a.first.localeCompare(b.first) || a.last.localeCompare(b.last));
  const taken = new Set<string>();
  const hackathons = clusters.map((cluster) => {
    let id = cluster.month;
    for (let n = 2; taken.has(id); n++) id = `${cluster.month}-${n}`;
    taken.add(id);
    return hackathonOf(id, cluster);
  });
  hackathons.sort((a, b) => clusterStart(b).localeCompare(clusterStart(a)) || b.id.localeCompare(a.id));
  linkStory(hackathons);
  return hackathons;
}

function clusterStart(hackathon: Hackathon): string {
  return hackathon.start ?? monthDays(hackathon.month)?.first ?? hackathon.month;
}
