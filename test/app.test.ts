import { spawn } from 'node:child_process';
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../src/settings.js';
import {
  appHomeOpenedEnvelope,
  appMentionEnvelope,
  blockActionsPayload,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
} from '../src/standin/requests.js';
import type { SlackMessage } from '../src/views/message.js';
import { BOT_TOKEN, SIGNING_SECRET, startTestBot, type TestBot } from './support/bot.js';
import { limitProblems } from './support/limits.js';
import { buttonsIn, visibleText } from './support/visible.js';

interface AckBody extends SlackMessage {
  response_type?: string;
}

describe('the Slack app over HTTP, against the Slack stand-in', () => {
  let t: TestBot;
  let eventCounter = 0;
  const command = async (text: string, fields: Record<string, string> = {}) => {
    const responseUrl = t.standin.responseUrl({
      channel: fields.channel_id ?? 'C_GENERAL',
      user: 'U_MEMBER',
    });
    const response = await sendSlashCommand(t.requestUrl, SIGNING_SECRET, {
      text,
      user_id: 'U_MEMBER',
      channel_id: 'C_GENERAL',
      response_url: responseUrl,
      ...fields,
    });
    return { status: response.status, body: JSON.parse(response.body || '{}') as AckBody, responseUrl };
  };

  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers /hackathon wireguard with the WireGuard card and its video at 1:44, privately', async () => {
    const { status, body } = await command('wireguard');
    expect(status).toBe(200);
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Replacement of OpenVPN with Wireguard' },
    });
    const video = buttonsIn(body).find((b) => b.url?.includes('youtu.be'));
    expect(video).toMatchObject({
      text: { text: 'Watch the presentation (1:44)' },
      url: 'https://youtu.be/TCLXovw43HA?t=104s',
    });
    expect(buttonsIn(body).some((b) => b.action_id === 'share_in_channel')).toBe(true);
    expect(limitProblems(body)).toEqual([]);
    expect(body.text).toMatch(/Wireguard/);
  });

  it('lists all 15 topics for /hackathon topics', async () => {
    const { body } = await command('topics');
    const text = visibleText(body);
    for (const title of [
      'Replacement of OpenVPN with Wireguard',
      'Overcoming the 450 Node limit on Azure',
      'Expose EgressCIDRs in the shoot-info ConfigMap',
      'GEP-32 – Version Classification Lifecycles',
      'Documentation Revamp',
    ]) {
      expect(text).toContain(title);
    }
    expect(buttonsIn(body).filter((b) => b.action_id?.startsWith('pick_topic'))).toHaveLength(15);
    expect(limitProblems(body)).toEqual([]);
  });

  it('answers help, empty text and next', async () => {
    const help = await command('help');
    const empty = await command('   ');
    expect(visibleText(help.body)).toContain('/hackathon topics');
    expect(empty.body.blocks).toEqual(help.body.blocks);
    const next = await command('next');
    expect(visibleText(next.body)).toMatch(/early December/i);
    expect(limitProblems(next.body)).toEqual([]);
  });

  it('answers an unknown word with suggestions, not an error', async () => {
    const { status, body } = await command('xyzzy');
    expect(status).toBe(200);
    expect(body.text).toMatch(/xyzzy/);
    // Nothing to show the channel, so nothing to share.
    expect(buttonsIn(body).some((b) => b.action_id === 'share_in_channel')).toBe(false);
    expect(limitProblems(body)).toEqual([]);
  });

  it('keeps 4,000 characters of text inside the limits', async () => {
    const { status, body } = await command('wireguard '.repeat(400).slice(0, 4000));
    expect(status).toBe(200);
    expect(limitProblems(body)).toEqual([]);
  });

  it('shows what a user typed escaped: no live <!channel>, <@U…> or &', async () => {
    // Typed as `<!channel> <@U123> & qqqq`; Slack sends what was typed HTML-escaped.
    const { body } = await command('&lt;!channel&gt; &lt;@U123&gt; &amp; qqqq');
    const text = visibleText(body);
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&amp;');
  });

  it('refuses a bad signature and a five-minute-old timestamp with 401', async () => {
    const fields = { text: 'topics', user_id: 'U_MEMBER', channel_id: 'C_GENERAL', response_url: 'http://x' };
    const forged = await sendSlashCommand(t.requestUrl, 'not-the-secret', fields);
    expect(forged.status).toBe(401);
    const old = await sendSlashCommand(t.requestUrl, SIGNING_SECRET, fields, {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(old.status).toBe(401);
  });

  it('shares a card into the channel, attributed, and removes the private copy', async () => {
    for (const channel of ['C_GENERAL', 'D_ADMIN']) {
      const { body } = await command('wireguard', { channel_id: channel });
      const share = buttonsIn(body).find((b) => b.action_id === 'share_in_channel');
      const responseUrl = t.standin.responseUrl({ channel, user: 'U_MEMBER' });
      const before = t.standin.responses.length;
      const waiting = t.standin.waitForResponse(before + 2);
      const click = await sendInteraction(
        t.requestUrl,
        SIGNING_SECRET,
        blockActionsPayload({
          user: 'U_MEMBER',
          channel,
          actionId: 'share_in_channel',
          value: share?.value ?? '',
          responseUrl,
        }),
      );
      expect(click.status).toBe(200);
      const [posted, removed] = (await waiting).slice(before);
      expect(posted?.body).toMatchObject({ response_type: 'in_channel' });
      expect(visibleText(posted?.body)).toContain('Shared by <@U_MEMBER>');
      expect(visibleText(posted?.body)).toContain('Replacement of OpenVPN with Wireguard');
      expect(buttonsIn(posted?.body as SlackMessage).some((b) => b.action_id === 'share_in_channel')).toBe(
        false,
      );
      expect(removed?.body).toMatchObject({ delete_original: true });
    }
  });

  it('offers candidates for an ambiguous query, and a pick replaces the reply with the topic', async () => {
    const { body } = await command('azure');
    const picks = buttonsIn(body).filter((b) => b.action_id?.startsWith('pick_topic'));
    expect(picks.length).toBeGreaterThan(1);
    const before = t.standin.responses.length;
    const waiting = t.standin.waitForResponse(before + 1);
    await sendInteraction(
      t.requestUrl,
      SIGNING_SECRET,
      blockActionsPayload({
        user: 'U_MEMBER',
        channel: 'C_GENERAL',
        actionId: picks[0]?.action_id ?? '',
        value: picks[0]?.value ?? '',
        responseUrl: t.standin.responseUrl({ channel: 'C_GENERAL', user: 'U_MEMBER' }),
      }),
    );
    const response = (await waiting)[before];
    expect(response?.body).toMatchObject({ replace_original: true });
    expect((response?.body as SlackMessage | undefined)?.blocks[0]?.type).toBe('header');
  });

  it('routes numbered paging buttons and acknowledges unknown ones', async () => {
    const before = t.standin.responses.length;
    const waiting = t.standin.waitForResponse(before + 1);
    const click = (actionId: string, value: string) =>
      sendInteraction(
        t.requestUrl,
        SIGNING_SECRET,
        blockActionsPayload({
          user: 'U_MEMBER',
          channel: 'C_GENERAL',
          actionId,
          value,
          responseUrl: t.standin.responseUrl({ channel: 'C_GENERAL', user: 'U_MEMBER' }),
        }),
      );
    expect((await click('topics_page:1', 'topics')).status).toBe(200);
    const response = (await waiting)[before];
    expect(visibleText(response?.body)).toContain('Documentation Revamp');
    expect((await click('no_such_button', 'x')).status).toBe(200);
    expect(t.standin.responses).toHaveLength(before + 1);
  });

  it('answers an @-mention in a thread, and not again when Slack retries it', async () => {
    eventCounter += 1;
    const envelope = appMentionEnvelope({
      text: '<@UBOT> wireguard',
      user: 'U_MEMBER',
      channel: 'C_GENERAL',
      ts: '1750000000.000100',
      eventId: `Ev${eventCounter}`,
    });
    const posted = t.standin.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1750000000.000100',
    );
    expect((await sendEvent(t.requestUrl, SIGNING_SECRET, envelope)).status).toBe(200);
    const [reply] = await posted;
    expect(visibleText(reply?.args)).toContain('Replacement of OpenVPN with Wireguard');
    expect(
      (await sendEvent(t.requestUrl, SIGNING_SECRET, envelope, { retryNum: 1, retryReason: 'http_timeout' }))
        .status,
    ).toBe(200);
    // A later mention is answered; by then the retry has long been dropped.
    const later = t.standin.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1750000000.000200',
    );
    await sendEvent(
      t.requestUrl,
      SIGNING_SECRET,
      appMentionEnvelope({
        text: '<@UBOT> topics',
        user: 'U_MEMBER',
        channel: 'C_GENERAL',
        ts: '1750000000.000200',
        eventId: 'EvLater',
      }),
    );
    await later;
    expect(
      t.standin.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === '1750000000.000100'),
    ).toHaveLength(1);
  });

  it('publishes the App Home, and retries it after a rate limit', async () => {
    t.standin.fail('views.publish', { kind: 'ratelimited', retryAfterSeconds: 0, times: 1 });
    const published = t.standin.waitFor((c) => c.method === 'views.publish', 2);
    await sendEvent(
      t.requestUrl,
      SIGNING_SECRET,
      appHomeOpenedEnvelope({ user: 'U_MEMBER', eventId: 'EvHome' }),
    );
    const calls = await published;
    const view = calls[1]?.args.view as { type: 'home'; blocks: KnownBlock[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(limitProblems(view)).toEqual([]);
    expect(t.standin.workspace.homeView('U_MEMBER')).toBeDefined();
  });

  it('survives not_in_channel on a mention reply, and keeps serving', async () => {
    t.standin.fail('chat.postMessage', { kind: 'error', error: 'not_in_channel', times: 1 });
    const failed = t.standin.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1750000000.000300',
    );
    await sendEvent(
      t.requestUrl,
      SIGNING_SECRET,
      appMentionEnvelope({
        text: '<@UBOT> dashboard',
        user: 'U_MEMBER',
        channel: 'C_GENERAL',
        ts: '1750000000.000300',
        eventId: 'EvFail',
      }),
    );
    await failed;
    const { status, body } = await command('dashbord');
    expect(status).toBe(200);
    expect(visibleText(body)).toContain('Dashboard Usability Improvements');
  });

  it('never writes a token into its logs, even at debug level', () => {
    expect(t.logs.lines.length).toBeGreaterThan(10);
    expect(t.logs.lines.join('\n')).not.toContain(BOT_TOKEN);
    expect(t.logs.lines.join('\n')).not.toContain(SIGNING_SECRET);
  });
});

describe('start-up', () => {
  it('chooses Socket Mode when SLACK_APP_TOKEN is set, HTTP otherwise, and the playground without credentials', () => {
    expect(readSettings({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' }).mode).toBe('socket');
    expect(readSettings({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret-123' }).mode).toBe('http');
    expect(readSettings({}).mode).toBe('playground');
  });

  it('names a missing setting in one line and exits 1, without echoing the token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-do-not-print-me' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/SLACK_SIGNING_SECRET is missing/);
    expect(output).not.toContain('xoxb-do-not-print-me');
    expect(output).not.toMatch(/\n\s+at /);
  });
});
