import { compareTs } from '../slack-timestamps.js';
import { numberArg, stringArg } from './method-support.js';
import type { ApiArgs } from './wire.js';

export interface Page<T> {
  items: T[];
  nextCursor: string;
}

/**
 * Cursor paging keyed on the first item of the next page rather than an offset, so deleting items
 * between pages (the usual "list a page, delete what's on it" sweep) skips nothing.
 */
export function paginate<T>(
  items: T[],
  args: ApiArgs,
  keyOf: (item: T) => string,
  isAtOrPast: (item: T, key: string) => boolean,
  limits: { defaultLimit: number; maxLimit: number },
): Page<T> | { error: string } {
  const requested = numberArg(args, 'limit');
  const limit =
    requested === undefined || Number.isNaN(requested) || requested < 1
      ? limits.defaultLimit
      : Math.min(Math.floor(requested), limits.maxLimit);
  let start = 0;
  const cursor = stringArg(args, 'cursor');
  if (cursor) {
    const decoded = Buffer.from(cursor, 'base64').toString('utf8');
    if (!decoded.startsWith('next:')) return { error: 'invalid_cursor' };
    const key = decoded.slice('next:'.length);
    start = items.findIndex((item) => isAtOrPast(item, key));
    if (start < 0) start = items.length;
  }
  const pageItems = items.slice(start, start + limit);
  const next = items[start + limit];
  return {
    items: pageItems,
    nextCursor: next === undefined ? '' : Buffer.from(`next:${keyOf(next)}`).toString('base64'),
  };
}

/** History pages run newest to oldest, so "at or past" a ts means at or older. */
export function newestFirstByTs<T extends { ts: string }>(): {
  keyOf: (item: T) => string;
  isAtOrPast: (item: T, key: string) => boolean;
} {
  return { keyOf: (item) => item.ts, isAtOrPast: (item, key) => compareTs(item.ts, key) <= 0 };
}

export function oldestFirstByTs<T extends { ts: string }>(): {
  keyOf: (item: T) => string;
  isAtOrPast: (item: T, key: string) => boolean;
} {
  return { keyOf: (item) => item.ts, isAtOrPast: (item, key) => compareTs(item.ts, key) >= 0 };
}
