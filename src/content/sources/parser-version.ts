import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
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
 * beside it (`npm start`, which bundles them again before every start). A bundle is the code that runs,
 * though: when one of its files is older than a source (edited since, not bundled again), or there are no
 * sources beside it, the bundle's files count too, by size and time — reading megabytes at every start
 * would cost more than all the recaps — so another build never reads this one's entries.
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

interface CodeFile {
  file: string;
  bytes: Buffer;
  mtimeMs: number;
}

function readCode(files: string[]): Promise<CodeFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const [bytes, info] = await Promise.all([readFile(file), stat(file)]);
      return { file, bytes, mtimeMs: info.mtimeMs };
    }),
  );
}

/**
 * The hash of the code in `srcDir` (`content/` and `search/` under it, when there) and, where it may
 * differ from them, of the `.js` files in `bundleDir`. Exported for tests, which hash a copy of the
 * sources with one edit.
 */
export async function hashParser(srcDir: string | undefined, bundleDir: string): Promise<string> {
  const hash = createHash('sha256').update(`format ${CACHE_FORMAT}\0`);
  let newestSource = Number.POSITIVE_INFINITY;
  if (srcDir) {
    const readers = path.join(srcDir, 'content', 'sources');
    const files = (
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
    const lock = path.resolve(srcDir, '../package-lock.json');
    const code = await readCode(existsSync(lock) ? [...files, lock] : files);
    for (const { file, bytes } of code)
      hash
        .update(`${path.relative(srcDir, file)}\0`)
        .update(bytes)
        .update('\0');
    newestSource = Math.max(0, ...code.filter((c) => c.file !== lock).map((c) => c.mtimeMs));
  }
  const bundle = await Promise.all(
    (
      await filesUnder(
        bundleDir,
        (name) => /\.m?js$/.test(name),
        () => false,
      )
    ).map(async (file) => ({
      name: path.basename(file),
      info: await stat(file),
    })),
  );
  if (bundle.some(({ info }) => info.mtimeMs < newestSource)) {
    for (const { name, info } of bundle) hash.update(`${name}:${info.size}:${info.mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 16);
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

/** Computed once per process (a few milliseconds: the sources are small). */
export function parserVersion(): Promise<string> {
  version ??= computeParserVersion();
  return version;
}
