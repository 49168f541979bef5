import type { AddressInfo } from 'node:net';
import type { App, ReceiverEvent } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { LeanReceiver } from '../src/receiver.js';
import { sendSlashCommand, signRequest } from '../src/standin/requests.js';
import { SIGNING_SECRET, startTestBot } from './support/bot.js';

const SECRET = 'receiver-test-secret-0123';

interface Harness {
  url: string;
  events: ReceiverEvent[];
  logs: string[];
  receiver: LeanReceiver;
}

let running: LeanReceiver | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

/** The receiver with a stand-in for Bolt's App: `handle` decides what the "listener" does with each event. */
async function harness(
  handle: (event: ReceiverEvent) => Promise<void> = (event) => event.ack(),
  options: { now?: () => number; bodyLimit?: number } = {},
): Promise<Harness> {
  const events: ReceiverEvent[] = [];
  const logs: string[] = [];
  const receiver = new LeanReceiver({
    signingSecret: SECRET,
    logger: createLogger('debug', (_level, line) => logs.push(line)),
    ...options,
  });
  const app = {
    processEvent: async (event: ReceiverEvent) => {
      events.push(event);
      await handle(event);
    },
  };
  receiver.init(app as unknown as App);
  const server = await receiver.start({ port: 0, host: '127.0.0.1' });
  running = receiver;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
    events,
    logs,
    receiver,
  };
}

async function post(
  url: string,
  body: string,
  contentType: string,
  headers: Record<string, string> = signRequest(SECRET, body),
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
  });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}
const FORM = 'application/x-www-form-urlencoded';
const commandForm = (text: string) =>
  new URLSearchParams({ command: '/hackathon', text, user_id: 'U1', channel_id: 'C1' }).toString();

describe('the lean receiver', () => {
  it('passes a signed slash command to Bolt as the parsed form and sends the ack body', async () => {
    const h = await harness((event) => event.ack({ text: `you said ${event.body.text}` }));
    const response = await post(h.url, commandForm('wireguard & more'), FORM);
    expect(response).toMatchObject({ status: 200, type: 'application/json' });
    expect(JSON.parse(response.body)).toEqual({ text: 'you said wireguard & more' });
    expect(h.events[0]?.body).toMatchObject({ command: '/hackathon', text: 'wireguard & more' });
  });

  it('refuses forged, stale, future, malformed and unsigned requests with 401, before Bolt sees them', async () => {
    let now = Date.now();
    const h = await harness(undefined, { now: () => now });
    const body = commandForm('topics');
    const seconds = Math.floor(now / 1000);
    const cases: Record<string, string>[] = [
      signRequest('another-secret-000000', body),
      signRequest(SECRET, body, seconds - 5 * 60 - 1),
      signRequest(SECRET, body, seconds + 5 * 60 + 1),
      { ...signRequest(SECRET, body), 'x-slack-signature': 'v0=abc' },
      { ...signRequest(SECRET, body), 'x-slack-signature': `v1=${'0'.repeat(64)}` },
      { ...signRequest(SECRET, body), 'x-slack-request-timestamp': 'soon' },
      {},
    ];
    for (const headers of cases) expect((await post(h.url, body, FORM, headers)).status).toBe(401);
    // A body changed after signing is a forgery too.
    expect((await post(h.url, commandForm('topicz'), FORM, signRequest(SECRET, body))).status).toBe(401);
    expect(h.events).toEqual([]);
    expect(h.logs.filter((l) => l.includes('Refused a request that is not from Slack'))).toHaveLength(8);
    // Inside the window on either side is fine.
    now += 4 * 60 * 1000;
    expect((await post(h.url, body, FORM, signRequest(SECRET, body, seconds))).status).toBe(200);
  });

  it('answers Slack’s unsigned SSL check without passing anything on, even with a payload smuggled in', async () => {
    const h = await harness();
    const smuggled = `ssl_check=1&${commandForm('topics')}`;
    expect((await post(h.url, smuggled, FORM, {})).status).toBe(200);
    expect(h.events).toEqual([]);
  });

  it('answers url_verification with the challenge', async () => {
    const h = await harness();
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 't' });
    const response = await post(h.url, body, 'application/json');
    expect(JSON.parse(response.body)).toEqual({ challenge: 'c-123' });
    expect(h.events).toEqual([]);
  });

  it('parses interactions from the payload field and events as JSON, with Slack’s retry headers', async () => {
    const h = await harness();
    const interaction = new URLSearchParams({
      payload: JSON.stringify({ type: 'block_actions', actions: [] }),
    });
    expect((await post(h.url, interaction.toString(), FORM)).status).toBe(200);
    const event = JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } });
    const headers = {
      ...signRequest(SECRET, event),
      'x-slack-retry-num': '2',
      'x-slack-retry-reason': 'http_timeout',
    };
    expect((await post(h.url, event, 'application/json', headers)).status).toBe(200);
    expect(h.events[0]?.body).toEqual({ type: 'block_actions', actions: [] });
    expect(h.events[1]).toMatchObject({
      body: { type: 'event_callback' },
      retryNum: 2,
      retryReason: 'http_timeout',
    });
  });

  it('answers 400 for a signed body that is not what it claims, 404 elsewhere, 413 when too large', async () => {
    const h = await harness(undefined, { bodyLimit: 2048 });
    expect((await post(h.url, '{not json', 'application/json')).status).toBe(400);
    expect((await post(h.url, '[1,2]', 'application/json')).status).toBe(400);
    expect((await post(h.url, 'payload=%7Bnope', FORM)).status).toBe(400);
    expect((await fetch(h.url)).status).toBe(404);
    expect((await post(h.url.replace('/slack/events', '/other'), commandForm('x'), FORM)).status).toBe(404);
    expect((await post(h.url, commandForm('x'.repeat(4000)), FORM)).status).toBe(413);
    expect(h.events).toEqual([]);
  });

  it('answers 500 when Bolt fails before acknowledging, and keeps serving', async () => {
    let fail = true;
    const h = await harness(async (event) => {
      if (fail) throw new Error('listener blew up');
      await event.ack();
    });
    expect((await post(h.url, commandForm('a'), FORM)).status).toBe(500);
    fail = false;
    expect((await post(h.url, commandForm('b'), FORM)).status).toBe(200);
  });

  it('writes an acknowledgement object as JSON, serialising the same object only once', async () => {
    const shared = { text: 'same' };
    let serialisations = 0;
    const counted = {
      text: 'counted',
      toJSON() {
        serialisations += 1;
        return { text: 'counted' };
      },
    };
    const h = await harness(async (event) => {
      const text = event.body.text;
      await event.ack(text === 'shared' ? shared : text === 'counted' ? counted : { text: `fresh ${text}` });
    });
    const first = await post(h.url, commandForm('counted'), FORM);
    const second = await post(h.url, commandForm('counted'), FORM);
    expect(first.body).toBe('{"text":"counted"}');
    expect(second.body).toBe(first.body);
    expect(first.type).toBe('application/json');
    expect(serialisations).toBe(1);
    expect((await post(h.url, commandForm('shared'), FORM)).body).toBe('{"text":"same"}');
    // Every request still reaches the app: the receiver only saves the serialising.
    expect(h.events).toHaveLength(3);
  });

  it('refuses a second acknowledgement, with or without a body', async () => {
    const errors: string[] = [];
    const h = await harness(async (event) => {
      await event.ack(event.body.text === 'object' ? { text: 'first' } : undefined);
      await event
        .ack({ text: 'second' })
        .catch((error: Error & { code?: string }) => errors.push(error.code ?? ''));
    });
    expect((await post(h.url, commandForm('object'), FORM)).body).toBe('{"text":"first"}');
    expect((await post(h.url, commandForm('empty'), FORM)).status).toBe(200);
    expect(errors).toEqual([
      'slack_bolt_receiver_ack_multiple_error',
      'slack_bolt_receiver_ack_multiple_error',
    ]);
  });

  it('stops accepting connections but lets a request in flight finish', async () => {
    let release = () => {};
    let started = () => {};
    const inside = new Promise<void>((resolve) => (started = resolve));
    const h = await harness(async (event) => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      await event.ack({ text: 'finished' });
    });
    const inFlight = post(h.url, commandForm('slow'), FORM);
    await inside;
    const stopped = h.receiver.stop();
    running = undefined;
    await expect(post(h.url, commandForm('late'), FORM)).rejects.toThrow();
    release();
    expect(await inFlight).toMatchObject({ status: 200, body: '{"text":"finished"}' });
    await stopped;
    expect(h.events.map((e) => e.body.text)).toEqual(['slow']);
  });
});

describe('the answer memo in the bot', () => {
  it('answers a repeated question with the same reply through Bolt, and renders `next` every time', async () => {
    let now = new Date('2025-10-01T09:00:00Z');
    const t = await startTestBot({ LOG_LEVEL: 'warn' }, { clock: () => now });
    try {
      let processed = 0;
      const processEvent = t.bot.app.processEvent.bind(t.bot.app);
      t.bot.app.processEvent = (event) => {
        processed += 1;
        return processEvent(event);
      };
      const ask = async (text: string) =>
        (
          await sendSlashCommand(t.requestUrl, SIGNING_SECRET, {
            text,
            user_id: 'U_MEMBER',
            channel_id: 'C_GENERAL',
            response_url: t.standin.responseUrl(),
          })
        ).body;

      const first = await ask('wireguard');
      // Another spelling of the same intent shares the answer; both went through Bolt.
      expect(await ask('  wireguard ')).toBe(first);
      expect(processed).toBe(2);
      expect(JSON.parse(first)).toMatchObject({ response_type: 'ephemeral' });

      // `next` reads the clock, so the countdown moves with it.
      const before = await ask('next');
      now = new Date('2027-01-01T09:00:00Z');
      expect(JSON.parse(await ask('next'))).toMatchObject({ response_type: 'ephemeral' });
      expect(JSON.parse(before)).toMatchObject({ response_type: 'ephemeral' });
      expect(processed).toBe(4);
    } finally {
      await t.close();
    }
  });
});
