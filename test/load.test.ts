import { Agent, request } from 'node:http';
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

describe('2,000 signed commands at concurrency 100', () => {
  let t: TestBot;

  // node:http with a fixed pool of keep-alive sockets: fetch's pool grows by itself and stalls for a second
  // while it does, which would be the client's latency, not the bot's.
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  const send = (n: number) =>
    new Promise<{ n: number; status: number; body: string }>((resolve, reject) => {
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

  // Latency and memory under load are figures for `npm run bench` (p50/p99, RSS peak), not assertions here.
  it('answers every one with a valid reply, no error and no 5xx', async () => {
    const results = await run(TOTAL);
    expect(results).toHaveLength(TOTAL);
    for (const result of results) {
      expect(result.status, `request ${result.n}`).toBe(200);
      const body = JSON.parse(result.body) as SlackMessage & { response_type?: string };
      expect(body.response_type).toBe('ephemeral');
      expect(body.blocks.length).toBeGreaterThan(0);
      expect(limitProblems(body)).toEqual([]);
    }
    expect(t.logs.entries.filter((l) => l.level === 'error')).toEqual([]);
  });
});
