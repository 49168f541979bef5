import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { Logger } from '@slack/logger';
import { ContentError, formatProblem, type LoadedContent, loadContent } from './content/load.js';
import type { ContentProblem } from './content/model.js';
import { ParseCache } from './content/sources/cache.js';
import type { ContentFolder } from './content/sources/folder.js';
import { displayUrl, GitCheckout, type SyncOutcome } from './content/sources/git.js';
import { type FolderWatch, watchFolder } from './content/sources/watch.js';
import { type Clock, LibraryHolder } from './context.js';
import { Library } from './library.js';
import type { Settings } from './settings.js';

/**
 * The library that follows its sources: CONTENT_DIR (watched) and the followed git repository (fetched on
 * CONTENT_SYNC_INTERVAL). Every change loads the content again (unchanged files come from the parse
 * cache), builds a new `Library` and swaps it into the holder whole. Content that does not load keeps the
 * last good: a broken file its last good version, a folder without any recap the whole last library.
 */

/** A reload that kept earlier content, for the log and for tests to await. */
export interface ContentKept {
  /** Files answered from their last good version (empty: the whole library was kept). */
  files: string[];
  problems: ContentProblem[];
  message: string;
}

export interface LiveLibraryEvents {
  /** Content was loaded again and nothing a person could see changed. */
  unchanged: [cause: string];
  /** Something broken was kept out: the last good content answers meanwhile. */
  kept: [kept: ContentKept];
  /** The repository was fetched (changed or not), or could not be. */
  synced: [outcome: SyncOutcome];
}

export interface LiveLibraryOptions {
  settings: Settings;
  logger: Logger;
  /** Dates each load: a hackathon whose page still has no topics weeks after it is a warning. */
  clock?: Clock;
  /** How long the watcher waits for a burst of changes to settle (tests shorten it). */
  settleMs?: number;
}

const topicCount = (content: LoadedContent) => content.recaps.reduce((n, r) => n + r.topics.length, 0);
const short = (commit: string) => commit.slice(0, 7);

export class LiveLibrary extends EventEmitter<LiveLibraryEvents> {
  readonly holder: LibraryHolder;
  private content: LoadedContent;
  private watch: FolderWatch | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  private syncing: Promise<void> | undefined;
  private reloading: Promise<void> | undefined;
  private readonly dirty = new Set<string>();
  private closed = false;

  private constructor(
    private readonly options: LiveLibraryOptions,
    private readonly cache: ParseCache,
    private readonly git: GitCheckout | undefined,
    content: LoadedContent,
  ) {
    super();
    this.content = content;
    this.holder = new LibraryHolder(
      new Library(content, { indexStore: cache.indexStore(), now: (options.clock ?? (() => new Date()))() }),
    );
  }

  /**
   * Opens the git checkout (cloning it on the first start) and loads the content once. Throws
   * `ContentError` (no recap anywhere) or `GitSourceError` (a setting to fix) with a readable message.
   */
  static async open(options: LiveLibraryOptions): Promise<LiveLibrary> {
    const { settings, logger } = options;
    const started = performance.now();
    const cache = new ParseCache(path.join(settings.cacheDir, 'parsed'));
    const git = settings.contentGit
      ? await GitCheckout.open(settings.contentGit, settings.cacheDir)
      : undefined;
    if (git && settings.contentGit) {
      logger.info(
        `Content: following ${displayUrl(settings.contentGit.url)}${settings.contentGit.ref ? ` at ${settings.contentGit.ref}` : ''} (${git.fresh ? 'cloned' : 'last checkout'}: commit ${short(git.commit)})`,
      );
    }
    const content = await loadContent(settings.contentDir, { folders: git?.folders() ?? [], cache });
    const live = new LiveLibrary(options, cache, git, content);
    for (const problem of live.holder.current.problems) logger.warn(`Content: ${formatProblem(problem)}`);
    logger.info(
      `Loaded ${content.recaps.length} recap(s), ${topicCount(content)} topics from ${live.describeSources()} (${content.cached} from the cache, ${content.parsed} parsed${content.skipped ? `, ${content.skipped} other posts skipped` : ''}; search index ${cache.stats.indexesRead > 0 ? 'from the cache' : 'built'}) in ${(performance.now() - started).toFixed(1)} ms`,
    );
    return live;
  }

  private describeSources(): string {
    const git = this.options.settings.contentGit;
    if (!git) return this.options.settings.contentDir;
    const paths = git.paths.length > 0 ? git.paths.join(', ') : 'all folders';
    return `${this.options.settings.contentDir} and ${displayUrl(git.url)} (${paths})`;
  }

  /**
   * Starts following: watches CONTENT_DIR (resolves once the watcher is ready, so an edit after this is
   * seen) and fetches the repository now (when this start did not clone it) and on the interval.
   */
  async follow(): Promise<void> {
    const { settings, logger } = this.options;
    this.watch = watchFolder(settings.contentDir, (files) => void this.reload(files.join(', ')), {
      ...(this.options.settleMs !== undefined ? { settleMs: this.options.settleMs } : {}),
      onError: (error) => logger.warn(`Content: watching ${settings.contentDir} failed: ${error.message}`),
    });
    if (this.git && settings.contentGit) {
      if (this.git.fresh) this.scheduleSync(settings.contentGit.syncIntervalMs);
      else void this.sync();
    }
    await this.watch.ready;
    // Pruning reads the whole cache folder: after start-up, and never in a request's way.
    setImmediate(() => void this.cache.prune().catch(() => undefined)).unref();
  }

  private scheduleSync(ms: number): void {
    if (this.closed) return;
    this.syncTimer = setTimeout(() => void this.sync(), ms);
    this.syncTimer.unref();
  }

  /** One fetch of the followed repository, and a reload when it moved. Never throws. */
  sync(): Promise<void> {
    this.syncing ??= this.syncOnce();
    return this.syncing;
  }

  private async syncOnce(): Promise<void> {
    const { settings, logger } = this.options;
    if (!this.git || !settings.contentGit) return;
    const interval = settings.contentGit.syncIntervalMs;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    try {
      const outcome = await this.git.sync();
      if (outcome.kind === 'failed') {
        logger.warn(
          `Content: ${outcome.error.message}; answering from the last good checkout (commit ${short(outcome.commit)}), trying again in ${interval} ms`,
        );
      } else if (outcome.kind === 'changed') {
        logger.info(
          `Content: ${displayUrl(settings.contentGit.url)} moved to commit ${short(outcome.commit)}`,
        );
        await this.reload(`commit ${short(outcome.commit)}`);
      }
      this.emit('synced', outcome);
    } finally {
      this.syncing = undefined;
      this.scheduleSync(interval);
    }
  }

  /**
   * Loads the content again and swaps the library when it changed. Reloads never overlap: changes that
   * arrive meanwhile are loaded right after, together. Never throws.
   */
  reload(cause: string): Promise<void> {
    this.dirty.add(cause);
    this.reloading ??= this.drain();
    return this.reloading;
  }

  private async drain(): Promise<void> {
    try {
      while (this.dirty.size > 0 && !this.closed) {
        const causes = [...this.dirty].join('; ');
        this.dirty.clear();
        await this.reloadOnce(causes).catch((error: unknown) => {
          this.options.logger.error(`Content (${causes}): reloading failed: ${(error as Error).message}`);
        });
      }
    } finally {
      // In the same turn as the last check: a change arriving now starts a new drain.
      this.reloading = undefined;
    }
  }

  private async reloadOnce(cause: string): Promise<void> {
    const { settings, logger } = this.options;
    const started = performance.now();
    const before = this.content;
    let content: LoadedContent;
    try {
      content = await loadContent(settings.contentDir, {
        folders: this.folders(),
        cache: this.cache,
        previous: before,
      });
    } catch (error) {
      const problems = error instanceof ContentError ? error.problems : [];
      const reason =
        error instanceof ContentError ? error.message : `unexpected: ${(error as Error).message}`;
      const message = `${reason} Answering from the content that last loaded until this is fixed.`;
      logger.warn(`Content (${cause}): ${message}`);
      this.emit('kept', { files: [], problems, message });
      return;
    }
    if (content.kept.length > 0) {
      const message = `${content.kept.join(', ')} did not load; answering from the last good version until it is fixed`;
      logger.warn(`Content (${cause}): ${message}`);
      this.emit('kept', { files: content.kept, problems: content.problems, message });
    }
    if (content.fingerprint === before.fingerprint) {
      this.content = content;
      this.emit('unchanged', cause);
      return;
    }
    let library: Library;
    try {
      library = new Library(content, {
        indexStore: this.cache.indexStore(),
        now: (this.options.clock ?? (() => new Date()))(),
      });
    } catch (error) {
      for (const problem of content.problems) logger.warn(`Content: ${formatProblem(problem)}`);
      const message = `the library could not be built (${(error as Error).message}); answering from the content that last loaded`;
      logger.error(`Content (${cause}): ${message}`);
      this.emit('kept', { files: [], problems: content.problems, message });
      return;
    }
    // Problems already reported for the same file and line stay quiet; new ones name file:line.
    const known = new Set(this.holder.current.problems.map(formatProblem));
    for (const problem of library.problems) {
      const line = formatProblem(problem);
      if (!known.has(line) || problem.severity === 'error') logger.warn(`Content: ${line}`);
    }
    this.content = content;
    const nextChanged = JSON.stringify(content.next) !== JSON.stringify(before.next);
    this.holder.replace(library, { cause, nextChanged });
    logger.info(
      `Content (${cause}): now ${content.recaps.length} recap(s), ${topicCount(content)} topics (${content.parsed} parsed, ${content.cached} from the cache) in ${(performance.now() - started).toFixed(1)} ms${nextChanged ? '; the next event changed' : ''}`,
    );
  }

  private folders(): ContentFolder[] {
    return this.git?.folders() ?? [];
  }

  /** Stops watching and fetching; a reload in flight and the cache's writes finish first. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.syncTimer) clearTimeout(this.syncTimer);
    await this.watch?.close();
    await Promise.all([this.syncing, this.reloading]);
    // The search index is written in the background: the next start should find it.
    await this.cache.settled();
  }
}
