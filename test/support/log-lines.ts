import { EventEmitter } from 'node:events';

/** Log lines of one bot, awaitable without polling. */
export class LogLines {
  readonly lines: string[] = [];
  private readonly events = new EventEmitter();

  push = (_level: unknown, line: string): void => {
    this.lines.push(line);
    this.events.emit('line');
  };

  waitFor(pattern: RegExp, timeoutMs = 5000): Promise<string> {
    const found = () => this.lines.find((l) => pattern.test(l));
    return new Promise((resolve, reject) => {
      const check = () => {
        const line = found();
        if (!line) return false;
        clearTimeout(timer);
        this.events.off('line', check);
        resolve(line);
        return true;
      };
      const timer = setTimeout(() => {
        this.events.off('line', check);
        reject(new Error(`No log line matching ${pattern} in:\n${this.lines.join('\n')}`));
      }, timeoutMs);
      if (!check()) this.events.on('line', check);
    });
  }
}
