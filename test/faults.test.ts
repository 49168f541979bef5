import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appHomeOpenedEnvelope,
  appMentionEnvelope,
  blockActionsPayload,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
} from '../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import type { SlackMessage } from '../src/views/message.js';
import { launchBot, SIGNING_SECRET, type TestBot } from './support/bot.js';
import { buttonsOf } from './support/visible.js';

/** Short enough that a hung Slack costs the suite a second, long enough for a loaded 2-core machine. */
const REQUEST_TIMEOUT_MS = 800;

type ResponseFault = 'ratelimited' | 'status500' | 'hang';

/**
 * A response_url that misbehaves: the stand-in's URLs only expire, so faults on the way to them come from
 * here. Each fault is used once; then requests pass through to the stand-in.
 */
async function startResponseFaults(target: () => string) {
  const queue: ResponseFault[] = [];
  const hung = new Set<ServerResponse>();
  const seen = new EventEmitter();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fault = queue.shift();
      seen.emit('request', fault ?? 'passed');
      if (fault === 'hang') {
        hung.add(res);
        return;
      }
      if (fault === 'ratelimited') {
        res.writeHead(429, { 'retry-after': '1' }).end('rate_limited');
        return;
      }
      if (fault === 'status500') {
        res.writeHead(500).end('internal_error');
        return;
      }
      fetch(`${target()}${req.url ?? ''}`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
        body: Buffer.concat(chunks),
      })
        .then(async (answer) => res.writeHead(answer.status).end(await answer.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    add: (fault: ResponseFault) => queue.push(fault),
    seen,
    async close() {
      for (const res of hung) res.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * Each test gets its own stand-in, fault server and bot, so no fault, hung call or log line of one test can
 * reach another, in whatever order they run.
 */
describe('Slack failing on the read paths', () => {
  let standin: SlackStandin;
  let t: TestBot;
  let responseFaults: Awaited<ReturnType<typeof startResponseFaults>>;
  let tsCounter = 0;

  const nextLog = (pattern: RegExp) => t.logs.next(pattern);
  const logCount = () => t.logs.entries.length;
  const problemsSince = (from: number) => t.logs.problemsSince(from);

  const command = async (text: string) => {
    const response = await sendSlashCommand(t.requestUrl, SIGNING_SECRET, {
      text,
      user_id: 'U_MEMBER',
      channel_id: 'C_GENERAL',
      response_url: standin.responseUrl(),
    });
    return { status: response.status, body: JSON.parse(response.body || '{}') as SlackMessage };
  };

  const stillServes = async () => {
    const { status, body } = await command('wireguard');
    expect(status).toBe(200);
    expect(body.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Replacement of OpenVPN with Wireguard' },
    });
  };

  const openHome = (n: number) =>
    sendEvent(
      t.requestUrl,
      SIGNING_SECRET,
      appHomeOpenedEnvelope({ user: 'U_MEMBER', eventId: `EvHome${n}` }),
    );

  const mention = async (text: string) => {
    tsCounter += 1;
    const ts = `1750000100.${String(tsCounter).padStart(6, '0')}`;
    const envelope = appMentionEnvelope({
      text: `<@UBOT> ${text}`,
      user: 'U_MEMBER',
      channel: 'C_GENERAL',
      ts,
      eventId: `EvFault${tsCounter}`,
    });
    expect((await sendEvent(t.requestUrl, SIGNING_SECRET, envelope)).status).toBe(200);
    return ts;
  };
  /** Resolves once one more call to `method` has succeeded than so far. */
  const nextSuccess = (method: string) => {
    const ok = (c: { method: string; result?: { status: number } }) =>
      c.method === method && c.result?.status === 200;
    return standin.waitFor(ok, standin.calls.filter(ok).length + 1, 10_000);
  };
  const repliesIn = (ts: string) =>
    standin.workspace.messages('C_GENERAL').filter((m) => m.thread_ts === ts && m.bot_id !== undefined);

  beforeEach(async () => {
    standin = await startSlackStandin();
    responseFaults = await startResponseFaults(() => standin.url);
    t = await launchBot(standin, { requestTimeoutMs: REQUEST_TIMEOUT_MS });
  });
  afterEach(async () => {
    await t?.close();
    await responseFaults?.close();
    await standin?.close();
  });

  describe('views.publish (App Home)', () => {
    it('waits out a 429 with Retry-After, then publishes; commands are answered meanwhile', async () => {
      standin.fail('views.publish', { kind: 'ratelimited', retryAfterSeconds: 1, times: 1 });
      const before = standin.callsTo('views.publish').length;
      const published = standin.waitFor('views.publish', before + 2);
      await openHome(1);
      // The WebClient pauses its queue for the Retry-After; acks do not go through it.
      await stillServes();
      const calls = (await published).slice(before);
      expect(calls[0]?.result?.status).toBe(429);
      expect(calls[1]?.result?.status).toBe(200);
    });

    it('retries a 500 and publishes', async () => {
      standin.fail('views.publish', { kind: 'status', status: 500, times: 1 });
      const published = nextSuccess('views.publish');
      const from = logCount();
      await openHome(2);
      await published;
      expect(standin.callsTo('views.publish').at(-2)?.result?.status).toBe(500);
      expect(problemsSince(from)).toEqual([]);
    });

    it('logs 500s that outlast the retries once, and keeps serving', async () => {
      standin.fail('views.publish', { kind: 'status', status: 500, times: 3 });
      const from = logCount();
      const line = nextLog(/Could not publish the App Home/);
      await openHome(6);
      expect((await line).line).toMatch(/U_MEMBER.*500/);
      expect(problemsSince(from)).toHaveLength(1);
      await stillServes();
    });

    it('gives up on a hung call after the timeout and retry, with one line of its own, and keeps serving', async () => {
      standin.fail('views.publish', { kind: 'hang', times: 3 });
      const line = nextLog(/Could not publish the App Home/);
      await openHome(3);
      await stillServes();
      expect((await line).level).toBe('warn');
      // And once Slack answers again, the next opening is published.
      const before = standin.callsTo('views.publish').length;
      const published = nextSuccess('views.publish');
      await openHome(4);
      await published;
      expect(standin.callsTo('views.publish').length).toBe(before + 1);
    });

    it('retries a call that hung once and publishes', async () => {
      standin.fail('views.publish', { kind: 'hang', times: 1 });
      const before = standin.callsTo('views.publish').length;
      const published = standin.waitFor('views.publish', before + 2);
      await openHome(5);
      const calls = (await published).slice(before);
      expect(calls[0]?.result).toBeUndefined();
      expect(calls[1]?.result?.status).toBe(200);
    });
  });

  describe('chat.postMessage (answers to @-mentions)', () => {
    it('waits out a 429 with Retry-After and answers once', async () => {
      standin.fail('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 1, times: 1 });
      const posted = nextSuccess('chat.postMessage');
      const ts = await mention('wireguard');
      await stillServes();
      await posted;
      expect(repliesIn(ts)).toHaveLength(1);
    });

    it('retries a 500 and answers once', async () => {
      standin.fail('chat.postMessage', { kind: 'status', status: 500, times: 1 });
      const posted = nextSuccess('chat.postMessage');
      const ts = await mention('dashboard');
      await posted;
      expect(repliesIn(ts)).toHaveLength(1);
    });

    it('logs 500s that outlast the retries once, and keeps serving', async () => {
      standin.fail('chat.postMessage', { kind: 'status', status: 500, times: 3 });
      const from = logCount();
      const line = nextLog(/Could not answer mention/);
      const ts = await mention('dashboard');
      expect((await line).line).toMatch(/C_GENERAL.*500/);
      expect(problemsSince(from)).toHaveLength(1);
      expect(repliesIn(ts)).toHaveLength(0);
      await stillServes();
    });

    it('answers after a hung call times out and is retried', async () => {
      standin.fail('chat.postMessage', { kind: 'hang', times: 1 });
      const posted = nextSuccess('chat.postMessage');
      const ts = await mention('topics');
      await posted;
      expect(repliesIn(ts)).toHaveLength(1);
    });

    it('gives up on a call that keeps hanging, logs it, and answers the next mention', async () => {
      standin.fail('chat.postMessage', { kind: 'hang', times: 3 });
      const line = nextLog(/Could not answer mention/);
      await mention('wireguard');
      await stillServes();
      await line;
      const posted = nextSuccess('chat.postMessage');
      const ts = await mention('wireguard');
      await posted;
      expect(repliesIn(ts)).toHaveLength(1);
    });
  });

  describe('response_url (Share in channel)', () => {
    const share = async (responseUrl: string) => {
      const { body } = await command('wireguard');
      const value = buttonsOf(body).find((b) => b.actionId === 'share_in_channel')?.value;
      expect(value, 'the answer has a Share in channel button').toBeDefined();
      const click = await sendInteraction(
        t.requestUrl,
        SIGNING_SECRET,
        blockActionsPayload({
          user: 'U_MEMBER',
          channel: 'C_GENERAL',
          actionId: 'share_in_channel',
          value: value ?? '',
          responseUrl,
        }),
      );
      expect(click.status).toBe(200);
    };
    const viaFaults = () => {
      const url = standin.responseUrl({ channel: 'C_GENERAL', user: 'U_MEMBER' });
      return `${responseFaults.url}${new URL(url).pathname}`;
    };
    /** Shares through the fault server and sees the card posted and the private copy removed. */
    const sharesThroughFaults = async () => {
      const before = standin.responses.length;
      const posted = standin.waitForResponse(before + 2);
      await share(viaFaults());
      const [shared, removed] = (await posted).slice(before);
      expect(shared?.body).toMatchObject({ response_type: 'in_channel' });
      expect(removed?.body).toMatchObject({ delete_original: true });
    };

    it('logs one clear line for an expired response_url, and the next command is answered', async () => {
      const url = standin.responseUrl({ channel: 'C_GENERAL', user: 'U_MEMBER' });
      standin.expireResponseUrl(url);
      const from = logCount();
      const line = nextLog(/Share in channel failed/);
      await share(url);
      expect((await line).line).toMatch(/404/);
      expect(problemsSince(from)).toHaveLength(1);
      expect(standin.responses.at(-1)).toMatchObject({ status: 404 });
      await stillServes();
    });

    it('shares after a 429 on the response_url, trying once more', async () => {
      responseFaults.add('ratelimited');
      const seen: string[] = [];
      const record = (fault: string) => seen.push(fault);
      responseFaults.seen.on('request', record);
      const from = logCount();
      await sharesThroughFaults();
      expect(problemsSince(from).filter((l) => /Share in channel/.test(l.line))).toEqual([]);
      responseFaults.seen.off('request', record);
      expect(seen.slice(0, 2)).toEqual(['ratelimited', 'passed']);
    });

    it.each([
      ['a 500', 'status500', /500/],
      ['a hung post', 'hang', /timeout|abort/i],
    ] as const)('logs %s on the response_url once and keeps serving', async (_name, fault, reason) => {
      responseFaults.add(fault);
      const from = logCount();
      const line = nextLog(/Share in channel failed/);
      await share(viaFaults());
      expect((await line).line).toMatch(reason);
      expect(problemsSince(from).filter((l) => /Share in channel/.test(l.line))).toHaveLength(1);
      await stillServes();
    });

    it('shares through a working response_url after one that failed', async () => {
      responseFaults.add('status500');
      const failed = nextLog(/Share in channel failed/);
      await share(viaFaults());
      await failed;
      await sharesThroughFaults();
    });
  });
});
