/** JSON from outside (Slack's payloads, request bodies, the page's state) read one way: objects as records. */

export type Rec = Record<string, unknown>;

/** A plain object: not null, not an array. */
export function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
