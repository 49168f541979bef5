import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The parser's version, for the cache's keys: a hash of the code that turns a file into a recap and
 * recaps into a search index, so that any edit to it (or an upgrade of the libraries it uses) makes every
 * cached entry a miss. Nobody has to remember to bump a number: the parser is being reworked while this
 * cache exists.
 *
 * It hashes the sources of `src/content/` (its own `sources/` aside: reading folders changes no parse
 * result) and `src/search/`, and `package-lock.json`, found from `src/` (tsx, vitest) or from `dist/`
 * beside it (`npm start`). Run from a bundle, it also hashes the bundle's own `.js` files: they hold the
 * parser and its libraries, so a bundle older than `src/`, or deployed without it, never reads another
 * build's entries. `npm start` bundles again before every start; the same sources give the same bytes.
 */

/** Bumped when the cache's file format changes, which the code's hash does not show. */
const CACHE_FORMAT = 2;

const here = path.dirname(fileURLToPath(import.meta.url));

async function filesUnder(
  dir: string,
  keep: (name: string) => boolean,
  descend: (dir: string) => boolean,
): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (descend(full)) found.push(...(await filesUnder(full, keep, descend)));
    } else if (keep(entry.name)) {
      found.push(full);
    }
  }
  return found.sort();
}

async function hashContents(
  hash: ReturnType<typeof createHash>,
  root: string,
  files: string[],
): Promise<void> {
  const contents = await Promise.all(files.map((file) => readFile(file)));
  files.forEach((file, i) => {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(contents[i] ?? '').update('\0');
  });
}

/**
 * The hash of the code in `srcDir` (`content/` and `search/` under it, when there) and of the `.js` files
 * in `bundleDir`. Exported for tests, which hash a copy of the sources with one edit.
 */
export async function hashParser(srcDir: string | undefined, bundleDir: string): Promise<string> {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\0`);
  if (srcDir) {
    const readers = path.join(srcDir, 'content', 'sources');
    const sources = (
      await Promise.all(
        ['content', 'search'].map((folder) =>
          filesUnder(
            path.join(srcDir, folder),
            (name) => name.endsWith('.ts'),
            (dir) => dir !== readers,
          ),
        ),
      )
    ).flat();
    await hashContents(hash, srcDir, sources);
    const lock = path.resolve(srcDir, '../package-lock.json');
    if (existsSync(lock)) await hashContents(hash, path.dirname(lock), [lock]);
  }
  // Megabytes of bundle: SHA-1, several times faster here than SHA-256, tells builds apart as well.
  const bundle = createHash('sha1');
  const code = await filesUnder(
    bundleDir,
    (name) => /\.m?js$/.test(name),
    () => false,
  );
  await hashContents(bundle, bundleDir, code);
  return hash.update(bundle.digest('hex')).digest('hex').slice(0, 16);
}

function computeParserVersion(): Promise<string> {
  // tsx and vitest: this file is src/content/sources/; the bundle: dist/ (or dist/bench/), beside src/.
  const srcDir = [
    path.resolve(here, '../..'),
    path.resolve(here, '../src'),
    path.resolve(here, '../../src'),
  ].find((dir) => existsSync(path.join(dir, 'content', 'recap.ts')));
  return hashParser(srcDir, here);
}

let version: Promise<string> | undefined;

/** Computed once per process (a millisecond or two: the sources are small). */
export function parserVersion(): Promise<string> {
  version ??= computeParserVersion();
  return version;
}
