/**
 * `preview --report`: for content editors, per file, the hackathon it was matched to, its topics with their
 * videos and links, and what looks wrong (no date, a title that reads like a sentence, a topic without a
 * summary, recaps merged into one hackathon). Plain text for a terminal or a CI log. Pure.
 */
import { formatProblem } from './content/load.js';
import type { ContentProblem, Hackathon, Recap, Topic } from './content/model.js';
import type { Library } from './library.js';
import { formatTimestamp, oneLine } from './views/format.js';
import { hackathonName, hackathonWhen, sourceKindLabel } from './views/hackathon.js';
import { formatCount } from './words.js';

/** A title longer than this reads like a sentence, not a name. */
export const SENTENCE_TITLE_LENGTH = 90;

export interface ContentReport {
  text: string;
  /** Files that could not be loaded at all: a content repository's CI should fail on them. */
  failed: number;
}

function titleProblem(topic: Topic): string | undefined {
  const title = oneLine(topic.title);
  if (title.length > SENTENCE_TITLE_LENGTH) {
    return `topic title reads like a sentence (${title.length} characters): "${title.slice(0, 60)}…"`;
  }
  if (/[.]$/.test(title) && !/\b(etc|vs|e\.g|i\.e)\.$/i.test(title)) {
    return `topic title reads like a sentence (ends with a period): "${title}"`;
  }
  return undefined;
}

function hackathonFacts(hackathon: Hackathon): string {
  return [
    `${hackathonName(hackathon)} [${hackathon.id}]`,
    hackathonWhen(hackathon),
    hackathon.place ?? 'place not stated',
    hackathon.organizer ?? 'organizer not stated',
    hackathon.ordinal !== undefined ? `#${hackathon.ordinal}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

function topicLine(topic: Topic, merged: boolean): string {
  const video = topic.video
    ? `video ${topic.video.startSeconds > 0 ? `at ${formatTimestamp(topic.video.startSeconds)}` : '(no timestamp)'}`
    : 'no video';
  const mark = merged ? '⇄' : '·';
  return `    ${mark} ${oneLine(topic.title)} — ${video}, ${formatCount(topic.links.length, 'link')} (line ${topic.line})`;
}

function recapReport(recap: Recap, library: Library, problems: readonly ContentProblem[]): string[] {
  const hackathon = library.hackathonOfRecap(recap.id);
  const lines = [`${recap.file} (${sourceKindLabel(recap.kind)})`];
  if (!hackathon) return [...lines, '  not placed in any hackathon'];
  lines.push(`  hackathon: ${hackathonFacts(hackathon)}`);
  const merged = new Set<string>();
  for (const topic of hackathon.topics) {
    if (topic.sources.length < 2) continue;
    for (const source of topic.sources) if (source.recapId === recap.id) merged.add(source.topicId);
  }
  for (const other of hackathon.recaps) {
    if (other === recap) continue;
    const matched = hackathon.topics.filter(
      (t) => t.sources.some((s) => s.recapId === recap.id) && t.sources.some((s) => s.recapId === other.id),
    ).length;
    lines.push(
      `  merged with ${other.file} (${sourceKindLabel(other.kind)}): ${matched} of ${formatCount(recap.topics.length, 'topic')} matched`,
    );
  }
  lines.push(
    recap.topics.length > 0
      ? `  topics (${recap.topics.length}):`
      : '  topics: none yet (a page published before its topics are written)',
  );
  for (const topic of recap.topics) lines.push(topicLine(topic, merged.has(topic.id)));

  const found: string[] = [];
  if (!recap.facts.month) {
    found.push(
      `${recap.file}: no date found: placed by its publication date (${recap.event.date}) in ${hackathon.monthLabel}`,
    );
  }
  for (const topic of recap.topics) {
    const title = titleProblem(topic);
    if (title) found.push(`${recap.file}:${topic.line}: ${title}`);
    if (!topic.summary.text.trim()) {
      found.push(`${recap.file}:${topic.line}: topic has no summary: "${oneLine(topic.title)}"`);
    }
  }
  found.push(...problems.map(formatProblem));
  lines.push(found.length > 0 ? '  problems:' : '  problems: none');
  for (const problem of found) lines.push(`    ⚠ ${problem}`);
  return lines;
}

/** The report over everything loaded: per file (in hackathon order), then files that did not load. */
export function contentReport(library: Library): ContentReport {
  const byFile = new Map<string, ContentProblem[]>();
  // The library's problems: the content's, and those judged by the day it was built (a forgotten page).
  for (const problem of library.problems)
    byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
  const sections: string[][] = [];
  const reported = new Set<string>();
  for (const recap of library.recaps) {
    reported.add(recap.file);
    sections.push(recapReport(recap, library, byFile.get(recap.file) ?? []));
  }
  let failed = 0;
  for (const [file, problems] of byFile) {
    if (reported.has(file)) continue;
    const errors = problems.some((p) => p.severity === 'error');
    if (errors) failed += 1;
    sections.push([
      `${file} (${errors ? 'not loaded' : 'loaded with warnings'})`,
      ...problems.map((p) => `    ${p.severity === 'error' ? '✗' : '⚠'} ${formatProblem(p)}`),
    ]);
  }
  const topics = library.hackathons.reduce((n, h) => n + h.topics.length, 0);
  const summary = `${formatCount(library.hackathons.length, 'hackathon')} with ${formatCount(topics, 'topic')} from ${formatCount(library.recaps.length, 'recap')}${failed > 0 ? `; ${formatCount(failed, 'file')} failed to load` : ''}.`;
  return { text: [...sections.map((s) => s.join('\n')), summary].join('\n\n'), failed };
}
