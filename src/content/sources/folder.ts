import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * A folder of recaps on disk: CONTENT_DIR, or a folder of the followed git repository. Read recursively,
 * since a blog keeps its posts under `YYYY/MM/`.
 */
export interface ContentFolder {
  /** The folder on disk. */
  dir: string;
  /**
   * How its files are named in problems and logs, before their path inside the folder: empty for
   * CONTENT_DIR (names as editors know them), the repository path for a git folder (`hugo/content/blog`).
   */
  label: string;
  /**
   * A git folder also holds posts about other things (releases, how-tos): only hackathon recaps are read
   * there, and the rest is counted, not reported. Everything in CONTENT_DIR is meant to be a recap.
   */
  hackathonsOnly: boolean;
}

/** Files with these names are never recaps: the next event, the synonyms, a folder's README. */
const NOT_RECAPS = new Set(['next-hackathon.md', 'readme.md']);
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** `a/b.md` whatever the platform: recap ids and problems use forward slashes. */
const posix = (relative: string) => relative.split(path.sep).join('/');

/**
 * The Markdown files under `dir` that may be recaps, as paths relative to it, sorted. Hidden files and
 * folders and Hugo's `_index.md` list pages are left out.
 */
export async function markdownFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (at: string): Promise<void> => {
    const entries = await readdir(path.join(dir, at), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.') || entry.name.startsWith('_')) return;
        const relative = at ? path.join(at, entry.name) : entry.name;
        // A linked file is read like any other; linked folders are not followed (they may loop).
        const isFile =
          entry.isFile() ||
          (entry.isSymbolicLink() &&
            (await stat(path.join(dir, relative))
              .then((s) => s.isFile())
              .catch(() => false)));
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) await walk(relative);
        } else if (
          isFile &&
          entry.name.toLowerCase().endsWith('.md') &&
          !NOT_RECAPS.has(entry.name.toLowerCase())
        ) {
          found.push(posix(relative));
        }
      }),
    );
  };
  await walk('');
  return found.sort();
}

const HACKATHON_WORDS = /hackathon|hack\s+the\s+garden/i;

/** The front matter block (YAML between `---`, or TOML between `+++`), or '' without one. */
function frontMatterOf(text: string): { block: string; body: string } {
  const m = /^\uFEFF?(---|\+\+\+)[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? { block: m[2] ?? '', body: text.slice(m[0].length) } : { block: '', body: text };
}

/** A front matter field's value as written: inline (`tags: [a, b]`), or the `- item` lines below it. */
function fieldText(block: string, name: string): string {
  const lines = block.split(/\r?\n/);
  const at = lines.findIndex((line) => new RegExp(`^${name}\\s*[:=]`, 'i').test(line));
  if (at < 0) return '';
  const inline = (lines[at] ?? '').replace(new RegExp(`^${name}\\s*[:=]\\s*`, 'i'), '');
  const items: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!/^\s+-|^-\s/.test(line)) break;
    items.push(line);
  }
  return [inline, ...items].join('\n');
}

/**
 * Whether a post in a git folder is a hackathon recap: its front matter `tags` name a hackathon, or its
 * title or first `#` heading says "Hackathon" or "Hack The Garden". Read from the text alone, without the
 * Markdown parser: a blog folder holds hundreds of posts, and most are skipped.
 */
export function isHackathonRecap(text: string): boolean {
  const { block, body } = frontMatterOf(text);
  if (HACKATHON_WORDS.test(fieldText(block, 'tags'))) return true;
  if (HACKATHON_WORDS.test(fieldText(block, 'title').split('\n')[0] ?? '')) return true;
  const h1 = /^ {0,3}#[ \t]+(.+)$/m.exec(body)?.[1] ?? '';
  return HACKATHON_WORDS.test(h1);
}
