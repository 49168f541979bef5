import { EventEmitter } from 'node:events';
import type { Logger } from '@slack/logger';
import type { Library } from './library.js';
import type { Settings } from './settings.js';

/** Time comes in from outside so reminders and countdowns are testable. */
export type Clock = () => Date;

/** What every listener needs; built once in `createApp`. */
export interface BotContext {
  settings: Settings;
  /**
   * The current library. A request reads it once and answers from that library to the end, even when
   * new content replaces it meanwhile (see `LibraryHolder`).
   */
  library: () => Library;
  clock: Clock;
  logger: Logger;
  botUserId: string;
  /** How long a post to a response URL waits after a 429 before its one retry; tests shorten it. */
  rateLimitWaitMs?: number;
}

/** One replacement of the library: the content changed on disk or in the followed repository. */
export interface LibraryChange {
  previous: Library;
  current: Library;
  /** What set it off, for the log: the files the watcher saw, or the commit fetched. */
  cause: string;
  /** Whether the next event (`next-hackathon.md`) changed: the reminders are re-planned at once. */
  nextChanged: boolean;
}

/**
 * The library the bot answers from, replaced whole when content changes. Nothing is changed in place:
 * a request that read `current` keeps a consistent library until it is done, and the next request
 * reads the new one. Listeners of `onChange` act on new content (announcements, reminders).
 */
export class LibraryHolder {
  private library: Library;
  private readonly events = new EventEmitter();

  constructor(initial: Library) {
    this.library = initial;
  }

  get current(): Library {
    return this.library;
  }

  replace(next: Library, details: Omit<LibraryChange, 'previous' | 'current'>): LibraryChange {
    const change: LibraryChange = { previous: this.library, current: next, ...details };
    this.library = next;
    this.events.emit('change', change);
    return change;
  }

  /** Calls `listener` after each replacement; returns the way to stop. */
  onChange(listener: (change: LibraryChange) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  /** The next replacement (tests await content arriving rather than sleeping). */
  nextChange(): Promise<LibraryChange> {
    return new Promise((resolve) => this.events.once('change', resolve));
  }
}
