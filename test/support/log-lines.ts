import { EventEmitter } from 'node:events';
import type { LogLevel } from '@slack/logger';

/** Log lines of one bot, awaitable without polling. */
export class LogLines {
  readonly lines: string[] = [];
  readonly entries: Array<{ level: LogLevel; line: string }> = [];
  private readonly events = new EventEmitter();

  push = (level: LogLevel, line: string): void => {
    this.lines.push(line);
    this.entries.push({ level, line });
    this.events.emit('line');
  };

  /** Warnings and errors logged since `from` (a `lines.length` taken earlier). */
  problemsSince(from: number): Array<{ level: LogLevel; line: string }> {
    return this.entries.slice(from).filter((e) => e.level === 'warn' || e.level === 'error');
  }

  /** The first line matching `pattern`, logged so far or to come. */
  async waitFor(pattern: RegExp, timeoutMs = 5000): Promise<string> {
    return (await this.find(pattern, timeoutMs, 0)).line;
  }

  /** The first line matching `pattern` logged from now on, with its level. */
  next(pattern: RegExp, timeoutMs = 10_000): Promise<{ level: LogLevel; line: string }> {
    return this.find(pattern, timeoutMs, this.entries.length);
  }

  private find(pattern: RegExp, timeoutMs: number, from: number): Promise<{ level: LogLevel; line: string }> {
    const found = () => this.entries.slice(from).find((e) => pattern.test(e.line));
    return new Promise((resolve, reject) => {
      const check = () => {
        const entry = found();
        if (!entry) return false;
        clearTimeout(timer);
        this.events.off('line', check);
        resolve(entry);
        return true;
      };
      const timer = setTimeout(() => {
        this.events.off('line', check);
        reject(new Error(`No log line matching ${pattern} in:\n${this.lines.slice(from).join('\n')}`));
      }, timeoutMs);
      if (!check()) this.events.on('line', check);
    });
  }
}
