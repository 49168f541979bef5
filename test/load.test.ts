import { Agent, request } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest, slashCommandPayload } from '../src/standin/requests.js';
import type { SlackMessage } from '../src/views/message.js';
import { SIGNING_SECRET, startTestBot, type TestBot } from './support/bot.js';
import { limitProblems } from './support/limits.js';

const TOTAL = 2000;
const CONCURRENCY = 100;
const TEXTS = [
  'topics',
  'wireguard',
  'dashbord',
  'xyzzy',
  'help',
  'next',
  'topics page 2',
  'azure',
  '<!channel> <@U123> & <https://evil.example|x>',
  'wireguard '.repeat(400),
];

/** A real collection, so the heap comparison is not at the mercy of when V8 feels like collecting. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

describe('2,000 signed commands at concurrency 100', () => {
  let t: TestBot;
  const gc = collector();

  // node:http with a fixed pool of keep-alive sockets: fetch's pool grows by itself and stalls for a second
  // while it does, which would be the client's latency, not the bot's.
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  const send = (n: number) =>
    new Promise<{ n: number; status: number; body: string; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const form = new URLSearchParams(
        Object.entries(
          slashCommandPayload({
            text: TEXTS[n % TEXTS.length] ?? 'help',
            user_id: `U_LOAD${n % 13}`,
            channel_id: 'C_GENERAL',
            response_url: t.standin.responseUrl(),
          }),
        ).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ).toString();
      const url = new URL(t.requestUrl);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...signRequest(SIGNING_SECRET, form),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              n,
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString(),
              ms: performance.now() - started,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(form);
    });

  const run = async (total: number) => {
    const results: Awaited<ReturnType<typeof send>>[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < total) results.push(await send(next++));
      }),
    );
    return results;
  };

  beforeAll(async () => {
    t = await startTestBot({ LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    agent.destroy();
    await t?.close();
  });

  it('answers every one with a valid reply, no error and no 5xx, and gives the memory back', async () => {
    await run(300);
    gc();
    const baseline = process.memoryUsage().heapUsed;

    const results = await run(TOTAL);
    expect(results).toHaveLength(TOTAL);
    for (const result of results) {
      expect(result.status, `request ${result.n}`).toBe(200);
      const body = JSON.parse(result.body) as SlackMessage & { response_type?: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.blocks.length).toBeGreaterThan(0);
      expect(limitProblems(body)).toEqual([]);
    }
    expect(t.logs.filter((l) => l.level === 'error')).toEqual([]);
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    const at = (p: number) => times[Math.ceil(p * times.length) - 1]?.toFixed(1);
    // The bodies are the test's, not the bot's: let them go before weighing the heap.
    results.length = 0;

    gc();
    const after = process.memoryUsage().heapUsed;
    console.log(
      `load: ${TOTAL} commands at concurrency ${CONCURRENCY}: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, ` +
        `max ${at(1)} ms; heap ${mb(baseline)} MB before, ${mb(after)} MB after`,
    );
    // Generous: the test runner and the stand-in's table of response URLs share this heap.
    expect(after - baseline).toBeLessThan(20 * 1024 * 1024);
  });
});
