import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The parser's version, for the parse cache's keys: a hash of the code that turns a file into a recap, so
 * that any edit to the parser (or an upgrade of the Markdown libraries) makes every cached recap a miss.
 * Nobody has to remember to bump a number: the parser is being reworked while this cache exists.
 *
 * It hashes `src/content/**\/*.ts` (its own `sources/` aside: reading folders changes no parse result) and
 * `package-lock.json`, found from `src/` (tsx, vitest) or from `dist/` beside it (`npm start`). Run from
 * the bundle, it hashes the bundle's own `.js` files as well: they hold the parser and the libraries it
 * uses, so a bundle that is older than `src/`, or deployed without it, never reads another build's entries.
 */

/** Bumped when the cache's file format changes, which the parser's code does not show. */
const CACHE_FORMAT = 1;

const here = path.dirname(fileURLToPath(import.meta.url));

async function filesUnder(
  dir: string,
  keep: (name: string) => boolean,
  descend: (dir: string) => boolean,
): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (descend(full)) found.push(...(await filesUnder(full, keep, descend)));
    } else if (keep(entry.name)) {
      found.push(full);
    }
  }
  return found;
}

async function hashFiles(hash: ReturnType<typeof createHash>, root: string, files: string[]) {
  const contents = await Promise.all(files.sort().map((file) => readFile(file)));
  files.forEach((file, i) => {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(contents[i] ?? '').update('\0');
  });
}

/**
 * The hash of the parser's sources in `contentDir` (when there) and of the `.js` files in `bundleDir`.
 * Exported for tests, which hash a copy of the sources with one edit.
 */
export async function hashParser(contentDir: string | undefined, bundleDir: string): Promise<string> {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\0`);
  if (contentDir) {
    const own = path.join(contentDir, 'sources');
    const sources = await filesUnder(
      contentDir,
      (name) => name.endsWith('.ts'),
      (dir) => dir !== own,
    );
    await hashFiles(hash, contentDir, sources);
    const lock = path.resolve(contentDir, '../../package-lock.json');
    if (existsSync(lock)) await hashFiles(hash, path.dirname(lock), [lock]);
  }
  // The bundle's chunks (none beside the TypeScript sources).
  await hashFiles(
    hash,
    bundleDir,
    await filesUnder(
      bundleDir,
      (name) => name.endsWith('.js'),
      () => false,
    ),
  );
  return hash.digest('hex').slice(0, 16);
}

function computeParserVersion(): Promise<string> {
  // tsx and vitest: this file is src/content/sources/; the bundle: dist/, beside src/.
  const contentDir = [path.resolve(here, '..'), path.resolve(here, '../src/content')].find((dir) =>
    existsSync(path.join(dir, 'recap.ts')),
  );
  return hashParser(contentDir, here);
}

let version: Promise<string> | undefined;

/** Computed once per process (a few milliseconds: the parser's sources are small). */
export function parserVersion(): Promise<string> {
  version ??= computeParserVersion();
  return version;
}
