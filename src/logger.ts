import { type Logger, LogLevel } from '@slack/logger';

/** Anything that looks like a Slack token or signing secret value is cut before a line is written. */
const SECRET = /\b(xox[abposre]-[\w-]+|xapp-[\w-]+)/g;

export function redact(text: string): string {
  return text.replace(SECRET, (token) => `${token.slice(0, 5)}…[redacted]`);
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

export type LogSink = (level: LogLevel, line: string) => void;

const consoleSink: LogSink = (level, line) => {
  if (level === LogLevel.ERROR || level === LogLevel.WARN) console.error(line);
  else console.log(line);
};

/**
 * The one logger of the process (Bolt, the WebClient and our code share it): one line per entry,
 * tokens redacted whatever the caller passed.
 */
export function createLogger(
  level: `${LogLevel}` | LogLevel = LogLevel.INFO,
  sink: LogSink = consoleSink,
): Logger {
  let current = level as LogLevel;
  let name = 'hackathon-bot';
  const write = (at: LogLevel, parts: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    sink(at, redact(`[${at.toUpperCase()}] ${name} ${parts.map(describe).join(' ')}`));
  };
  return {
    debug: (...msg: unknown[]) => write(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => write(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => write(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => write(LogLevel.ERROR, msg),
    setLevel: (l: LogLevel) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n: string) => {
      name = n;
    },
  };
}
