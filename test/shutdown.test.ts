import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBody } from '../bench/signed.js';
import { sendSlashCommand, signRequest } from '../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { botEnv, SIGNING_SECRET } from './support/bot.js';

/** Resolves with the first stdout line matching `pattern`. */
function lineFrom(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 15_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.stdout.off('data', onData);
      reject(new Error(`The bot never printed ${pattern}; output so far:\n${buffered}`));
    }, timeoutMs);
    const onData = (data: Buffer) => {
      buffered += data.toString();
      const line = buffered.split('\n').find((l) => pattern.test(l));
      if (!line) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(line);
    };
    child.stdout.on('data', onData);
  });
}

/**
 * A command whose body arrives in two parts: the request is in flight from the moment its headers are in
 * until `finish` sends the rest.
 */
function slowCommand(port: number, text: string, n: number) {
  const body = Buffer.from(commandBody(text, n));
  const half = Math.floor(body.length / 2);
  let finish = () => {};
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': body.length,
          ...signRequest(SIGNING_SECRET, body.toString()),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.flushHeaders();
    req.write(body.subarray(0, half));
    finish = () => req.end(body.subarray(half));
  });
  return { answered, finish: () => finish() };
}

describe('SIGTERM under load', () => {
  let standin: SlackStandin;
  let child: ChildProcessWithoutNullStreams;

  beforeAll(async () => {
    standin = await startSlackStandin();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await standin?.close();
  });

  it('lets requests in flight finish with 200, then exits 0', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { PATH: process.env.PATH, ...botEnv(standin) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const listening = await lineFrom(child, /Listening for Slack on/);
    const port = Number(/:(\d+)\/slack\/events/.exec(listening)?.[1]);
    const url = `http://127.0.0.1:${port}/slack/events`;

    // Load: ten clients sending commands back to back until the bot stops taking them.
    const statuses: number[] = [];
    let refused = 0;
    let loading = true;
    let loaded = () => {};
    const busy = new Promise<void>((resolve) => (loaded = resolve));
    const texts = ['topics', 'wireguard', 'dashbord', 'xyzzy', 'next'];
    const load = Promise.all(
      Array.from({ length: 10 }, async (_, client) => {
        for (let n = 0; loading; n++) {
          try {
            const response = await sendSlashCommand(url, SIGNING_SECRET, {
              text: texts[(client + n) % texts.length] ?? 'help',
              user_id: 'U_MEMBER',
              channel_id: 'C_GENERAL',
              response_url: standin.responseUrl(),
            });
            statuses.push(response.status);
            if (statuses.length === 300) loaded();
          } catch {
            // Connections opened after SIGTERM are refused: that is the point of stopping.
            refused += 1;
            return;
          }
        }
      }),
    );
    await busy;
    const slow = Array.from({ length: 5 }, (_, n) => slowCommand(port, n % 2 ? 'wireguard' : 'topics', n));
    // A full answer on another connection means the bot has long read the slow requests' headers.
    const probe = await sendSlashCommand(url, SIGNING_SECRET, {
      text: 'help',
      user_id: 'U_MEMBER',
      channel_id: 'C_GENERAL',
      response_url: standin.responseUrl(),
    });
    expect(probe.status).toBe(200);
    expect(statuses.length).toBeGreaterThanOrEqual(300);

    const stopping = lineFrom(child, /SIGTERM: finishing requests in flight/);
    child.kill('SIGTERM');
    await stopping;
    for (const request of slow) request.finish();
    const answers = await Promise.all(slow.map((r) => r.answered));
    loading = false;
    await load;

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect((JSON.parse(answer.body) as { blocks: unknown[] }).blocks.length).toBeGreaterThan(0);
    }
    expect(await exited).toBe(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    console.log(
      `shutdown: ${statuses.length} answered under load, ${refused} client(s) refused after SIGTERM`,
    );
    expect(stderr).not.toMatch(/Error|error/);
  });
});
