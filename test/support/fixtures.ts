import type { ContentSet, Link, Recap, Section, Synonyms, Topic } from '../../src/content/model.js';

/** Slug the way the loader does, close enough for fixtures: ids only need to be unique and readable. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'topic'
  );
}

/** A GitHub pull request link with its number, the most common link in a recap. */
export function pr(number: number, repo = 'gardener/gardener', label = `PR #${number}`): Link {
  return { url: `https://github.com/${repo}/pull/${number}`, label, kind: 'pull-request', repo, number };
}

export function link(label: string, url = `https://example.com/${slug(label)}`): Link {
  return { url, label, kind: 'other' };
}

export interface TopicSpec {
  title: string;
  summary?: string;
  links?: Link[];
  fastTrack?: boolean;
  id?: string;
}

/** A topic outside any recap; `makeRecap` fills in its recap and section. */
export function makeTopic(spec: TopicSpec & { recapId?: string; sectionId?: string }): Topic {
  const id = spec.id ?? slug(spec.title);
  const recapId = spec.recapId ?? 'recap';
  const summary = spec.summary ?? `${spec.title}.`;
  return {
    id,
    key: `${recapId}/${id}`,
    recapId,
    title: spec.title,
    sectionId: spec.sectionId,
    summary: { text: summary, mrkdwn: summary },
    links: spec.links ?? [],
    fastTrack: spec.fastTrack ?? false,
    line: 1,
  };
}

export interface RecapSpec {
  /** Defaults to `YYYY-MM-<slug of title>`. */
  id?: string;
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  subtitle?: string;
  /** Sections with their topics; a recap without sections gets one "Highlights" section. */
  sections?: { title: string; topics: TopicSpec[] }[];
  topics?: TopicSpec[];
}

/** A consistent recap: keys, recap ids and section ids all agree, as the loader guarantees. */
export function makeRecap(spec: RecapSpec): Recap {
  const id = spec.id ?? `${spec.date.slice(0, 7)}-${slug(spec.title)}`;
  const groups = spec.sections ?? [{ title: 'Highlights', topics: spec.topics ?? [] }];
  const sections: Section[] = [];
  const topics: Topic[] = [];
  let line = 10;
  for (const group of groups) {
    const section: Section = { id: slug(group.title), title: group.title, topicIds: [] };
    for (const topicSpec of group.topics) {
      const topic = { ...makeTopic({ ...topicSpec, recapId: id, sectionId: section.id }), line: line++ };
      section.topicIds.push(topic.id);
      topics.push(topic);
    }
    sections.push(section);
  }
  return {
    id,
    file: `${id}.md`,
    kind: 'blog-post',
    facts: { month: spec.date.slice(0, 7) },
    event: { title: spec.title, date: spec.date, subtitle: spec.subtitle, authors: [] },
    sections,
    topics,
  };
}

/** A content set as the loader returns it: recaps newest first. */
export function makeContent(recaps: Recap[], synonyms: Synonyms = new Map()): ContentSet {
  const newestFirst = [...recaps].sort((a, b) => b.event.date.localeCompare(a.event.date));
  return { recaps: newestFirst, synonyms, problems: [] };
}

export function synonymsOf(entries: Record<string, string[]>): Synonyms {
  return new Map(Object.entries(entries));
}
