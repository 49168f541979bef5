import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ContentProblem, ContentSet, NextEvent, Recap, Synonyms } from './model.js';
import type { RecapResult } from './recap.js';
import { ParseCache, type ParsedKind } from './sources/cache.js';
import { type ContentFolder, isHackathonRecap, markdownFiles } from './sources/folder.js';

export const NEXT_EVENT_FILE = 'next-hackathon.md';
export const SYNONYMS_FILE = 'synonyms.yml';

/** Files read at once: a blog folder may hold a thousand posts, and file handles are limited. */
const READ_CONCURRENCY = 32;

/** The content folder could not be used at all: the bot cannot start without a recap. */
export class ContentError extends Error {
  constructor(
    message: string,
    readonly problems: ContentProblem[] = [],
  ) {
    super(message);
    this.name = 'ContentError';
  }
}

/** `file:line: message`, the way editors and terminals link to a place in a file. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.message}`;
}

/** By code unit: ISO dates and ids sort right that way, and it spares the start a collator. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function newestFirst(a: Recap, b: Recap): number {
  return compare(b.event.date, a.event.date) || compare(b.id, a.id);
}

export interface LoadOptions {
  /** Folders beside CONTENT_DIR (the followed git repository's paths). */
  folders?: readonly ContentFolder[];
  /** Parsed files kept between loads and starts; without one, every file is parsed. */
  cache?: ParseCache;
  /**
   * The content that loaded last. A file that loaded then and is broken now keeps its last good version
   * (its problems are still reported), so a half-saved edit never takes a recap away from Slack.
   */
  previous?: LoadedContent;
}

/** Where a file's last good version is remembered: the folder on disk and the path inside it. */
type FileKey = string;

export interface LoadedContent extends ContentSet {
  /** Posts in git folders that are not hackathon recaps: skipped quietly, counted for the log. */
  skipped: number;
  /** Files that are broken now and were answered from their last good version, as `file` names. */
  kept: string[];
  /** Files parsed now, and files whose parse came from the cache. */
  parsed: number;
  cached: number;
  /** What was read, file by file: equal fingerprints mean nothing changed. */
  fingerprint: string;
  /** Each file's last good result, for the next load's `previous`. */
  lastGood: {
    recaps: ReadonlyMap<FileKey, Recap>;
    next?: NextEvent;
    synonyms?: Synonyms;
  };
}

/** The parsers load on the first cache miss only: a start from a warm cache never loads Markdown or YAML. */
const recapParser = () => import('./recap.js');
const eventParser = () => import('./event.js');
const synonymsParser = () => import('./synonyms.js');

/** A recap answered under another id (two folders both have a `2024-12.md`). */
function withId(recap: Recap, id: string): Recap {
  return {
    ...recap,
    id,
    topics: recap.topics.map((topic) => ({ ...topic, recapId: id, key: `${id}/${topic.id}` })),
  };
}

interface FileRead {
  folder: ContentFolder;
  /** Path inside the folder, `/`-separated: what the parser sees, so ids and dates come from it. */
  relative: string;
  /** What problems and logs call it. */
  shown: string;
  bytes: Buffer;
}

async function readFolder(
  folder: ContentFolder,
  limit: ReturnType<typeof pLimit>,
): Promise<{ files: FileRead[]; skipped: number }> {
  const names = await markdownFiles(folder.dir);
  let skipped = 0;
  const files = await Promise.all(
    names.map((relative) =>
      limit(async (): Promise<FileRead | undefined> => {
        let bytes: Buffer;
        try {
          bytes = await readFile(path.join(folder.dir, relative));
        } catch {
          // Removed between listing and reading: the next load (a watcher saw it go) has it right.
          return undefined;
        }
        if (folder.hackathonsOnly && !isHackathonRecap(bytes.toString('utf8'))) {
          skipped += 1;
          return undefined;
        }
        const shown = folder.label ? `${folder.label}/${relative}` : relative;
        return { folder, relative, shown, bytes };
      }),
    ),
  );
  return { files: files.filter((f): f is FileRead => f !== undefined), skipped };
}

async function listContentDir(dir: string, hasOtherFolders: boolean): Promise<string[] | undefined> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && hasOtherFolders) return undefined;
    throw new ContentError(
      code === 'ENOENT'
        ? `Content folder ${dir} does not exist: set CONTENT_DIR to the folder that holds the recaps (*.md).`
        : `Content folder ${dir} cannot be read (${code ?? 'error'}).`,
    );
  }
}

const hasError = (problems: readonly ContentProblem[]) => problems.some((p) => p.severity === 'error');

/**
 * Reads every recap (`*.md`, in sub-folders too) from `dir` and from `options.folders`, and the next event
 * and the synonyms from `dir`. A broken file becomes a problem naming file and line, and the others still
 * load (a file that loaded before keeps its last good version); no usable recap at all is a `ContentError`.
 * Parses come from `options.cache` where the file is unchanged.
 */
export async function loadContent(dir: string, options: LoadOptions = {}): Promise<LoadedContent> {
  const folders = options.folders ?? [];
  const cache = options.cache ?? new ParseCache();
  const previous = options.previous?.lastGood;
  const before = { ...cache.stats };
  const limit = pLimit(READ_CONCURRENCY);

  const topLevel = await listContentDir(dir, folders.length > 0);
  const problems: ContentProblem[] = [];
  if (!topLevel) {
    problems.push({
      file: dir,
      severity: 'warning',
      message: 'does not exist (CONTENT_DIR): no recaps of its own',
    });
  }
  const own: ContentFolder = { dir, label: '', hackathonsOnly: false };
  const reads = await Promise.all(
    [...(topLevel ? [own] : []), ...folders].map(async (folder) => {
      try {
        return await readFolder(folder, limit);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        problems.push({
          file: folder.label || folder.dir,
          severity: 'warning',
          message:
            code === 'ENOENT'
              ? 'is not a folder in the repository: check CONTENT_GIT_PATHS'
              : `cannot be read (${code})`,
        });
        return { files: [], skipped: 0 };
      }
    }),
  );
  const files = reads.flatMap((r) => r.files);
  const fingerprint: string[] = [];

  const parseOne = async <T>(kind: ParsedKind, name: string, bytes: Buffer, parse: () => Promise<T>) => {
    const key = await cache.key(kind, name, bytes);
    fingerprint.push(`${kind}:${name}:${key}`);
    return cache.parsed(key, parse);
  };

  const kept: string[] = [];
  const lastGood = new Map<FileKey, Recap>();
  const parsedRecaps = await Promise.all(
    files.map(async (file) => {
      const result = await parseOne<RecapResult>('recap', file.relative, file.bytes, async () =>
        (await recapParser()).parseRecap(file.bytes, file.relative),
      );
      const fileKey = path.join(file.folder.dir, file.relative);
      const found = result.problems.map((p) => ({ ...p, file: file.shown }));
      let recap = result.recap ? { ...result.recap, file: file.shown } : undefined;
      if (!recap && hasError(found)) {
        recap = previous?.recaps.get(fileKey);
        if (recap) kept.push(file.shown);
      }
      if (recap) lastGood.set(fileKey, recap);
      return { recap, problems: found };
    }),
  );

  let next: NextEvent | undefined;
  let synonyms: Synonyms = new Map();
  const names = new Set(topLevel ?? []);
  // Removed between listing and reading counts as absent; the watcher's next load agrees.
  const special = (name: string) =>
    names.has(name) ? readFile(path.join(dir, name)).catch(() => undefined) : Promise.resolve(undefined);
  const [eventBytes, synonymsBytes] = await Promise.all([special(NEXT_EVENT_FILE), special(SYNONYMS_FILE)]);
  if (eventBytes) {
    const bytes = eventBytes;
    const parsed = await parseOne('next-event', NEXT_EVENT_FILE, bytes, async () =>
      (await eventParser()).parseNextEvent(bytes.toString('utf8'), NEXT_EVENT_FILE),
    );
    problems.push(...parsed.problems);
    next = parsed.event;
    if (!next && hasError(parsed.problems) && previous?.next) {
      next = previous.next;
      kept.push(NEXT_EVENT_FILE);
    }
  }
  if (synonymsBytes) {
    const bytes = synonymsBytes;
    // A Map does not survive JSON: the cache keeps its entries.
    const parsed = await parseOne('synonyms', SYNONYMS_FILE, bytes, async () => {
      const result = (await synonymsParser()).parseSynonyms(bytes.toString('utf8'), SYNONYMS_FILE);
      return { entries: [...result.synonyms], problems: result.problems };
    });
    problems.push(...parsed.problems);
    synonyms = new Map(parsed.entries);
    if (hasError(parsed.problems) && previous?.synonyms) {
      synonyms = previous.synonyms;
      kept.push(SYNONYMS_FILE);
    }
  }

  // Ids stay unique across folders: CONTENT_DIR first, then the folders in order, each file by its path.
  const taken = new Set<string>();
  const recaps: Recap[] = [];
  for (const { recap, problems: found } of parsedRecaps) {
    problems.push(...found);
    if (!recap) continue;
    let id = recap.id;
    for (let n = 2; taken.has(id); n += 1) id = `${recap.id}-${n}`;
    taken.add(id);
    recaps.push(id === recap.id ? recap : withId(recap, id));
  }

  problems.sort((a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (recaps.length === 0) {
    const detail = problems.length ? ` Problems: ${problems.map(formatProblem).join('; ')}` : '';
    const where = [dir, ...folders.map((f) => f.label || f.dir)].join(', ');
    throw new ContentError(
      `No recap could be loaded from ${where}: add a recap (*.md) there.${detail}`,
      problems,
    );
  }
  recaps.sort(newestFirst);
  return {
    recaps,
    next,
    synonyms,
    problems,
    skipped: reads.reduce((n, r) => n + r.skipped, 0),
    kept,
    parsed: cache.stats.misses - before.misses,
    cached: cache.stats.hits - before.hits,
    fingerprint: fingerprint.sort().join('\n'),
    lastGood: { recaps: lastGood, ...(next ? { next } : {}), synonyms },
  };
}
