import { appendFileSync, cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import { ParseCache } from '../src/content/sources/cache.js';
import { hashParser } from '../src/content/sources/parser-version.js';
import { Library } from '../src/library.js';
import { startSlackStandin } from '../src/standin/server.js';
import {
  copyInto,
  hasTopic,
  removeTempDirs,
  seedContent,
  startLiveBot,
  tempDir,
  untilLibrary,
} from './support/live.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';

afterEach(removeTempDirs);

/** The seed, two blog posts and three wrap-up pages in one folder. */
function archive(): string {
  const dir = seedContent();
  for (const folder of ['recaps', 'wrap-ups'])
    for (const name of readdirSync(sharedDir(folder)))
      copyInto(dir, path.join(sharedDir(folder), name), name);
  return dir;
}

describe('the parse cache', () => {
  it('gives a second start exactly what parsing gave the first, without parsing', async () => {
    const dir = archive();
    const cacheDir = tempDir('cache');
    const cold = await loadContent(dir, { cache: new ParseCache(cacheDir) });
    expect(cold.recaps).toHaveLength(6);
    expect(cold.parsed).toBe(7);
    expect(cold.cached).toBe(0);

    const warm = await loadContent(dir, { cache: new ParseCache(cacheDir) });
    expect(warm.parsed).toBe(0);
    expect(warm.cached).toBe(7);
    expect(warm.recaps).toEqual(cold.recaps);
    expect([...warm.synonyms]).toEqual([...cold.synonyms]);
    expect(warm.problems).toEqual(cold.problems);
    expect(warm.fingerprint).toBe(cold.fingerprint);
  });

  it('parses an edited file again, and only that one', async () => {
    const dir = archive();
    const cacheDir = tempDir('cache');
    await loadContent(dir, { cache: new ParseCache(cacheDir) });
    const file = path.join(dir, '2024-12-6th-hackathon-blog.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Deploy Prow Via Flux', 'Deploy Prow Via Argo'));

    const after = await loadContent(dir, { cache: new ParseCache(cacheDir) });
    expect(after.parsed).toBe(1);
    const titles = after.recaps.find((r) => r.file === path.basename(file))?.topics.map((t) => t.title) ?? [];
    expect(titles.some((t) => t.includes('Deploy Prow Via Argo'))).toBe(true);
    expect(titles.some((t) => t.includes('Deploy Prow Via Flux'))).toBe(false);
  });

  it('reads the search index back for the same recaps, and searches it exactly as a built one', async () => {
    const dir = archive();
    const cacheDir = tempDir('cache');
    const coldCache = new ParseCache(cacheDir);
    const built = new Library(await loadContent(dir, { cache: coldCache }), {
      indexStore: coldCache.indexStore(),
    });
    // The index is written in the background.
    await coldCache.settled();
    expect(readdirSync(cacheDir)).toHaveLength(8);

    const warmCache = new ParseCache(cacheDir);
    const content = await loadContent(dir, { cache: warmCache });
    const store = warmCache.indexStore();
    const loads: boolean[] = [];
    const read = new Library(content, {
      indexStore: {
        load: (hash) => {
          const index = store.load(hash);
          loads.push(index !== undefined);
          return index;
        },
        save: store.save,
      },
    });
    expect(loads).toEqual([true]);
    for (const query of ['wireguard', 'prow flux', 'dashbord', 'gep 32', '#12252', 'xyzzy', 'load balancing'])
      expect(read.search(query)).toEqual(built.search(query));
  });

  it('parses again when an entry on disk is cut short', async () => {
    const dir = seedContent();
    const cacheDir = tempDir('cache');
    const first = await loadContent(dir, { cache: new ParseCache(cacheDir) });
    for (const name of readdirSync(cacheDir)) writeFileSync(path.join(cacheDir, name), '{"recap":');
    const again = await loadContent(dir, { cache: new ParseCache(cacheDir) });
    expect(again.cached).toBe(0);
    expect(again.recaps).toEqual(first.recaps);
  });

  it('changes its key with any edit to the parser or the search index, and not with the folder readers', async () => {
    const copy = tempDir('src');
    cpSync(path.join(PROJECT_ROOT, 'src/content'), path.join(copy, 'content'), { recursive: true });
    cpSync(path.join(PROJECT_ROOT, 'src/search'), path.join(copy, 'search'), { recursive: true });
    const before = await hashParser(copy);
    expect(await hashParser(copy)).toBe(before);

    appendFileSync(path.join(copy, 'content/sources/watch.ts'), '\n// a reader, not the parser\n');
    expect(await hashParser(copy)).toBe(before);

    appendFileSync(path.join(copy, 'content/parse.ts'), '\n// one more comment\n');
    const parser = await hashParser(copy);
    expect(parser).not.toBe(before);

    appendFileSync(path.join(copy, 'search/normalize.ts'), '\n// one more comment\n');
    const search = await hashParser(copy);
    expect(search).not.toBe(parser);

    // A bundle built after the sources is theirs: the sources say it all.
    const bundle = path.join(tempDir('dist'), 'chunk-ABC.js');
    writeFileSync(bundle, 'import("./recap-X1.js");\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(bundle, later, later);
    expect(await hashParser(copy, bundle)).toBe(search);
    // A bundle older than a source (edited since, not bundled again) runs other code: another key.
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(bundle, earlier, earlier);
    const stale = await hashParser(copy, bundle);
    expect(stale).not.toBe(search);
    // Without sources, the bundle is the parser: another parser chunk, another key; the same, the same.
    const alone = await hashParser(undefined, bundle);
    writeFileSync(bundle, 'import("./recap-X1.js");\n');
    expect(await hashParser(undefined, bundle)).toBe(alone);
    writeFileSync(bundle, 'import("./recap-Y2.js");\n');
    expect(await hashParser(undefined, bundle)).not.toBe(alone);
  });
});

describe('a warm cache while the bot runs', () => {
  it('never answers an edited file from the cache', async () => {
    const standin = await startSlackStandin();
    const contentDir = seedContent();
    const cacheDir = tempDir('cache');
    const env = { CONTENT_DIR: contentDir, CACHE_DIR: cacheDir };
    const first = await startLiveBot(standin, env);
    await first.bot.stop();

    const live = await startLiveBot(standin, env);
    try {
      expect(live.logs.lines.join('\n')).toMatch(
        /\(2 from the cache, 0 parsed; search index from the cache\)/,
      );
      const file = path.join(contentDir, '2025-06-schelklingen.md');
      const original = readFileSync(file, 'utf8');

      writeFileSync(
        file,
        original.replace('with [Wireguard](https://www.wireguard.com/)**', 'with Quokkaguard**'),
      );
      await untilLibrary(live.bot.content.holder, hasTopic('Quokkaguard'));
      expect(await live.ask('wireguard')).toContain('Quokkaguard');
      await live.logs.waitFor(/now 1 recap\(s\).*\(1 parsed, 1 from the cache\)/);

      // Back to the bytes the cache knows: answered from it, and right.
      writeFileSync(file, original);
      await untilLibrary(live.bot.content.holder, (library) => !hasTopic('Quokkaguard')(library));
      const answer = await live.ask('wireguard');
      expect(answer).toContain('Replacement of OpenVPN with Wireguard');
      expect(answer).not.toContain('Quokkaguard');
      await live.logs.waitFor(/\(0 parsed, 2 from the cache\)/);
    } finally {
      await live.bot.stop();
      await standin.close();
    }
  });
});
