import matter from 'gray-matter';
import { fileNameFacts, frontMatterFacts, resolveFacts } from './facts.js';
import { absoluteUrl } from './markdown.js';
import type { Author, ContentProblem, Recap, RecapFacts, Section, Topic } from './model.js';
import { type ParsedBody, parseBody } from './parse.js';
import { repairMojibake } from './repair.js';
import { slugify } from './slug.js';

export { slugify };

/** Where Gardener's blog posts are published: front matter `aliases` are paths on this site. */
export const RECAP_SITE = 'https://gardener.cloud';

function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** Line (1-based) of the first byte that is not valid UTF-8, or undefined when it all is. */
export function invalidUtf8Line(bytes: Uint8Array): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // Decode prefixes until one fails: files are small, and this runs only for broken ones.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1));
        lo = mid + 1;
      } catch {
        hi = mid;
      }
    }
    // A truncated multi-byte sequence at `lo` only fails once it is complete: step back to its lead.
    let at = lo;
    while (at > 0 && ((bytes[at] ?? 0) & 0xc0) === 0x80) at--;
    return bytes.subarray(0, at).reduce((lines, b) => (b === 0x0a ? lines + 1 : lines), 1);
  }
}

function asString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return repairMojibake(value.trim());
  if (typeof value === 'number') return String(value);
  return undefined;
}

function asDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const s = asString(value);
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m?.[1];
}

function authorsOf(value: unknown): Author[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((a): Author[] => {
    if (typeof a === 'string') return [{ name: repairMojibake(a) }];
    if (a && typeof a === 'object') {
      const record = a as Record<string, unknown>;
      const name = asString(record.name) ?? asString(record.login);
      if (!name) return [];
      return [{ name, login: asString(record.login), avatar: asString(record.avatar) }];
    }
    return [];
  });
}

function recapUrlOf(data: Record<string, unknown>): string | undefined {
  const explicit = asString(data.recap_url) ?? asString(data.url);
  if (explicit) return absoluteUrl(explicit, RECAP_SITE);
  const aliases = Array.isArray(data.aliases) ? data.aliases : [];
  const alias = aliases.map(asString).find((a) => a?.startsWith('/'));
  if (alias) return absoluteUrl(alias, RECAP_SITE);
  // The documentation site's pages name their source (`content/community/hackathons/2025-06.md`),
  // which is where they are published (`/community/hackathons/2025-06/`).
  const source = data.path_base_for_github_subdir as { from?: unknown } | undefined;
  const from =
    typeof source?.from === 'string' ? /^content\/(.+?)(?:\/_?index)?\.md$/.exec(source.from) : null;
  return from ? absoluteUrl(`/${from[1]}/`, RECAP_SITE) : undefined;
}

/**
 * The publication date; a wrap-up page, which has none, is dated by the hackathon's last day. Without
 * either the date is empty (listed last, and the loader warns): never the epoch.
 */
function eventDateOf(data: Record<string, unknown>, id: string, facts: RecapFacts): string {
  const fileDate = /^(\d{4}-\d{2})(?:-(\d{2}))?/.exec(id);
  return (
    asDate(data.publishdate) ??
    asDate(data.date) ??
    facts.end ??
    facts.start ??
    (fileDate ? `${fileDate[1]}-${fileDate[2] ?? '01'}` : undefined) ??
    (facts.month ? `${facts.month}-01` : undefined) ??
    ''
  );
}

/** A wrap-up page's front matter title is only its month ("June 2025"): its H1 says more. */
function titleOf(data: Record<string, unknown>, body: ParsedBody, id: string): string {
  const title = asString(data.title);
  const onlyMonth = title !== undefined && /^\p{L}+\.?\s+\d{4}$/u.test(title);
  return (onlyMonth ? body.h1 : undefined) ?? title ?? body.h1 ?? id;
}

/**
 * A page may be published before its topics are written: a wrap-up page with the metadata bullets, or a page
 * that states its hackathon's month and is not a dated post. Without topics it still tells when and where
 * the hackathon is. A blog post (it has a publication date) is written after its hackathon: one without
 * topics is a mistake, and so is a page that says nothing of its hackathon.
 */
function announcesHackathon(body: ParsedBody, facts: RecapFacts, published: string | undefined): boolean {
  if (!facts.month || facts.monthSource === 'file name') return false;
  return body.wrapUp || published === undefined;
}

export interface RecapResult {
  recap?: Recap;
  problems: ContentProblem[];
}

/** The text of a recap file and its front matter, or the one problem that keeps it from being read. */
function readFrontMatter(
  bytes: Uint8Array,
  file: string,
): { source: string; parsed: matter.GrayMatterFile<string> } | { problem: ContentProblem } {
  const badLine = invalidUtf8Line(bytes);
  if (badLine !== undefined) {
    return {
      problem: {
        file,
        line: badLine,
        severity: 'error',
        message: 'is not UTF-8 text: save it as UTF-8 (the emoji and dashes of recaps need it)',
      },
    };
  }
  const source = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  try {
    // gray-matter caches by content; a fresh options object keeps a corrected file from being served stale.
    return { source, parsed: matter(source, {}) };
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    return {
      problem: {
        file,
        // js-yaml counts from 0 inside the front matter, which starts after the opening `---` line.
        line: mark?.line !== undefined ? mark.line + 2 : 1,
        severity: 'error',
        message: `has invalid YAML front matter: ${reason}`,
      },
    };
  }
}

/** Sections and topics with ids unique in the recap, each topic keyed by the recap and tied to its section. */
function numberTopics(body: ParsedBody, id: string): { sections: Section[]; topics: Topic[] } {
  const sectionIds = new Set<string>();
  const sections: Section[] = body.sections.map((s) => ({
    ...s,
    id: unique(slugify(s.title, 40), sectionIds),
    topicIds: [],
  }));
  const topicIds = new Set<string>();
  const topics: Topic[] = body.topics.map(({ sectionTitle, ...t }) => {
    const section = sectionTitle === undefined ? undefined : sections.find((s) => s.title === sectionTitle);
    const topicId = unique(slugify(t.title), topicIds);
    section?.topicIds.push(topicId);
    return {
      ...t,
      id: topicId,
      key: `${id}/${topicId}`,
      recapId: id,
      sectionId: section?.id,
    };
  });
  return { sections, topics };
}

/** One recap file → a `Recap`, or the problems that kept it out (each with file and line). */
export function parseRecap(bytes: Uint8Array, file: string): RecapResult {
  const read = readFrontMatter(bytes, file);
  if ('problem' in read) return { problems: [read.problem] };
  const { source, parsed } = read;
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  const lineOffset = source.slice(0, source.length - parsed.content.length).split('\n').length - 1;
  const recapUrl = recapUrlOf(data);
  const published = asDate(data.publishdate) ?? asDate(data.date);
  const body = parseBody(repairMojibake(parsed.content), {
    baseUrl: recapUrl,
    siteUrl: RECAP_SITE,
    lineOffset,
    published,
    title: asString(data.title),
  });
  const id = file.replace(/\.md$/i, '').replace(/[^\w.-]+/g, '-');
  const facts = resolveFacts([
    ...(body.metadata ? [{ source: 'date bullet', facts: body.metadata }] : []),
    { source: 'body', facts: body.prose },
    { source: 'archive link', facts: body.archive },
    { source: 'front matter', facts: frontMatterFacts(data) },
    { source: 'file name', facts: fileNameFacts(id) },
  ]);
  if (body.topics.length === 0 && !announcesHackathon(body, facts, published)) {
    return {
      problems: [
        {
          file,
          line: lineOffset + 1,
          severity: 'error',
          message: body.wrapUp
            ? 'has no topics yet and no date: give it a **Date:** line below the title (- **Date:** 24.11.2026 – 28.11.2026), and each topic its own heading (## 🌱 Topic title) once they are written'
            : 'has no topics: mark each topic with a **bold title** leading a paragraph or list item, or give each topic its own heading',
        },
      ],
    };
  }
  const date = eventDateOf(data, id, facts);
  const problems: ContentProblem[] = [];
  if (!facts.month) {
    problems.push({
      file,
      line: lineOffset + 1,
      severity: 'warning',
      message: `no hackathon date found: add a **Date:** line below the title (- **Date:** 02.06.2025 – 06.06.2025) or say when it was in the first paragraph ("held in June 2025 at …")${date ? '' : '; it has no publishdate either, so it is listed last'}`,
    });
  }

  const { sections, topics } = numberTopics(body, id);

  const summaryLink = body.introLinks.find((l) => /github\.com\/gardener-community\/hackathon/.test(l.url));
  const recap: Recap = {
    id,
    file,
    kind: body.wrapUp ? 'wrap-up' : 'blog-post',
    facts,
    event: {
      title: titleOf(data, body, id),
      date,
      subtitle: asString(data.newsSubtitle) ?? asString(data.subtitle) ?? asString(data.description),
      authors: authorsOf(data.authors),
      recapUrl,
      recordingUrl: body.introVideo?.url,
      summaryUrl: summaryLink?.url,
    },
    intro: body.intro,
    sections,
    topics,
    nextHackathon: body.nextHackathon,
  };
  return { recap, problems };
}
