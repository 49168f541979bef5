/**
 * The Slack stand-in refuses what Slack refuses, on every surface that takes blocks, and answers the way Slack
 * answers: `invalid_blocks` with `errors` and `response_metadata.messages` pointing at the broken field.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SocketModeClient } from '@slack/socket-mode';
import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { homeViewProblems, messageProblems, slackMessage } from '../src/standin/block-kit.js';
import { RefusedAcknowledgementError, sendSlashCommand } from '../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { startSocketStandin } from './support/socket-standin.js';
import { silentLogger, standinClient } from './support/web-client.js';

const TOKEN = 'xoxb-block-kit-test';
const START_SECONDS = Math.floor(Date.parse('2025-06-02T10:00:00Z') / 1000);

type Loose = Record<string, unknown>;
const section = (text: string, extra: Loose = {}): Loose => ({
  type: 'section',
  text: { type: 'mrkdwn', text },
  ...extra,
});
const plain = (text: string): Loose => ({ type: 'plain_text', text });
const button = (text: string, extra: Loose = {}): Loose => ({ type: 'button', text: plain(text), ...extra });

/** What Slack would say of these blocks in a message with a fallback text. */
function messages(blocks: unknown[]): string[] {
  return messageProblems({ text: 'fallback', blocks }).map(slackMessage);
}

describe('Block Kit rules, as Slack words them', () => {
  it('accepts what the Block Kit reference allows', () => {
    expect(
      messages([
        { type: 'header', text: { type: 'plain_text', text: 'Hack The Garden', emoji: true } },
        section('*WireGuard*', {
          block_id: 'topic',
          accessory: button('Open', { action_id: 'open', value: 'x' }),
        }),
        { type: 'section', fields: [plain('a'), { type: 'mrkdwn', text: '*b*', verbatim: true }] },
        {
          type: 'context',
          elements: [{ type: 'image', image_url: 'https://x.io/a.png', alt_text: 'a' }, plain('c')],
        },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [
            button('Share', { action_id: 'share', style: 'primary' }),
            {
              type: 'overflow',
              action_id: 'more',
              options: [{ text: plain('Watch'), value: 'v', url: 'https://youtu.be/x' }],
            },
            {
              type: 'static_select',
              action_id: 'pick',
              placeholder: plain('Pick one'),
              options: [{ text: plain('One'), value: '1' }],
            },
          ],
        },
        { type: 'image', image_url: 'https://x.io/b.png', alt_text: 'b', title: plain('B') },
      ]),
    ).toEqual([]);
  });

  it('holds every text limit: section 3,000, header 150, button 75, value 2,000, fields 10 × 2,000', () => {
    expect(
      messages([
        section('x'.repeat(3001)),
        { type: 'header', text: plain('h'.repeat(151)) },
        { type: 'actions', elements: [button('b'.repeat(76), { value: 'v'.repeat(2001) })] },
        { type: 'section', fields: Array.from({ length: 11 }, () => plain('f')) },
        { type: 'section', fields: [plain('f'.repeat(2001))] },
      ]),
    ).toEqual([
      '[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]',
      '[ERROR] must be less than 151 characters [json-pointer:/blocks/1/text/text]',
      '[ERROR] must be less than 76 characters [json-pointer:/blocks/2/elements/0/text/text]',
      '[ERROR] must be less than 2001 characters [json-pointer:/blocks/2/elements/0/value]',
      '[ERROR] no more than 10 items allowed [json-pointer:/blocks/3/fields]',
      '[ERROR] must be less than 2001 characters [json-pointer:/blocks/4/fields/0/text]',
    ]);
  });

  it('takes mrkdwn only where Slack does, and emoji only on plain_text', () => {
    expect(
      messages([
        { type: 'header', text: { type: 'mrkdwn', text: '*Header*' } },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'mrkdwn', text: '*Go*' } }] },
        { type: 'section', text: { type: 'mrkdwn', text: 'hi', emoji: true } },
        { type: 'section', text: { type: 'plain_text', text: 'hi', verbatim: true } },
      ]),
    ).toEqual([
      '[ERROR] must be a valid enum value [json-pointer:/blocks/0/text/type]',
      '[ERROR] must be a valid enum value [json-pointer:/blocks/1/elements/0/text/type]',
      '[ERROR] invalid additional property: emoji [json-pointer:/blocks/2/text]',
      '[ERROR] invalid additional property: verbatim [json-pointer:/blocks/3/text]',
    ]);
  });

  it('wants block_id unique in a message and action_id unique in a block, both at most 255', () => {
    const long = 'a'.repeat(256);
    expect(
      messages([
        section('a', { block_id: 'same' }),
        section('b', { block_id: 'same' }),
        { type: 'actions', elements: [button('1', { action_id: 'go' }), button('2', { action_id: 'go' })] },
        { type: 'actions', elements: [button('3', { action_id: 'go' })] },
        section('c', { block_id: long, accessory: button('4', { action_id: long }) }),
      ]),
    ).toEqual([
      '[ERROR] duplicate block_id: same [json-pointer:/blocks/1/block_id]',
      '[ERROR] duplicate action_id: go [json-pointer:/blocks/2/elements/1/action_id]',
      '[ERROR] must be less than 256 characters [json-pointer:/blocks/4/block_id]',
      '[ERROR] must be less than 256 characters [json-pointer:/blocks/4/accessory/action_id]',
    ]);
  });

  it('counts elements: context 10, actions 25; and knows which element goes where', () => {
    expect(
      messages([
        { type: 'context', elements: Array.from({ length: 11 }, () => plain('c')) },
        { type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`${i}`)) },
        { type: 'context', elements: [button('not here')] },
        { type: 'actions', elements: [] },
      ]),
    ).toEqual([
      '[ERROR] no more than 10 items allowed [json-pointer:/blocks/0/elements]',
      '[ERROR] no more than 25 items allowed [json-pointer:/blocks/1/elements]',
      '[ERROR] must be a valid enum value [json-pointer:/blocks/2/elements/0/type]',
      '[ERROR] must provide at least 1 items [json-pointer:/blocks/3/elements]',
    ]);
  });

  it('names missing fields, unknown types and unknown properties', () => {
    expect(
      messages([
        { type: 'section' },
        { type: 'header' },
        { type: 'carousel' },
        section('x', { url: 'https://x.io' }),
        { type: 'image', image_url: 'javascript:alert(1)' },
      ]),
    ).toEqual([
      '[ERROR] must define either `text` or `fields` [json-pointer:/blocks/0/type]',
      '[ERROR] missing required field: text [json-pointer:/blocks/1]',
      '[ERROR] unsupported type: carousel [json-pointer:/blocks/2/type]',
      '[ERROR] invalid additional property: url [json-pointer:/blocks/3]',
      '[ERROR] missing required field: alt_text [json-pointer:/blocks/4]',
      '[ERROR] must be a valid URL [json-pointer:/blocks/4/image_url]',
    ]);
  });

  it('allows 50 blocks in a message and 100 on the Home tab', () => {
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => section(`${i}`));
    expect(messages(blocks(50))).toEqual([]);
    expect(messages(blocks(51))).toEqual(['[ERROR] no more than 50 items allowed [json-pointer:/blocks]']);
    expect(homeViewProblems({ type: 'home', blocks: blocks(100) })).toEqual([]);
    expect(homeViewProblems({ type: 'home', blocks: blocks(101) }).map(slackMessage)).toEqual([
      '[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]',
    ]);
  });

  it('requires the text fallback with blocks (this project’s rule; Slack only recommends it)', () => {
    expect(messageProblems({ blocks: [section('x')] }).map((p) => p.pointer)).toEqual(['/text']);
    expect(messageProblems({ text: '  ', blocks: [section('x')] }).map((p) => p.pointer)).toEqual(['/text']);
    expect(messageProblems({ text: 'just text' })).toEqual([]);
  });
});

describe('the stand-in refuses what Slack refuses, on every surface', () => {
  let standin: SlackStandin;
  let client: WebClient;

  beforeEach(async () => {
    standin = await startSlackStandin({ clock: () => new Date(START_SECONDS * 1000) });
    client = standinClient(standin, TOKEN, 0);
  });
  afterEach(async () => {
    await standin.close();
  });

  /** The raw answer to a Web API call, as JSON over HTTP, without the WebClient's error handling. */
  async function call(method: string, args: Loose): Promise<Loose> {
    const response = await fetch(`${standin.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(args),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Loose;
  }

  const tooLong = [section('x'.repeat(3001))];
  const refused = {
    ok: false,
    error: 'invalid_blocks',
    errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    response_metadata: {
      messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    },
  };

  it('answers invalid_blocks with response_metadata.messages on chat.postMessage, postEphemeral and scheduleMessage', async () => {
    const base = { channel: 'C_GENERAL', text: 'fallback', blocks: tooLong };
    expect(await call('chat.postMessage', base)).toEqual(refused);
    expect(await call('chat.postEphemeral', { ...base, user: 'U_MEMBER' })).toEqual(refused);
    expect(await call('chat.scheduleMessage', { ...base, post_at: START_SECONDS + 600 })).toEqual(refused);
    expect(standin.workspace.messages('C_GENERAL')).toEqual([]);
    expect(standin.workspace.scheduled()).toEqual([]);
  });

  it('refuses an update with broken blocks and keeps the message as it was', async () => {
    const posted = await call('chat.postMessage', {
      channel: 'C_GENERAL',
      text: 'first',
      blocks: [section('first')],
    });
    const ts = String(posted.ts);
    expect(await call('chat.update', { channel: 'C_GENERAL', ts, text: 'second', blocks: tooLong })).toEqual(
      refused,
    );
    expect(standin.workspace.message('C_GENERAL', ts)).toMatchObject({
      text: 'first',
      blocks: [section('first')],
    });
    // Blocks alone keep the message's text as the fallback.
    expect(await call('chat.update', { channel: 'C_GENERAL', ts, blocks: [section('third')] })).toMatchObject(
      {
        ok: true,
      },
    );
  });

  it('refuses the form-encoded WebClient call too, as a platform error carrying the messages', async () => {
    const error = await client.chat
      .postMessage({
        channel: 'C_GENERAL',
        text: 'x',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }],
      })
      .then(() => undefined)
      .catch((e: unknown) => e as { data?: Loose });
    expect(error?.data).toMatchObject({
      error: 'invalid_blocks',
      response_metadata: {
        messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'],
      },
    });
  });

  it('answers no_text for blocks without a fallback, saying why', async () => {
    const answer = await call('chat.postMessage', { channel: 'C_GENERAL', blocks: [section('x')] });
    expect(answer).toMatchObject({ ok: false, error: 'no_text' });
    expect((answer.response_metadata as { messages: string[] }).messages[0]).toMatch(
      /^\[ERROR\] missing required field: text .*\[json-pointer:\/text\]$/,
    );
  });

  it('answers a response_url post with broken blocks with 400 invalid_blocks and shows nothing', async () => {
    const url = standin.responseUrl({ channel: 'C_GENERAL', user: 'U_MEMBER' });
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'fallback', blocks: [section('ok'), section('ok', { emoji: true })] }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('invalid_blocks');
    expect(standin.responses.at(-1)?.problems).toEqual([
      '[ERROR] invalid additional property: emoji [json-pointer:/blocks/1]',
    ]);
    expect(standin.workspace.messages('C_GENERAL')).toEqual([]);
  });

  it('refuses a command acknowledgement Slack would not show, over HTTP and over Socket Mode', async () => {
    const ack = {
      response_type: 'ephemeral',
      text: 'x',
      blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }],
    };
    const app = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ack));
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`;
    const fields = {
      text: 'x',
      user_id: 'U_MEMBER',
      channel_id: 'C_GENERAL',
      response_url: standin.responseUrl(),
    };
    try {
      const error = await sendSlashCommand(url, 'secret', fields).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RefusedAcknowledgementError);
      expect(error).toMatchObject({
        error: 'invalid_blocks',
        messages: ['[ERROR] must be a valid enum value [json-pointer:/blocks/0/text/type]'],
      });
      // The playground shows Slack's refusal itself, so it takes the body as it came.
      const kept = await sendSlashCommand(url, 'secret', fields, { refusedAcknowledgement: 'keep' });
      expect(kept.json()).toEqual(ack);
      expect(standin.acknowledgeCommand(fields.response_url, ack)).toMatchObject({
        status: 400,
        text: 'invalid_blocks',
      });
    } finally {
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }

    const socket = await startSocketStandin();
    standin.setSocketUrl(socket.url);
    const socketClient = new SocketModeClient({
      appToken: 'xapp-1-block-kit',
      clientOptions: { slackApiUrl: standin.apiUrl },
      logger: silentLogger,
    });
    socketClient.on('slash_commands', async ({ ack: respond }: { ack: (r: object) => Promise<void> }) => {
      await respond(ack);
    });
    try {
      await socketClient.start();
      await socket.waitForConnection();
      await expect(
        socket.sendEnvelope('slash_commands', { command: '/hackathon', text: 'x' }),
      ).rejects.toThrow(RefusedAcknowledgementError);
    } finally {
      await socketClient.disconnect();
      await socket.close();
    }
  });

  it('views.publish: invalid_arguments with pointers under /view, and view_too_large beyond 250 kB', async () => {
    const blocks = Array.from({ length: 101 }, (_, i) => section(`${i}`));
    expect(await call('views.publish', { user_id: 'U_MEMBER', view: { type: 'home', blocks } })).toEqual({
      ok: false,
      error: 'invalid_arguments',
      errors: ['no more than 100 items allowed [json-pointer:/view/blocks]'],
      response_metadata: { messages: ['[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]'] },
    });
    const header = { type: 'home', blocks: [{ type: 'header', text: plain('h'.repeat(151)) }] };
    expect(await call('views.publish', { user_id: 'U_MEMBER', view: header })).toMatchObject({
      error: 'invalid_arguments',
      response_metadata: {
        messages: ['[ERROR] must be less than 151 characters [json-pointer:/view/blocks/0/text/text]'],
      },
    });
    // 100 sections of 2,600 characters: every block valid, the view over 250 kB.
    const big = { type: 'home', blocks: Array.from({ length: 100 }, () => section('x'.repeat(2600))) };
    expect(await call('views.publish', { user_id: 'U_MEMBER', view: big })).toEqual({
      ok: false,
      error: 'view_too_large',
    });
    expect(standin.workspace.homeView('U_MEMBER')).toBeUndefined();
  });
});
