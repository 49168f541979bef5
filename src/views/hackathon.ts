/**
 * How a hackathon is named in every view: its month (or its own name), its days, where and by whom; and how
 * the recaps behind a topic are named ("blog post · wrap-up page"). Plain text: callers escape.
 */
import type { Hackathon, HackathonTopic, RecapKind } from '../content/model.js';
import { monthCommandWords } from '../content/months.js';
import { timingOf } from '../content/timing.js';
import { formatCount } from '../words.js';
import { formatDays, oneLine } from './format.js';
import { escapeMrkdwn, mrkdwnLink } from './mrkdwn.js';

/** "June 2025", or "Hack The Garden Walldorf Edition (December 2025)" when it has a name of its own. */
export function hackathonName(hackathon: Hackathon): string {
  const title = oneLine(hackathon.title);
  return title && title !== hackathon.monthLabel
    ? `${title} (${hackathon.monthLabel})`
    : hackathon.monthLabel;
}

/** "June 2025 · Schelklingen": what tells one hackathon from another at a glance. */
export function hackathonShortName(hackathon: Hackathon): string {
  const place = hackathon.placeShort ? oneLine(hackathon.placeShort) : '';
  return place ? `${hackathon.monthLabel} · ${place}` : hackathon.monthLabel;
}

/** "2–6 June 2025" where the days are known, else "June 2025". */
export function hackathonWhen(hackathon: Hackathon): string {
  return hackathon.start ? formatDays(hackathon.start, hackathon.end) : hackathon.monthLabel;
}

/**
 * What a hackathon has to show: "15 topics"; without topics, why: "coming up 24–28 November 2026",
 * "on now, 24–28 November 2026", or "topics not written up yet". `today` (`YYYY-MM-DD`) tells which;
 * without it a hackathon without topics is "topics not written up yet".
 */
export function hackathonStatus(hackathon: Hackathon, today?: string): string {
  if (hackathon.topics.length > 0) return formatCount(hackathon.topics.length, 'topic');
  const timing = today ? timingOf(hackathon, today) : 'over';
  if (timing === 'upcoming') return `coming up ${hackathonWhen(hackathon)}`;
  if (timing === 'on') return `on now, ${hackathonWhen(hackathon)}`;
  return 'topics not written up yet';
}

/**
 * "June 2025 · Schelklingen · x-cellent · 15 topics": one hackathon in a list, month first (then its own name,
 * "December 2025 · Hack The Garden Walldorf Edition · SAP Center Walldorf · SAP · 11 topics"); one without
 * topics says why (`hackathonStatus`).
 */
export function hackathonLine(hackathon: Hackathon, today?: string): string {
  const name = oneLine(hackathon.title);
  return [
    hackathon.monthLabel,
    name !== hackathon.monthLabel ? name : undefined,
    hackathon.placeShort,
    hackathon.organizer,
    hackathonStatus(hackathon, today),
  ]
    .filter((part): part is string => Boolean(part))
    .map(oneLine)
    .join(' · ');
}

/** The words `/hackathon topics …` takes for this hackathon: `jun 2025`, or its id when a month has two. */
export function hackathonCommandWords(hackathon: Hackathon): string {
  return hackathon.id === hackathon.month
    ? (monthCommandWords(hackathon.month) ?? hackathon.id)
    : hackathon.id;
}

export function sourceKindLabel(kind: RecapKind): string {
  return kind === 'wrap-up' ? 'wrap-up page' : 'blog post';
}

/**
 * "blog post · wrap-up page", each linked where the recap has a URL: where the card's parts come from.
 * Mrkdwn.
 */
export function sourcesMrkdwn(topic: HackathonTopic): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  // Blog post first, as people name them; the card's text may come from either.
  const ordered = [...topic.sources].sort(
    (a, b) => Number(a.kind === 'wrap-up') - Number(b.kind === 'wrap-up'),
  );
  for (const source of ordered) {
    const label = sourceKindLabel(source.kind);
    const key = `${label} ${source.url ?? source.recapId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push(source.url ? mrkdwnLink(source.url, label) : escapeMrkdwn(label));
  }
  return parts.join(' · ');
}

/** "June 2025 · Schelklingen · Modernizing Core Infrastructure": where a topic belongs, for choices. */
export function topicPlace(hackathon: Hackathon, topic: HackathonTopic): string {
  const section = hackathon.sections.find((s) => s.id === topic.sectionId);
  return [hackathonShortName(hackathon), section ? oneLine(section.title) : undefined]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}
