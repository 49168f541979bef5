import { signRequest, slashCommandPayload } from '../src/standin/requests.js';

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-0123456789';
export const BENCH_BOT_TOKEN = 'xoxb-bench-0000-token';

export interface SignedRequest {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** A form-encoded `/hackathon` command exactly as Slack posts it. */
export function commandBody(text: string, n: number): string {
  const form = new URLSearchParams();
  const payload = slashCommandPayload({
    text,
    user_id: `U_BENCH${n % 7}`,
    channel_id: 'C_GENERAL',
    response_url: `http://127.0.0.1:9/respond/bench-${n}`,
    trigger_id: `bench.${n}.${text.length}`,
  });
  for (const [key, value] of Object.entries(payload)) if (typeof value === 'string') form.append(key, value);
  return form.toString();
}

/**
 * `wireguard` → `wIreguard`, `WIreguard`… then `wireguard.`: the same question, a different cache key for
 * each n (up to 2^letters × dots).
 */
export function spelling(text: string, n: number): string {
  const letters = (text.match(/[a-z]/g) ?? []).length;
  let bit = 0;
  const cased = text.replace(/[a-z]/g, (c) => ((n >> bit++) & 1 ? c.toUpperCase() : c));
  return cased + '.'.repeat(Math.floor(n / 2 ** letters));
}

/**
 * `wireguard*` in BENCH_COMMANDS: more spellings than the bot's cache holds, visited in turn, so every answer
 * is rendered. Prime, so a cursor that steps by more than one still visits them all.
 */
export const UNCACHED_SPELLINGS = 509;

/**
 * A pool of distinct bodies, each signed now. Signing ahead keeps HMAC work off the load generator, and a
 * round lasts seconds, far inside Slack's five-minute window.
 */
export function signedPool(command: string, size = 32, path = '/slack/events'): SignedRequest[] {
  const timestamp = Math.floor(Date.now() / 1000);
  const uncached = command.endsWith('*');
  const text = command.replace(/\*$/, '');
  return Array.from({ length: uncached ? UNCACHED_SPELLINGS : size }, (_, n) => {
    const body = commandBody(uncached ? spelling(text, n) : text, n);
    return {
      method: 'POST',
      path,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...signRequest(BENCH_SIGNING_SECRET, body, timestamp),
      },
      body,
    };
  });
}
