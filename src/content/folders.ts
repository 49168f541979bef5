/**
 * Several content folders read as one (`content/`, `../shared/recaps`, `../shared/wrap-ups`): an editor
 * checks a blog post against the wrap-up pages, and tests load the whole archive. Each folder is loaded as
 * usual; their recaps are put together, and the first folder's next event and synonyms lead.
 */
import path from 'node:path';
import { ContentError, loadContent } from './load.js';
import type { ContentProblem, ContentSet, Recap } from './model.js';

/** `content,../shared/recaps` → the folders, trimmed, without empty entries or repeats. */
export function contentDirs(value: string | undefined, fallback = 'content'): string[] {
  const dirs = (value ?? '')
    .split(',')
    .map((dir) => dir.trim())
    .filter(Boolean);
  return dirs.length > 0 ? [...new Set(dirs)] : [fallback];
}

/**
 * Every folder's recaps, next event and synonyms in one content set. Problems name their folder when there
 * are several; a recap whose id another folder already gave is skipped with a warning. A folder that has
 * no recap of its own is fine as long as another has one; none at all is a `ContentError`.
 */
export async function loadContentFolders(dirs: readonly string[]): Promise<ContentSet> {
  if (dirs.length === 1) return loadContent(dirs[0] ?? 'content');
  type Loaded = { dir: string; content: ContentSet } | { dir: string; error: ContentError };
  const results = await Promise.all(
    dirs.map(async (dir): Promise<Loaded> => {
      try {
        return { dir, content: await loadContent(dir) };
      } catch (error) {
        if (error instanceof ContentError) return { dir, error };
        throw error;
      }
    }),
  );
  const recaps: Recap[] = [];
  const problems: ContentProblem[] = [];
  const ids = new Map<string, string>();
  let next: ContentSet['next'];
  let synonyms: ContentSet['synonyms'] | undefined;
  for (const result of results) {
    const inFolder = (file: string) => path.join(result.dir, file);
    if ('error' in result) {
      const { error } = result;
      if (error.problems.length === 0)
        problems.push({ file: result.dir, message: error.message, severity: 'error' });
      problems.push(...error.problems.map((p) => ({ ...p, file: inFolder(p.file) })));
      continue;
    }
    const { content } = result;
    problems.push(...content.problems.map((p) => ({ ...p, file: inFolder(p.file) })));
    for (const recap of content.recaps) {
      const earlier = ids.get(recap.id);
      if (earlier) {
        problems.push({
          file: inFolder(recap.file),
          message: `has the same name as ${earlier}: skipped (rename one of them)`,
          severity: 'warning',
        });
        continue;
      }
      ids.set(recap.id, inFolder(recap.file));
      recaps.push({ ...recap, file: inFolder(recap.file) });
    }
    next ??= content.next;
    if (!synonyms && content.synonyms.size > 0) synonyms = content.synonyms;
  }
  if (recaps.length === 0) {
    throw new ContentError(
      `No recap could be loaded from ${dirs.join(', ')}: add a recap (*.md) there.`,
      problems,
    );
  }
  recaps.sort((a, b) => b.event.date.localeCompare(a.event.date) || b.id.localeCompare(a.id));
  return { recaps, next, synonyms: synonyms ?? new Map(), problems };
}
