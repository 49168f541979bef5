import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '@slack/logger';
import { ContentError, formatProblem } from '../content/load.js';
import type { Clock } from '../context.js';
import type { Library } from '../library.js';
import type { Settings } from '../settings.js';
import { loadLibrary } from '../start.js';

export interface ReloadReport {
  /** Whether any file changed since the last look (nothing else is meaningful when false). */
  changed: boolean;
  /** `file:line: message` for every problem of the current files. */
  problems: string[];
  /** Set when the files could not be loaded at all, so the previous library is still in use. */
  keptPrevious?: string;
  recaps: number;
}

/** Names, sizes and mtimes of the folder's files: a stat per file, much cheaper than parsing and indexing. */
async function fingerprint(dir: string): Promise<string> {
  try {
    const names = (await readdir(dir)).sort();
    const parts = await Promise.all(
      names.map(async (name) => {
        try {
          const s = await stat(path.join(dir, name));
          return `${name}:${s.size}:${s.mtimeMs}`;
        } catch {
          return `${name}:gone`;
        }
      }),
    );
    return parts.join('\n');
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/**
 * The playground's content: reloaded when the page is (re)loaded and a file changed, so an edit shows up on
 * refresh. An edit that leaves no usable recap keeps the last library that loaded, so the playground
 * keeps answering while the person fixes it.
 */
export class ContentReloader {
  private current: Library;
  private print: string;
  private inFlight: Promise<ReloadReport> | undefined;

  private constructor(
    private readonly settings: Settings,
    private readonly logger: Logger,
    private readonly clock: Clock,
    library: Library,
    print: string,
  ) {
    this.current = library;
    this.print = print;
  }

  /** Throws `ContentError` like the bot's own start-up when there is nothing to start with. */
  static async load(settings: Settings, logger: Logger, clock: Clock): Promise<ContentReloader> {
    const print = await fingerprint(settings.contentDir);
    const library = await loadLibrary(settings, logger, clock);
    return new ContentReloader(settings, logger, clock, library, print);
  }

  get library(): Library {
    return this.current;
  }

  /** What the current library was loaded with, as `refresh` reports it. */
  report(): ReloadReport {
    return { changed: false, problems: this.current.problems.map(formatProblem), recaps: this.recapCount() };
  }

  /** Concurrent page loads share one reload. */
  refresh(): Promise<ReloadReport> {
    this.inFlight ??= this.reload().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private recapCount(): number {
    return this.current.recaps.length;
  }

  private async reload(): Promise<ReloadReport> {
    const print = await fingerprint(this.settings.contentDir);
    if (print === this.print) return this.report();
    this.print = print;
    try {
      this.current = await loadLibrary(this.settings, this.logger, this.clock);
      return { ...this.report(), changed: true };
    } catch (error) {
      const problems =
        error instanceof ContentError && error.problems.length > 0
          ? error.problems.map(formatProblem)
          : [(error as Error).message];
      const reason =
        error instanceof ContentError ? error.message : `Unexpected: ${(error as Error).message}`;
      this.logger.warn(`Content: ${reason} The playground keeps the content that last loaded.`);
      return { changed: true, problems, keptPrevious: reason, recaps: this.recapCount() };
    }
  }
}
