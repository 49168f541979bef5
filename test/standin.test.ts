import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appMentionEnvelope,
  blockActionsPayload,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
  signRequest,
} from '../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { startSocketStandin } from './support/socket-standin.js';
import { silentLogger, slackError, standinClient } from './support/web-client.js';

const TOKEN = 'xoxb-standin-test';
const START = new Date('2025-06-02T10:00:00Z');
const START_SECONDS = Math.floor(START.getTime() / 1000);

function clientFor(standin: SlackStandin, token: string = TOKEN): WebClient {
  return standinClient(standin, token);
}

describe('Slack stand-in Web API, through a real WebClient', () => {
  let standin: SlackStandin;
  let client: WebClient;
  let now: Date;

  beforeEach(async () => {
    now = START;
    standin = await startSlackStandin({ clock: () => now });
    client = clientFor(standin);
  });
  afterEach(async () => {
    await standin.close();
  });

  it('posts into a channel the bot is in, recording decoded blocks and metadata', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '[urgent] *hi*' } }];
    const metadata = { event_type: 'topic_shared', event_payload: { topic: 'wireguard' } };
    const posted = await client.chat.postMessage({
      channel: 'C_GENERAL',
      text: '[urgent] hi',
      blocks,
      metadata,
    });

    expect(posted).toMatchObject({
      ok: true,
      channel: 'C_GENERAL',
      message: { text: '[urgent] hi', bot_id: 'BBOT' },
    });
    const [call] = standin.callsTo('chat.postMessage');
    expect(call).toMatchObject({
      token: TOKEN,
      args: { channel: 'C_GENERAL', text: '[urgent] hi', blocks, metadata },
    });
    expect(standin.workspace.messages('C_GENERAL')).toEqual([
      expect.objectContaining({ ts: posted.ts, user: 'UBOT', bot_id: 'BBOT', blocks, metadata }),
    ]);
  });

  it('refuses channels the bot is not in, until it joins a public one', async () => {
    expect(await slackError(client.chat.postMessage({ channel: 'C_RANDOM', text: 'x' }))).toBe(
      'not_in_channel',
    );
    expect(await slackError(client.chat.postMessage({ channel: 'G_PRIVATE', text: 'x' }))).toBe(
      'channel_not_found',
    );
    expect(await slackError(client.conversations.join({ channel: 'G_PRIVATE' }))).toBe('channel_not_found');
    standin.workspace.join('G_PRIVATE');
    expect(await slackError(client.conversations.join({ channel: 'G_PRIVATE' }))).toBe(
      'method_not_supported_for_channel_type',
    );

    const joined = await client.conversations.join({ channel: 'C_RANDOM' });
    expect(joined.channel).toMatchObject({ id: 'C_RANDOM', name: 'random', is_member: true });
    expect((await client.chat.postMessage({ channel: 'C_RANDOM', text: 'now I can' })).ok).toBe(true);
    const again = await client.conversations.join({ channel: 'C_RANDOM' });
    expect(again.warning).toBe('already_in_channel');
  });

  it('opens a DM when the channel is a user id', async () => {
    const posted = await client.chat.postMessage({ channel: 'U_MEMBER', text: 'psst' });
    const dm = standin.workspace.channel(posted.channel ?? '');
    expect(dm).toMatchObject({ is_im: true, user: 'U_MEMBER' });
    expect((await client.chat.postMessage({ channel: 'U_ADMIN', text: 'hi' })).channel).toBe('D_ADMIN');
    expect((await client.conversations.open({ users: 'U_MEMBER' })).channel?.id).toBe(posted.channel);
  });

  it('keeps ephemeral messages out of history, and history newest first with metadata on request', async () => {
    const first = await client.chat.postMessage({
      channel: 'C_GENERAL',
      text: 'first',
      metadata: { event_type: 'a', event_payload: { n: 1 } },
    });
    await client.chat.postEphemeral({ channel: 'C_GENERAL', user: 'U_MEMBER', text: 'just you' });
    const second = await client.chat.postMessage({ channel: 'C_GENERAL', text: 'second' });
    await client.chat.postMessage({ channel: 'C_GENERAL', text: 'reply', thread_ts: first.ts });

    const plain = await client.conversations.history({ channel: 'C_GENERAL' });
    expect(plain.messages?.map((m) => m.text)).toEqual(['second', 'first']);
    expect(plain.messages?.[1]).toMatchObject({ reply_count: 1, thread_ts: first.ts });
    expect(plain.messages?.[1]?.metadata).toBeUndefined();
    const withMetadata = await client.conversations.history({
      channel: 'C_GENERAL',
      include_all_metadata: true,
    });
    expect(withMetadata.messages?.[1]?.metadata).toMatchObject({ event_type: 'a', event_payload: { n: 1 } });

    const paged = await client.conversations.history({ channel: 'C_GENERAL', limit: 1 });
    expect(paged).toMatchObject({ has_more: true, messages: [{ ts: second.ts }] });
    const rest = await client.conversations.history({
      channel: 'C_GENERAL',
      limit: 1,
      cursor: paged.response_metadata?.next_cursor ?? '',
    });
    expect(rest.messages?.map((m) => m.ts)).toEqual([first.ts]);

    const thread = await client.conversations.replies({ channel: 'C_GENERAL', ts: first.ts ?? '' });
    expect(thread.messages?.map((m) => m.text)).toEqual(['first', 'reply']);
    expect(standin.workspace.messages('C_GENERAL').find((m) => m.ephemeralTo === 'U_MEMBER')?.text).toBe(
      'just you',
    );
    expect(await slackError(client.conversations.history({ channel: 'C_RANDOM' }))).toBe('not_in_channel');
  });

  it('links messages and thread replies as Slack does, and knows missing ones', async () => {
    const parent = await client.chat.postMessage({ channel: 'C_GENERAL', text: 'parent' });
    const reply = await client.chat.postMessage({
      channel: 'C_GENERAL',
      text: 'reply',
      thread_ts: parent.ts,
    });
    const whisper = await client.chat.postEphemeral({ channel: 'C_GENERAL', user: 'U_MEMBER', text: 'psst' });
    const [seconds, micros] = (parent.ts ?? '').split('.');

    expect(
      await client.chat.getPermalink({ channel: 'C_GENERAL', message_ts: parent.ts ?? '' }),
    ).toMatchObject({
      ok: true,
      channel: 'C_GENERAL',
      permalink: `https://playground.slack.com/archives/C_GENERAL/p${seconds}${micros}`,
    });
    const replyLink = await client.chat.getPermalink({ channel: 'C_GENERAL', message_ts: reply.ts ?? '' });
    expect(replyLink.permalink).toBe(
      `https://playground.slack.com/archives/C_GENERAL/p${(reply.ts ?? '').replace('.', '')}?thread_ts=${parent.ts}&cid=C_GENERAL`,
    );
    // A public channel the bot is not in is still readable; a private one is not there at all.
    const outside = standin.workspace.addMessage('C_RANDOM', { user: 'U_MEMBER', text: 'hello' });
    expect((await client.chat.getPermalink({ channel: 'C_RANDOM', message_ts: outside.ts })).ok).toBe(true);
    const hidden = standin.workspace.addMessage('G_PRIVATE', { user: 'U_ADMIN', text: 'secret' });
    expect(await slackError(client.chat.getPermalink({ channel: 'G_PRIVATE', message_ts: hidden.ts }))).toBe(
      'channel_not_found',
    );
    expect(
      await slackError(client.chat.getPermalink({ channel: 'C_NOPE', message_ts: parent.ts ?? '' })),
    ).toBe('channel_not_found');
    expect(await slackError(client.chat.getPermalink({ channel: 'C_GENERAL', message_ts: '1.000001' }))).toBe(
      'message_not_found',
    );
    expect(
      await slackError(
        client.chat.getPermalink({ channel: 'C_GENERAL', message_ts: whisper.message_ts ?? '' }),
      ),
    ).toBe('message_not_found');
  });

  it('schedules, lists in pages by post_at, deletes, and delivers when the time comes', async () => {
    const ids: string[] = [];
    for (const minutes of [30, 10, 20]) {
      const scheduled = await client.chat.scheduleMessage({
        channel: 'C_GENERAL',
        post_at: START_SECONDS + minutes * 60,
        text: `in ${minutes} minutes`,
      });
      expect(scheduled).toMatchObject({
        ok: true,
        channel: 'C_GENERAL',
        post_at: START_SECONDS + minutes * 60,
      });
      ids.push(scheduled.scheduled_message_id ?? '');
    }
    expect(ids.every((id) => id.startsWith('Q'))).toBe(true);
    expect([...ids].sort()).toEqual(ids);

    const page1 = await client.chat.scheduledMessages.list({ channel: 'C_GENERAL', limit: 2 });
    expect(page1.scheduled_messages?.map((s) => s.text)).toEqual(['in 10 minutes', 'in 20 minutes']);
    // Deleting what a page showed must not make the next page skip anything.
    await client.chat.deleteScheduledMessage({ channel: 'C_GENERAL', scheduled_message_id: ids[1] ?? '' });
    const page2 = await client.chat.scheduledMessages.list({
      channel: 'C_GENERAL',
      limit: 2,
      cursor: page1.response_metadata?.next_cursor ?? '',
    });
    expect(page2.scheduled_messages?.map((s) => s.text)).toEqual(['in 30 minutes']);
    expect(page2.response_metadata?.next_cursor).toBe('');
    expect(
      await slackError(
        client.chat.deleteScheduledMessage({ channel: 'C_GENERAL', scheduled_message_id: ids[1] ?? '' }),
      ),
    ).toBe('invalid_scheduled_message_id');

    now = new Date(START.getTime() + 25 * 60_000);
    const delivered = standin.workspace.deliverDueScheduled(now);
    expect(delivered.map((m) => m.text)).toEqual(['in 20 minutes']);
    expect(standin.workspace.scheduled('C_GENERAL').map((s) => s.text)).toEqual(['in 30 minutes']);
  });

  it('rejects post_at in the past, beyond 120 days, and in channels the bot is not in', async () => {
    const at = (seconds: number) =>
      client.chat.scheduleMessage({ channel: 'C_GENERAL', post_at: seconds, text: 'x' });
    expect(await slackError(at(START_SECONDS))).toBe('time_in_past');
    expect(await slackError(at(START_SECONDS + 121 * 86_400))).toBe('time_too_far');
    expect(
      await slackError(
        client.chat.scheduleMessage({ channel: 'C_RANDOM', post_at: START_SECONDS + 60, text: 'x' }),
      ),
    ).toBe('not_in_channel');
    expect(standin.workspace.scheduled()).toEqual([]);
  });

  it('answers 429 with Retry-After once, and the WebClient retries to success', async () => {
    standin.fail('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 0 });
    const posted = await client.chat.postMessage({ channel: 'C_GENERAL', text: 'eventually' });
    expect(posted.ok).toBe(true);
    expect(standin.callsTo('chat.postMessage').map((c) => c.result?.status)).toEqual([429, 200]);
    expect(standin.workspace.messages('C_GENERAL')).toHaveLength(1);
  });

  it('serves queued faults in order: platform errors, 5xx the client retries, and any-method faults', async () => {
    standin.fail('users.info', { kind: 'error', error: 'fatal_error' });
    expect(await slackError(client.users.info({ user: 'U_ADMIN' }))).toBe('fatal_error');

    standin.fail('auth.test', { kind: 'status', status: 503, times: 2 });
    expect((await client.auth.test()).user_id).toBe('UBOT');
    expect(standin.callsTo('auth.test').map((c) => c.result?.status)).toEqual([503, 503, 200]);

    standin.fail('*', { kind: 'error', error: 'team_access_not_granted' });
    expect(await slackError(client.conversations.info({ channel: 'C_GENERAL' }))).toBe(
      'team_access_not_granted',
    );
    standin.fail('*', { kind: 'error', error: 'later' });
    standin.clearFaults();
    expect((await client.conversations.info({ channel: 'C_GENERAL' })).ok).toBe(true);
  });

  it('holds a hung call open until the client gives up, and still records it', async () => {
    standin.fail('chat.postMessage', { kind: 'hang' });
    const impatient = new WebClient(TOKEN, {
      slackApiUrl: standin.apiUrl,
      logger: silentLogger,
      timeout: 100,
      retryConfig: { retries: 0 },
    });
    const error = await impatient.chat
      .postMessage({ channel: 'C_GENERAL', text: 'x' })
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe(ErrorCode.RequestError);
    expect(standin.callsTo('chat.postMessage')).toHaveLength(1);
    expect(standin.callsTo('chat.postMessage')[0]?.result).toBeUndefined();
  });

  it('describes users with their time zone offset, and knows unknown ones are missing', async () => {
    const { user } = await client.users.info({ user: 'U_ADMIN' });
    expect(user).toMatchObject({
      id: 'U_ADMIN',
      tz: 'Europe/Berlin',
      tz_offset: 7200,
      is_admin: true,
      is_bot: false,
    });
    expect((await client.users.info({ user: 'U_MEMBER' })).user?.tz_offset).toBe(-14_400);
    expect(await slackError(client.users.info({ user: 'U_NOBODY' }))).toBe('user_not_found');
  });

  it('lists the bot’s conversations by type, in pages', async () => {
    const publicOnly = await client.users.conversations({});
    expect(publicOnly.channels?.map((c) => c.id)).toEqual(['C_GENERAL']);
    const all = await client.users.conversations({ types: 'public_channel,private_channel,im', limit: 1 });
    expect(all.channels?.map((c) => c.id)).toEqual(['C_GENERAL']);
    const next = await client.users.conversations({
      types: 'public_channel,private_channel,im',
      cursor: all.response_metadata?.next_cursor ?? '',
    });
    expect(next.channels?.map((c) => c.id)).toEqual(['D_ADMIN']);
  });

  it('stores the published home view per user, and notices a stale hash', async () => {
    const changes: unknown[] = [];
    standin.on('change', (change) => changes.push(change));
    const view = {
      type: 'home' as const,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hi' } }],
    };
    const published = await client.views.publish({ user_id: 'U_MEMBER', view });
    expect(published.view).toMatchObject({ type: 'home', blocks: view.blocks, app_id: 'A0001' });
    expect(standin.workspace.homeView('U_MEMBER')?.view).toEqual(view);
    expect(changes).toContainEqual({ kind: 'home', user: 'U_MEMBER' });
    await client.views.publish({ user_id: 'U_MEMBER', view });
    expect(
      await slackError(client.views.publish({ user_id: 'U_MEMBER', view, hash: published.view?.hash ?? '' })),
    ).toBe('hash_conflict');
  });

  it('says not_authed without a token, unknown_method for made-up methods, and refuses app tokens', async () => {
    expect(await slackError(clientFor(standin, '').auth.test())).toBe('not_authed');
    expect(await slackError(client.apiCall('chat.makeCoffee', {}))).toBe('unknown_method');
    expect(
      await slackError(clientFor(standin, 'xapp-1').chat.postMessage({ channel: 'C_GENERAL', text: 'x' })),
    ).toBe('not_allowed_token_type');
    const health = await fetch(`${standin.url}/health`);
    expect(await health.json()).toEqual({ ok: true });
  });

  it('waitFor resolves on a call made after it started, and times out with the calls it saw', async () => {
    const waiting = standin.waitFor('chat.postMessage');
    await client.auth.test();
    await client.chat.postMessage({ channel: 'C_GENERAL', text: 'awaited' });
    const [call] = await waiting;
    expect(call?.args.text).toBe('awaited');
    await expect(standin.waitFor('chat.update', 1, 20)).rejects.toThrow(
      /waiting for 1 call\(s\) to chat.update.*auth.test, chat.postMessage/,
    );
  });
});

describe('Slack stand-in response_url', () => {
  let standin: SlackStandin;
  let now: Date;

  beforeEach(async () => {
    now = START;
    standin = await startSlackStandin({ clock: () => now });
  });
  afterEach(async () => {
    await standin.close();
  });

  const post = (url: string, body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('answers privately by default, replaces that answer, then posts in channel', async () => {
    const url = standin.responseUrl({ channel: 'C_RANDOM', user: 'U_MEMBER' });
    const first = await post(url, { text: 'thinking…' });
    expect([first.status, await first.text()]).toEqual([200, 'ok']);
    expect(standin.workspace.messages('C_RANDOM')).toEqual([
      expect.objectContaining({ text: 'thinking…', ephemeralTo: 'U_MEMBER' }),
    ]);

    await post(url, { replace_original: true, text: 'here it is' });
    expect(standin.workspace.messages('C_RANDOM')).toEqual([
      expect.objectContaining({ text: 'here it is', ephemeralTo: 'U_MEMBER', replaced: true }),
    ]);

    await post(url, { response_type: 'in_channel', text: 'for everyone' });
    const shared = standin.workspace.messages('C_RANDOM').find((m) => m.text === 'for everyone');
    expect(shared).toMatchObject({ bot_id: 'BBOT' });
    expect(shared?.ephemeralTo).toBeUndefined();
    expect(standin.responses.map((r) => r.body)).toContainEqual({
      response_type: 'in_channel',
      text: 'for everyone',
    });
  });

  it('acts on the clicked message for interactions: delete_original removes it', async () => {
    const original = standin.workspace.addMessage('C_GENERAL', {
      user: 'UBOT',
      bot_id: 'BBOT',
      text: 'card',
    });
    const url = standin.responseUrl({ channel: 'C_GENERAL', user: 'U_MEMBER', messageTs: original.ts });
    const waiting = standin.waitForResponse(1);
    await post(url, { delete_original: true });
    expect((await waiting)[0]).toMatchObject({ status: 200, body: { delete_original: true } });
    expect(standin.workspace.messages('C_GENERAL')).toEqual([]);
  });

  it('allows five uses, then answers 404 used_url; an expired url answers 404 expired_url', async () => {
    const url = standin.responseUrl();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(url, { text: `#${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const sixth = await post(url, { text: 'one too many' });
    expect([sixth.status, await sixth.text()]).toEqual([404, 'used_url']);

    const expiring = standin.responseUrl();
    standin.expireResponseUrl(expiring);
    const late = await post(expiring, { text: 'late' });
    expect([late.status, await late.text()]).toEqual([404, 'expired_url']);

    const old = standin.responseUrl();
    now = new Date(START.getTime() + 31 * 60_000);
    expect(await (await post(old, { text: 'too late' })).text()).toBe('expired_url');
  });
});

describe('request helpers sign like Slack', () => {
  it('sends commands, interactions and events that Bolt’s verifier accepts', async () => {
    const secret = 'shh';
    const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
    const app = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"response_type":"ephemeral"}');
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const requestUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`;
    try {
      const command = await sendSlashCommand(requestUrl, secret, {
        text: 'wire guard',
        user_id: 'U_MEMBER',
        channel_id: 'C_GENERAL',
        response_url: 'http://x/respond/R1',
      });
      expect(command.json()).toEqual({ response_type: 'ephemeral' });
      await sendInteraction(
        requestUrl,
        secret,
        blockActionsPayload({
          user: 'U_MEMBER',
          channel: 'C_GENERAL',
          actionId: 'a',
          value: 'v',
          responseUrl: 'r',
        }),
      );
      await sendEvent(
        requestUrl,
        secret,
        appMentionEnvelope({
          text: '<@UBOT> hi',
          user: 'U_MEMBER',
          channel: 'C_GENERAL',
          ts: '1.000001',
          eventId: 'Ev1',
        }),
        { retryNum: 1, retryReason: 'http_timeout' },
      );
    } finally {
      await new Promise((resolve) => app.close(resolve));
    }

    for (const { headers, body } of received) {
      expect(() =>
        verifySlackRequest({
          signingSecret: secret,
          body,
          headers: {
            'x-slack-signature': String(headers['x-slack-signature']),
            'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
          },
        }),
      ).not.toThrow();
    }
    const [command, interaction, event] = received;
    expect(Object.fromEntries(new URLSearchParams(command?.body))).toMatchObject({
      command: '/hackathon',
      text: 'wire guard',
      channel_name: 'general',
      user_name: 'max',
      team_id: 'T0001',
    });
    const payload = JSON.parse(new URLSearchParams(interaction?.body).get('payload') ?? '{}');
    expect(payload).toMatchObject({ type: 'block_actions', actions: [{ action_id: 'a', value: 'v' }] });
    expect(event?.headers).toMatchObject({
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(signRequest(secret, 'body', 1)['x-slack-signature']).toMatch(/^v0=[0-9a-f]{64}$/);
  });
});

describe('Socket Mode stand-in', () => {
  it('connects through apps.connections.open, delivers an envelope, takes the ack, and reconnects after a drop', async () => {
    const socket = await startSocketStandin();
    const standin = await startSlackStandin({ socketUrl: socket.url });
    const client = new SocketModeClient({
      appToken: 'xapp-test',
      logger: silentLogger,
      // Also the reconnect delay; keeps the drop-and-reconnect part short.
      clientPingTimeout: 300,
      clientOptions: { slackApiUrl: standin.apiUrl },
    });
    client.on(
      'slash_commands',
      async ({ ack, body }: { ack: (r: object) => Promise<void>; body: { text: string } }) => {
        await ack({ text: `got ${body.text}` });
      },
    );
    try {
      await client.start();
      await socket.waitForConnection();
      expect(standin.callsTo('apps.connections.open')[0]?.token).toBe('xapp-test');

      const ack = await socket.sendEnvelope('slash_commands', { command: '/hackathon', text: 'topics' });
      expect(ack.payload).toEqual({ text: 'got topics' });

      const reopened = standin.waitFor('apps.connections.open', 2);
      socket.dropConnections();
      await reopened;
      await socket.waitForConnection();
      expect(socket.connectionCount).toBe(2);
      const again = await socket.sendEnvelope('slash_commands', { command: '/hackathon', text: 'next' });
      expect(again.payload).toEqual({ text: 'got next' });
    } finally {
      await client.disconnect();
      await socket.close();
      await standin.close();
    }
  });
});
