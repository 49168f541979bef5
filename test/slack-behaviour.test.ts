/**
 * The app as real Slack treats it (issue 11): text arrives HTML-escaped and with resolved mentions,
 * ephemeral messages only show in active threads, a scheduled message due within a minute cannot be
 * deleted, and listing scheduled messages returns their text alone. Every request goes over HTTP, signed,
 * in the shape Slack sends; the WebClient talks to the stand-in.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseReminderKey, parseRequestSentence } from '../src/reminders/sentences.js';
import { ANNOUNCED_EVENT_TYPE } from '../src/services/announce.js';
import {
  appMentionEnvelope,
  blockActionsPayload,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
} from '../src/standin/requests.js';
import type { SlackMessage } from '../src/views/message.js';
import { commandAnswer, SIGNING_SECRET, startTestBot, type TestBot } from './support/bot.js';
import { eventContent, removeEventContent } from './support/content.js';
import { limitProblems } from './support/limits.js';
import { slackTyped } from './support/slack-typed.js';
import { buttonsIn, visibleText } from './support/visible.js';

afterAll(removeEventContent);

let now = new Date('2026-11-27T10:00:00Z');
const clock = () => now;
const running: TestBot[] = [];

afterEach(async () => {
  for (const t of running.splice(0)) await t.close();
});

async function launch(env: Record<string, string> = {}): Promise<TestBot> {
  const t = await startTestBot({ CONTENT_DIR: eventContent('2026-12-07'), ...env }, { clock });
  running.push(t);
  return t;
}

const hasShare = (message: { blocks?: unknown[] }) =>
  buttonsIn(message).some((b) => b.action_id === 'share_in_channel');

/** `/hackathon <typed>`, sent as Slack sends it; resolves with the acknowledgement (read-only answers). */
async function ask(t: TestBot, typed: string, user = 'U_MEMBER', channel = 'C_GENERAL') {
  const response = await sendSlashCommand(t.requestUrl, SIGNING_SECRET, {
    text: slackTyped(t.standin, typed),
    user_id: user,
    channel_id: channel,
    response_url: t.standin.responseUrl({ channel, user }),
  });
  expect(response.status).toBe(200);
  return JSON.parse(response.body || '{}') as SlackMessage & { response_type?: string };
}

/** `/hackathon <typed>` for a task, answered through the response URL. */
function task(t: TestBot, typed: string, user = 'U_ADMIN', channel = 'C_GENERAL') {
  return commandAnswer(t, slackTyped(t.standin, typed), user, channel);
}

let events = 0;

/** `@hackathon-bot <typed>` as Slack delivers it: top-level, or in the thread of `threadTs`. */
async function mention(t: TestBot, typed: string, options: { ts: string; threadTs?: string; user?: string }) {
  events += 1;
  const envelope = appMentionEnvelope({
    text: `<@UBOT> ${slackTyped(t.standin, typed)}`,
    user: options.user ?? 'U_ADMIN',
    channel: 'C_GENERAL',
    ts: options.ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    eventId: `EvBehaviour${events}`,
  });
  expect((await sendEvent(t.requestUrl, SIGNING_SECRET, envelope)).status).toBe(200);
}

describe('text in, text out', () => {
  it('decodes what Slack sends once and escapes it once: R&D reads as R&D, a typed <!channel> stays text', async () => {
    const t = await launch();
    const body = await ask(t, 'zzqx R&D <!channel>');
    const text = visibleText(body);
    expect(text).toContain('“zzqx R&amp;D &lt;!channel&gt;”');
    expect(text).not.toContain('&amp;amp;');
    expect(text).not.toMatch(/<!channel>|<@/);
    expect(limitProblems(body)).toEqual([]);
  });

  it('does the same for an @-mention, and answers in its thread', async () => {
    const t = await launch();
    const posted = t.standin.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '1.000100',
    );
    await mention(t, 'zzqx R&D <b>', { ts: '1.000100' });
    const [reply] = await posted;
    const text = visibleText(reply?.args as unknown as SlackMessage);
    expect(text).toContain('“zzqx R&amp;D &lt;b&gt;”');
    expect(text).not.toContain('&amp;amp;');
  });

  it('searches the decoded text: a topic named "R&D <Lab> Tools" is found as typed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hackathon-rd-'));
    try {
      writeFileSync(
        path.join(dir, '2025-12-rd-days.md'),
        '---\ntitle: "R&D Days"\ndate: 2025-12-08\n---\n\n## Research\n\n**R&D <Lab> Tools**: Tools for research and development.\n\n**Dashboard Themes**: Dark mode for the dashboard.\n',
      );
      const t = await startTestBot({ CONTENT_DIR: dir }, { clock });
      running.push(t);
      const card = await ask(t, 'R&D <Lab> Tools');
      expect(card.blocks[0]).toMatchObject({ type: 'header', text: { text: 'R&D <Lab> Tools' } });
      expect(visibleText(card)).not.toContain('&amp;amp;');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('answers that fit the question', () => {
  it.each([
    'when is the next one',
    'when is the next hackathon?',
    'next hackathon',
    "when's the next hack the garden",
  ])('answers "%s" like next', async (question) => {
    const t = await launch();
    const next = await ask(t, 'next');
    const answer = await ask(t, question);
    expect(answer.blocks).toEqual(next.blocks);
    expect(visibleText(answer)).toContain('Hack The Garden');
  });

  it('answers a next-question in an @-mention like next too', async () => {
    const t = await launch();
    const next = await ask(t, 'next');
    const posted = t.standin.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.thread_ts === '2.000100',
    );
    await mention(t, 'When is the next hackathon?', { ts: '2.000100' });
    const [reply] = await posted;
    expect((reply?.args.blocks as KnownBlock[] | undefined)?.[0]).toEqual(next.blocks[0]);
  });

  it('offers Share in channel on a topic card, a list and next, not on help, a choice or nothing found', async () => {
    const t = await launch();
    for (const worth of ['wireguard', 'topics', 'next'])
      expect(hasShare(await ask(t, worth)), worth).toBe(true);
    for (const not of ['help', 'azure', 'xyzzy']) expect(hasShare(await ask(t, not)), not).toBe(false);
  });

  it('shares nothing from a Share button that names help, and still shares a card', async () => {
    const t = await launch();
    const share = (value: string) =>
      sendInteraction(
        t.requestUrl,
        SIGNING_SECRET,
        blockActionsPayload({
          user: 'U_MEMBER',
          channel: 'C_GENERAL',
          actionId: 'share_in_channel',
          value,
          responseUrl: t.standin.responseUrl({ channel: 'C_GENERAL', user: 'U_MEMBER' }),
        }),
      );
    const card = await ask(t, 'wireguard');
    const before = t.standin.responses.length;
    const waiting = t.standin.waitForResponse(before + 1);
    expect((await share('help')).status).toBe(200);
    await share(buttonsIn(card).find((b) => b.action_id === 'share_in_channel')?.value ?? '');
    // The first post through a response URL after both clicks is the card: help was never shared.
    const [first] = (await waiting).slice(before);
    expect(first?.body).toMatchObject({ response_type: 'in_channel' });
    expect(visibleText(first?.body as unknown as SlackMessage)).toContain(
      'Replacement of OpenVPN with Wireguard',
    );
  });

  it('explains the forms of remind me for words it does not take, and schedules nothing', async () => {
    const t = await launch();
    const tomorrow = visibleText(await task(t, 'remind me tomorrow', 'U_MEMBER'));
    expect(tomorrow).toContain('I did not understand “tomorrow” after `remind me`');
    expect(tomorrow).toContain('`/hackathon remind me 7d 1d`');
    expect(tomorrow).toContain('`/hackathon remind me off`');
    const far = visibleText(await task(t, 'remind me 200d', 'U_MEMBER'));
    expect(far).toContain('at most 120 days before the hackathon');
    expect(far).toContain('200 days before is too early');
    expect(t.standin.callsTo('chat.scheduleMessage')).toHaveLength(0);
    expect(t.standin.callsTo('conversations.open')).toHaveLength(0);
  });
});

describe('threads', () => {
  it('answers a top-level mention that needs a private answer outside any thread, one in a thread inside it', async () => {
    const t = await launch();
    const topLevel = t.standin.waitFor('chat.postEphemeral', 1);
    await mention(t, 'remind me tomorrow', { ts: '3.000100', user: 'U_MEMBER' });
    const [first] = await topLevel;
    expect(first?.args.thread_ts).toBeUndefined();
    expect(first?.args.user).toBe('U_MEMBER');
    expect(visibleText(first?.args as unknown as SlackMessage)).toContain('remind me 7d 1d');

    const inThread = t.standin.waitFor('chat.postEphemeral', 2);
    await mention(t, 'remind me tomorrow', { ts: '3.000300', threadTs: '3.000100', user: 'U_MEMBER' });
    const [, second] = await inThread;
    expect(second?.args.thread_ts).toBe('3.000100');
  });

  it('previews an announcement for a top-level mention where the announcer sees it', async () => {
    const t = await launch();
    const preview = t.standin.waitFor('chat.postEphemeral', 1);
    await mention(t, 'announce', { ts: '4.000100' });
    const [call] = await preview;
    expect(call?.args.thread_ts).toBeUndefined();
    expect(buttonsIn(call?.args as unknown as SlackMessage).map((b) => b.action_id)).toEqual([
      'announce_post',
      'announce_cancel',
    ]);
  });
});

describe('announce #channel', () => {
  const GARDENER = 'CGARDENER';

  async function withChannel() {
    const t = await launch();
    t.standin.workspace.addChannel({ id: GARDENER, name: 'gardener', members: ['UBOT', 'U_ADMIN'] });
    return t;
  }

  async function post(t: TestBot, preview: SlackMessage, channel: string) {
    const posted = t.standin.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === channel, 6);
    const before = t.standin.responses.length;
    const answered = t.standin.waitForResponse(before + 2);
    await sendInteraction(
      t.requestUrl,
      SIGNING_SECRET,
      blockActionsPayload({
        user: 'U_ADMIN',
        channel: 'C_GENERAL',
        actionId: 'announce_post',
        value: buttonsIn(preview).find((b) => b.action_id === 'announce_post')?.value ?? '',
        responseUrl: t.standin.responseUrl({ channel: 'C_GENERAL', user: 'U_ADMIN' }),
      }),
    );
    await posted;
    await answered;
  }

  it('previews for the channel Slack resolved from #name', async () => {
    const t = await withChannel();
    const preview = await task(t, 'announce #gardener');
    expect(visibleText(preview)).toContain(`*Post* puts it in <#${GARDENER}>`);
  });

  it('says a channel Slack could not resolve is unknown, and previews and posts nothing', async () => {
    const t = await withChannel();
    const answer = await task(t, 'announce #no-such-channel');
    expect(visibleText(answer)).toContain(
      "I don't know the channel “#no-such-channel”, so nothing was posted",
    );
    expect(buttonsIn(answer)).toEqual([]);
    expect(t.standin.callsTo('chat.postMessage')).toHaveLength(0);
    expect(t.standin.callsTo('conversations.history')).toHaveLength(0);
  });

  it('warns that the recap is already in the channel, links the earlier announcement, and asks once more on Post', async () => {
    const t = await withChannel();
    const first = await task(t, 'announce #gardener');
    expect(visibleText(first)).not.toContain('already announced');
    await post(t, first, GARDENER);
    const parent = t.standin.workspace
      .messages(GARDENER)
      .find((m) => m.metadata?.event_type === ANNOUNCED_EVENT_TYPE);

    const again = await task(t, 'announce #gardener');
    expect(visibleText(again)).toContain(`This recap was already announced in <#${GARDENER}>`);
    const permalink = t.standin.callsTo('chat.getPermalink').at(-1);
    expect(permalink?.args).toMatchObject({ channel: GARDENER, message_ts: parent?.ts });
    const link = `https://playground.slack.com/archives/${GARDENER}/p${parent?.ts.replace('.', '')}`;
    expect(visibleText(again)).toContain(`<${link}|the earlier announcement>`);
    const postButton = buttonsIn(again).find((b) => b.action_id === 'announce_post');
    expect(postButton?.confirm?.title?.text).toBe('Post it again?');
    expect(postButton?.confirm?.text.text).toContain('already announced in that channel');
    expect(limitProblems(again)).toEqual([]);
    // The first preview, for a channel without it, asks nothing.
    expect(buttonsIn(first).find((b) => b.action_id === 'announce_post')?.confirm).toBeUndefined();
  });
});

describe('subscribe', () => {
  it('posts the latest recap into a newly subscribed channel as the latest recap, not as news', async () => {
    const t = await launch();
    t.standin.workspace.addChannel({ id: 'CNEWS', name: 'news', members: ['U_ADMIN'] });
    const posted = t.standin.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'CNEWS', 6);
    expect(visibleText(await task(t, 'subscribe', 'U_ADMIN', 'CNEWS'))).toContain('<#CNEWS> is subscribed');
    const [parent] = await posted;
    expect(String(parent?.args.text)).toMatch(/^The latest hackathon recap: /);
    expect(String(parent?.args.text)).not.toContain('New hackathon recap');
  });

  it('announces a recap as new where an earlier one was announced before', async () => {
    const t = await launch();
    t.standin.workspace.addChannel({ id: 'COLD', name: 'old-hands', members: ['UBOT', 'U_ADMIN'] });
    t.standin.workspace.addMessage('COLD', {
      user: 'UBOT',
      bot_id: t.standin.workspace.identity.botId,
      text: 'New hackathon recap: the one before',
      metadata: { event_type: ANNOUNCED_EVENT_TYPE, event_payload: { recap_id: '2024-12-older' } },
    });
    const posted = t.standin.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === 'COLD', 6);
    expect(visibleText(await task(t, 'subscribe', 'U_ADMIN', 'COLD'))).toContain(
      '<#COLD> is already subscribed',
    );
    const [parent] = await posted;
    expect(String(parent?.args.text)).toMatch(/^New hackathon recap: /);
  });
});

describe('scheduled messages, as Slack keeps them', () => {
  const CHANNEL = 'CREMIND';

  async function withReminders() {
    now = new Date('2026-11-27T10:00:00Z');
    const t = await launch({ ANNOUNCE_CHANNEL: CHANNEL });
    t.standin.workspace.addChannel({ id: CHANNEL, name: 'hackathon', members: ['UBOT', 'U_ADMIN'] });
    return t;
  }

  it('never counts a reminder due within the minute as deleted, and says it can no longer be stopped', async () => {
    const t = await withReminders();
    // Subscribing the reminder channel schedules its reminders, as the start-up pass would.
    await task(t, 'subscribe', 'U_ADMIN', CHANNEL);
    expect(t.standin.workspace.scheduled(CHANNEL).map((s) => parseReminderKey(s.text))).toEqual([
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:0d',
    ]);
    // 30 seconds before the 7-day reminder (09:00 CET = 08:00 UTC): Slack refuses to delete it and posts it.
    now = new Date('2026-11-30T07:59:30Z');
    t.standin.fail('chat.deleteScheduledMessage', { kind: 'error', error: 'invalid_scheduled_message_id' });
    const cancelled = visibleText(await task(t, 'reminders cancel', 'U_ADMIN'));
    expect(cancelled).toContain(`Deleted 2 scheduled reminders in <#${CHANNEL}>`);
    expect(cancelled).toContain(
      'The reminder 7 days before could no longer be stopped: it goes out at Mon 30 Nov 2026, 09:00 CET',
    );
    expect(t.standin.workspace.scheduled(CHANNEL).map((s) => parseReminderKey(s.text))).toEqual([
      'hackathon-reminder:2026-12-07:7d',
    ]);
  });

  it('says which personal reminder remind me off could no longer stop', async () => {
    const t = await withReminders();
    await task(t, 'remind me', 'U_ADMIN');
    const dm = t.standin.workspace.imWith('U_ADMIN').id;
    expect(t.standin.workspace.scheduled(dm)).toHaveLength(3);
    now = new Date('2026-11-30T07:59:30Z');
    t.standin.fail('chat.deleteScheduledMessage', { kind: 'error', error: 'invalid_scheduled_message_id' });
    const off = visibleText(await task(t, 'remind me off', 'U_ADMIN'));
    expect(off).toContain('(2 scheduled messages removed)');
    expect(off).toContain('Too late to stop: the reminder 7 days before goes out within the minute');
  });

  it('writes sentences for people that parse back, with a zone that has underscores and slashes', async () => {
    const t = await withReminders();
    t.standin.workspace.addUser({ id: 'UMEXICO', name: 'lucia', tz: 'America/Mexico_City' });
    t.standin.workspace.addUser({ id: 'UTELL', name: 'tell', tz: 'America/Indiana/Tell_City' });
    await task(t, 'remind me 7d', 'UMEXICO');
    await task(t, 'remind me', 'UTELL');
    const texts = [
      ...t.standin.workspace.scheduled(t.standin.workspace.imWith('UMEXICO').id),
      ...t.standin.workspace.scheduled(t.standin.workspace.imWith('UTELL').id),
    ].map((s) => s.text);
    expect(texts).toHaveLength(4);
    for (const text of texts) {
      expect(text).not.toMatch(/hackathon-bot (follow|reminder)|_/);
      expect(text).toMatch(/Sent (\d+ days? before the start|on the first day,)/);
    }
    expect(texts[0]).toContain('You asked for reminders 7 days before, in Mexico City time.');
    expect(parseRequestSentence(texts[0] ?? '')).toEqual({ zone: 'America/Mexico_City', days: [7] });
    expect(parseRequestSentence(texts[1] ?? '')).toEqual({ zone: 'America/Indiana/Tell_City' });
    // Asked again, nothing changes: the text read back is the same request.
    await task(t, 'remind me 7d', 'UMEXICO');
    expect(t.standin.callsTo('chat.deleteScheduledMessage')).toHaveLength(0);
  });

  it('keeps a wish before a date exists in a note that goes out at 09:00 in the person’s zone', async () => {
    now = new Date('2026-09-01T13:17:00Z');
    const t = await startTestBot({ CONTENT_DIR: eventContent() }, { clock });
    running.push(t);
    await task(t, 'remind me', 'U_MEMBER');
    const [note] = t.standin.workspace.scheduled(t.standin.workspace.imWith('U_MEMBER').id);
    const local = DateTime.fromSeconds(note?.post_at ?? 0, { zone: 'America/New_York' });
    expect(local.toFormat('HH:mm')).toBe('09:00');
    const daysAhead = ((note?.post_at ?? 0) - now.getTime() / 1000) / 86_400;
    expect(daysAhead).toBeGreaterThan(60);
    expect(daysAhead).toBeLessThanOrEqual(119);
    expect(parseRequestSentence(note?.text ?? '')).toEqual({ zone: 'America/New_York' });
  });
});
