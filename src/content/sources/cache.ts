import { createHash } from 'node:crypto';
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
const MEMORY_ENTRIES = 2_000;

export interface CacheStats {
  hits: number;
  misses: number;
}

export class ParseCache {
  private readonly memory = new LRUCache<string, { value: unknown }>({ max: MEMORY_ENTRIES });
  private readonly used = new Set<string>();
  private writable = true;
  readonly stats: CacheStats = { hits: 0, misses: 0 };

  /** `dir` undefined: memory only (tests, preview). */
  constructor(readonly dir?: string) {}

  async key(kind: ParsedKind, name: string, bytes: Uint8Array): Promise<string> {
    return createHash('sha256')
      .update(await parserVersion())
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
        const value = JSON.parse(await readFile(this.file(key), 'utf8')) as T;
        this.memory.set(key, { value });
        this.stats.hits += 1;
        return value;
      } catch {
        // Missing, or cut short by a crash mid-write: parse again, and overwrite it.
      }
    }
    this.stats.misses += 1;
    const value = await parse();
    // Through JSON on the way in too, so a result from memory is exactly what a later start reads.
    const text = JSON.stringify(value);
    this.memory.set(key, { value: JSON.parse(text) as T });
    if (this.dir && this.writable) await this.write(key, text);
    return value;
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
