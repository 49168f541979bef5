import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { parserVersion } from './parser-version.js';

/**
 * Parsed files, kept between starts: the result of parsing one file (a recap, the next event, the
 * synonyms) as JSON in `CACHE_DIR/parsed/`, keyed by the parser's version, the kind of file, its name
 * (ids and dates come from it) and a hash of its bytes. An edited file has another key, so it is never
 * served stale; an edited parser changes every key. The newest entries are also kept in memory, so a
 * reload after one edit parses that file and reads nothing else from disk.
 */

export type ParsedKind = 'recap' | 'next-event' | 'synonyms';

/** Entries written this long ago, and not used by this process, are removed when the cache is pruned. */
const PRUNE_AFTER_MS = 7 * 24 * 3_600_000;
/** Parsed files kept in memory, by the size of their JSON: the whole archive many times over. */
const MEMORY_BYTES = 64 * 1024 * 1024;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Search indexes read back, and built (then stored). */
  indexesRead: number;
  indexesBuilt: number;
}

export class ParseCache {
  private readonly memory = new LRUCache<string, { value: unknown; size: number }>({
    maxSize: MEMORY_BYTES,
    sizeCalculation: (entry) => Math.max(1, entry.size),
  });
  private readonly used = new Set<string>();
  private writable = true;
  private readonly writing = new Set<Promise<void>>();
  /** The parser's version, known once a key was made: the index store needs it synchronously. */
  private version: string | undefined;
  readonly stats: CacheStats = { hits: 0, misses: 0, indexesRead: 0, indexesBuilt: 0 };

  /** `dir` undefined: memory only (tests, preview). */
  constructor(readonly dir?: string) {}

  async key(kind: ParsedKind, name: string, bytes: Uint8Array): Promise<string> {
    this.version ??= await parserVersion();
    return createHash('sha256')
      .update(this.version)
      .update('\0')
      .update(kind)
      .update('\0')
      .update(name)
      .update('\0')
      .update(bytes)
      .digest('hex');
  }

  private file(key: string): string {
    return path.join(this.dir ?? '', `${key}.json`);
  }

  /** The cached result of parsing, or the parse itself (stored for next time). */
  async parsed<T>(key: string, parse: () => Promise<T>): Promise<T> {
    this.used.add(key);
    const remembered = this.memory.get(key);
    if (remembered) {
      this.stats.hits += 1;
      return remembered.value as T;
    }
    if (this.dir) {
      try {
        const text = await readFile(this.file(key), 'utf8');
        const value = JSON.parse(text) as T;
        this.memory.set(key, { value, size: text.length });
        this.stats.hits += 1;
        return value;
      } catch {
        // Missing, or cut short by a crash mid-write: parse again, and overwrite it.
      }
    }
    this.stats.misses += 1;
    const value = await parse();
    // Through JSON on the way in too: a cold start answers exactly as the next, warm one will.
    const text = JSON.stringify(value);
    const stored = JSON.parse(text) as T;
    this.memory.set(key, { value: stored, size: text.length });
    if (this.dir && this.writable) await this.write(key, text);
    return stored;
  }

  private async write(key: string, text: string): Promise<void> {
    const target = this.file(key);
    // Written aside and renamed: another instance reading the same folder sees a whole entry or none.
    const aside = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(aside, text);
      await rename(aside, target);
    } catch {
      // A read-only disk costs the next start its speed, never its content.
      this.writable = false;
      await unlink(aside).catch(() => undefined);
    }
  }

  /**
   * Where the search index over the parsed recaps is kept (see `IndexStore` in `src/search/index.ts`),
   * keyed by the parser's version and a hash of what is indexed. Synchronous, as a library is built:
   * reading one file back is far cheaper than indexing.
   */
  indexStore(): { load(hash: string): string | undefined; save(hash: string, index: string): void } {
    const keyOf = (hash: string) =>
      this.version ? createHash('sha256').update(`${this.version}\0index\0${hash}`).digest('hex') : undefined;
    return {
      load: (hash) => {
        const key = keyOf(hash);
        if (!key) return undefined;
        this.used.add(key);
        if (!this.dir) return undefined;
        try {
          const index = readFileSync(this.file(key), 'utf8');
          this.stats.indexesRead += 1;
          return index;
        } catch {
          return undefined;
        }
      },
      save: (hash, index) => {
        const key = keyOf(hash);
        if (!key) return;
        this.used.add(key);
        this.stats.indexesBuilt += 1;
        // Not kept in memory: a running bot builds each index once. Written in the background: the
        // library answers meanwhile, and the next start reads it.
        if (this.dir && this.writable) {
          const written = this.write(key, index).finally(() => this.writing.delete(written));
          this.writing.add(written);
        }
      },
    };
  }

  /** Resolves once the entries being written in the background are on disk. */
  async settled(): Promise<void> {
    await Promise.all(this.writing);
  }

  /** Removes entries on disk that this process did not use and that were written over a week ago. */
  async prune(now = Date.now()): Promise<number> {
    if (!this.dir) return 0;
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (this.used.has(name.replace(/\.json$/, ''))) continue;
      const file = path.join(this.dir, name);
      try {
        if (now - (await stat(file)).mtimeMs < PRUNE_AFTER_MS) continue;
        await unlink(file);
        removed += 1;
      } catch {
        // Gone already, or removed by another instance pruning too.
      }
    }
    return removed;
  }
}
