/**
 * What the playground sends the app, checked on the wire: signed requests whose text is exactly what Slack
 * would send for what the person typed, from whichever person they chose to be.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { SlackBridge } from '../src/playground/bridge.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { slackTypedText } from '../src/standin/typed-text.js';

const SECRET = 'playground-bridge-secret';
const PEOPLE = [
  { id: 'U_ADMIN', name: 'Ada Admin', announcer: true },
  { id: 'U_MEMBER', name: 'Max Member', announcer: false },
];

interface Received {
  contentType: string;
  body: string;
}

/** Stands in for the app: checks each request's signature as Bolt would, and keeps what it got. */
async function fakeApp(received: Received[]): Promise<{ server: Server; url: string }> {
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        verifySlackRequest({
          signingSecret: SECRET,
          body,
          headers: {
            'x-slack-signature': String(req.headers['x-slack-signature']),
            'x-slack-request-timestamp': Number(req.headers['x-slack-request-timestamp']),
          },
        });
      } catch {
        res.writeHead(401).end();
        return;
      }
      received.push({ contentType: String(req.headers['content-type']), body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events` };
}

describe('slackTypedText', () => {
  let standin: SlackStandin;
  beforeEach(async () => {
    standin = await startSlackStandin();
  });
  afterEach(async () => {
    await standin.close();
  });

  it('escapes &, < and > as Slack does, and nothing else', () => {
    expect(slackTypedText('R&D <!channel> a > b "quoted" \'x\'', standin.workspace, 'command')).toBe(
      'R&amp;D &lt;!channel&gt; a &gt; b "quoted" \'x\'',
    );
  });

  it('links known channels and people as should_escape does, and leaves unknown names plain', () => {
    const typed = 'announce #random for @max and @Ada. (#general) #nowhere @nobody email@example.com';
    expect(slackTypedText(typed, standin.workspace, 'command')).toBe(
      'announce <#C_RANDOM|random> for <@U_MEMBER|max> and <@U_ADMIN|ada>. (<#C_GENERAL|general>) #nowhere @nobody email@example.com',
    );
    expect(slackTypedText('@hackathon-bot hi @max #random', standin.workspace, 'message')).toBe(
      '<@UBOT> hi <@U_MEMBER> <#C_RANDOM|random>',
    );
  });
});

describe('the playground bridge on the wire', () => {
  let standin: SlackStandin;
  let app: { server: Server; url: string };
  let received: Received[];
  let bridge: SlackBridge;

  beforeEach(async () => {
    standin = await startSlackStandin();
    received = [];
    app = await fakeApp(received);
    bridge = new SlackBridge({
      standin,
      requestUrl: app.url,
      signingSecret: SECRET,
      me: 'U_ADMIN',
      people: PEOPLE,
      logger: createLogger('error'),
    });
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
    await standin.close();
  });

  it('sends a slash command with the text Slack sends under should_escape', async () => {
    const result = await bridge.send({
      channel: 'C_GENERAL',
      text: '/hackathon announce #random R&D <b> #nope',
    });
    expect(result).toEqual({ ok: true });
    const form = new URLSearchParams(received[0]?.body);
    expect(received[0]?.contentType).toBe('application/x-www-form-urlencoded');
    expect(form.get('command')).toBe('/hackathon');
    expect(form.get('text')).toBe('announce <#C_RANDOM|random> R&amp;D &lt;b&gt; #nope');
    expect(form.get('user_id')).toBe('U_ADMIN');
  });

  it('sends a mention as an app_mention event with Slack’s message encoding', async () => {
    expect(
      await bridge.send({ channel: 'C_GENERAL', text: '@hackathon-bot topics for #random & @max' }),
    ).toEqual({
      ok: true,
    });
    const envelope = JSON.parse(received[0]?.body ?? '{}') as { event: { type: string; text: string } };
    expect(envelope.event).toMatchObject({
      type: 'app_mention',
      text: '<@UBOT> topics for <#C_RANDOM|random> &amp; <@U_MEMBER>',
    });
  });

  it('acts as a second, non-announcer person: their commands, their channels, their view', async () => {
    expect(bridge.state().people).toEqual(PEOPLE);
    expect(bridge.actAs({ user: 'U_NOBODY' })).toMatchObject({ ok: false });
    expect(bridge.actAs({ user: 'U_MEMBER' })).toEqual({ ok: true });
    expect(bridge.state().me).toEqual({ id: 'U_MEMBER', name: 'Max Member' });
    // Ada's private channel is not Max's.
    expect(bridge.state().channels.map((c) => c.id)).not.toContain('G_PRIVATE');

    await bridge.send({ channel: 'C_GENERAL', text: '/hackathon announce' });
    const form = new URLSearchParams(received[0]?.body);
    expect(form.get('user_id')).toBe('U_MEMBER');
    expect(form.get('user_name')).toBe('max');
  });
});
