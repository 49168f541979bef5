import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseNextEvent } from './event.js';
import type { ContentProblem, ContentSet, NextEvent, Recap } from './model.js';
import { parseRecap } from './recap.js';
import { parseSynonyms } from './synonyms.js';

export const NEXT_EVENT_FILE = 'next-hackathon.md';
export const SYNONYMS_FILE = 'synonyms.yml';

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

function newestFirst(a: Recap, b: Recap): number {
  return b.event.date.localeCompare(a.event.date) || b.id.localeCompare(a.id);
}

/**
 * Reads every recap (`*.md`), the next event and the synonyms from `dir`. A broken file becomes a problem
 * naming file and line, and the others still load; a folder without any usable recap is a `ContentError`.
 */
export async function loadContent(dir: string): Promise<ContentSet> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ContentError(
      code === 'ENOENT'
        ? `Content folder ${dir} does not exist: set CONTENT_DIR to the folder that holds the recaps (*.md).`
        : `Content folder ${dir} cannot be read (${code ?? 'error'}).`,
    );
  }
  const problems: ContentProblem[] = [];
  const recaps: Recap[] = [];
  let next: NextEvent | undefined;
  let synonyms: ContentSet['synonyms'] = new Map();

  await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      if (name === SYNONYMS_FILE) {
        const parsed = parseSynonyms(await readFile(file, 'utf8'), name);
        synonyms = parsed.synonyms;
        problems.push(...parsed.problems);
      } else if (name === NEXT_EVENT_FILE) {
        const parsed = parseNextEvent(await readFile(file, 'utf8'), name);
        next = parsed.event;
        problems.push(...parsed.problems);
      } else if (
        name.toLowerCase().endsWith('.md') &&
        !name.startsWith('.') &&
        name.toUpperCase() !== 'README.MD'
      ) {
        const parsed = parseRecap(await readFile(file), name);
        if (parsed.recap) recaps.push(parsed.recap);
        problems.push(...parsed.problems);
      }
    }),
  );
  problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  if (recaps.length === 0) {
    const detail = problems.length ? ` Problems: ${problems.map(formatProblem).join('; ')}` : '';
    throw new ContentError(
      `No recap could be loaded from ${dir}: add a recap (*.md) there.${detail}`,
      problems,
    );
  }
  recaps.sort(newestFirst);
  return { recaps, next, synonyms, problems };
}
