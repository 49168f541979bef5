import type { EventEmitter } from 'node:events';

export interface RecordedCall {
  method: string;
  /** The parsed body as sent: form values stay strings (post_at: "1700000000"); blocks, view, metadata are decoded. */
  args: Record<string, unknown>;
  token?: string;
  at: Date;
  /** What the stand-in answered; undefined while a hang fault holds the request. */
  result?: { status: number; body: unknown };
}

export interface RecordedResponse {
  /** The id at the end of the response_url. */
  id: string;
  body: unknown;
  at: Date;
  status: number;
  /** The text body Slack answers with: 'ok', 'used_url', 'expired_url', 'invalid_blocks', ... */
  answer: string;
  /** Slack's reasons for refusing the body, `[ERROR] … [json-pointer:…]`, when it did. */
  problems?: string[];
}

/**
 * Resolves once `count` records satisfy `matches`, counting ones already recorded, from the emitter's
 * event rather than by polling.
 */
export function waitForRecords<T>(options: {
  records: readonly T[];
  emitter: EventEmitter;
  event: string;
  matches: (record: T) => boolean;
  count: number;
  timeoutMs: number;
  describe: () => string;
}): Promise<T[]> {
  const { records, emitter, event, matches, count, timeoutMs, describe } = options;
  const matching = () => records.filter(matches);
  const already = matching();
  if (already.length >= count) return Promise.resolve(already);

  return new Promise((resolve, reject) => {
    const onRecord = () => {
      const found = matching();
      if (found.length < count) return;
      cleanup();
      resolve(found);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `Timed out after ${timeoutMs}ms waiting for ${count} ${describe()}; saw ${matching().length}.`,
        ),
      );
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      emitter.off(event, onRecord);
    };
    emitter.on(event, onRecord);
  });
}
