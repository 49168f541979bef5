/**
 * Slack's documented quirks, as the stand-in keeps them: what the app sees over the Web API when it schedules,
 * lists, deletes and posts ephemeral messages into threads.
 */
import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { playgroundState } from '../src/playground/state.js';
import type { WorkspaceChange } from '../src/standin/model.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { slackError, standinClient } from './support/web-client.js';

const TOKEN = 'xoxb-quirks-test';
const START = new Date('2025-06-02T10:00:00Z');
const START_SECONDS = Math.floor(START.getTime() / 1000);

describe('the stand-in keeps Slack’s documented quirks', () => {
  let standin: SlackStandin;
  let client: WebClient;
  let now: Date;

  beforeEach(async () => {
    now = START;
    standin = await startSlackStandin({ clock: () => now });
    client = standinClient(standin, TOKEN, 0);
  });
  afterEach(async () => {
    await standin.close();
  });

  const at = (seconds: number) => new Date((START_SECONDS + seconds) * 1000);
  const history = async (channel = 'C_GENERAL') =>
    (await client.conversations.history({ channel })).messages?.map((m) => m.text) ?? [];

  describe('chat.deleteScheduledMessage', () => {
    it('answers invalid_scheduled_message_id within 60 s of post_at, and the message still posts', async () => {
      const postAt = START_SECONDS + 600;
      const { scheduled_message_id: id = '' } = await client.chat.scheduleMessage({
        channel: 'C_GENERAL',
        post_at: postAt,
        text: 'The hackathon starts tomorrow',
      });

      now = at(600 - 60);
      expect(
        await slackError(
          client.chat.deleteScheduledMessage({ channel: 'C_GENERAL', scheduled_message_id: id }),
        ),
      ).toBe('invalid_scheduled_message_id');
      const listed = await client.chat.scheduledMessages.list({ channel: 'C_GENERAL' });
      expect(listed.scheduled_messages?.map((s) => s.id)).toEqual([id]);

      now = at(601);
      expect(await history()).toEqual(['The hackathon starts tomorrow']);
    });

    it('still deletes a message due in more than 60 s', async () => {
      const { scheduled_message_id: id = '' } = await client.chat.scheduleMessage({
        channel: 'C_GENERAL',
        post_at: START_SECONDS + 600,
        text: 'gone',
      });
      now = at(600 - 61);
      expect(
        (await client.chat.deleteScheduledMessage({ channel: 'C_GENERAL', scheduled_message_id: id })).ok,
      ).toBe(true);
      now = at(601);
      expect(await history()).toEqual([]);
    });
  });

  it('accepts a scheduled message with metadata, and never posts it', async () => {
    const changes: WorkspaceChange[] = [];
    standin.on('change', (change) => changes.push(change));
    const scheduled = await client.chat.scheduleMessage({
      channel: 'C_GENERAL',
      post_at: START_SECONDS + 600,
      text: 'with metadata',
      metadata: { event_type: 'hackathon_reminder', event_payload: { days: 7 } },
    });
    expect(scheduled).toMatchObject({ ok: true, post_at: START_SECONDS + 600 });
    await client.chat.scheduleMessage({
      channel: 'C_GENERAL',
      post_at: START_SECONDS + 600,
      text: 'without',
    });

    now = at(601);
    expect(await history()).toEqual(['without']);
    expect((await client.chat.scheduledMessages.list({ channel: 'C_GENERAL' })).scheduled_messages).toEqual(
      [],
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'scheduled', id: scheduled.scheduled_message_id, action: 'lost' }),
    );
  });

  describe('restricted_too_many', () => {
    const schedule = (channel: string, offset: number) =>
      client.chat.scheduleMessage({
        channel,
        post_at: START_SECONDS + 3600 + offset,
        text: `at +${offset}s`,
      });

    it('refuses a 31st message within 5 minutes for one channel, not for another or later', async () => {
      for (let i = 0; i < 30; i++) await schedule('C_GENERAL', i * 10);
      expect(await slackError(schedule('C_GENERAL', 295))).toBe('restricted_too_many');
      expect(await slackError(schedule('C_GENERAL', -5))).toBe('restricted_too_many');
      // The 5 minutes from +10 s hold 29 of them: room for one more at +300 s.
      expect((await schedule('C_GENERAL', 300)).ok).toBe(true);
      expect(await slackError(schedule('C_GENERAL', 301))).toBe('restricted_too_many');
      expect((await schedule('C_GENERAL', 900)).ok).toBe(true);
      standin.workspace.join('C_RANDOM');
      expect((await schedule('C_RANDOM', 295)).ok).toBe(true);
      expect(standin.workspace.scheduled('C_GENERAL')).toHaveLength(32);
    });
  });

  it('lists scheduled messages by their text only: no blocks, no metadata', async () => {
    await client.chat.scheduleMessage({
      channel: 'C_GENERAL',
      post_at: START_SECONDS + 600,
      text: 'Reminder: the hackathon starts in 7 days',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Reminder*' } }],
    });
    const response = await fetch(`${standin.apiUrl}chat.scheduledMessages.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ channel: 'C_GENERAL' }),
    });
    const body = (await response.json()) as { scheduled_messages: Record<string, unknown>[] };
    expect(body.scheduled_messages).toHaveLength(1);
    expect(Object.keys(body.scheduled_messages[0] ?? {}).sort()).toEqual([
      'channel_id',
      'date_created',
      'id',
      'post_at',
      'text',
    ]);
    expect(body.scheduled_messages[0]?.text).toBe('Reminder: the hackathon starts in 7 days');
  });

  describe('ephemeral messages in threads', () => {
    it('answers ok but shows nothing in a thread that has no replies yet, and shows it once it has', async () => {
      const parent = await client.chat.postMessage({ channel: 'C_GENERAL', text: 'a question' });
      const thread_ts = parent.ts ?? '';
      const hidden = await client.chat.postEphemeral({
        channel: 'C_GENERAL',
        user: 'U_MEMBER',
        text: 'only if the thread is active',
        thread_ts,
      });
      expect(hidden).toMatchObject({ ok: true, message_ts: expect.any(String) });
      expect(standin.workspace.message('C_GENERAL', hidden.message_ts ?? '')).toMatchObject({
        notShown: 'inactive_thread',
      });
      const seen = () => standin.workspace.visibleTo('C_GENERAL', 'U_MEMBER').map((m) => m.text);
      expect(seen()).toEqual(['a question']);

      await client.chat.postMessage({ channel: 'C_GENERAL', text: 'a reply', thread_ts });
      await client.chat.postEphemeral({
        channel: 'C_GENERAL',
        user: 'U_MEMBER',
        text: 'now shown',
        thread_ts,
      });
      await client.chat.postEphemeral({ channel: 'C_GENERAL', user: 'U_MEMBER', text: 'top level' });
      expect(seen()).toEqual(['a question', 'a reply', 'now shown', 'top level']);
      expect(standin.workspace.visibleTo('C_GENERAL', 'U_ADMIN').map((m) => m.text)).toEqual([
        'a question',
        'a reply',
      ]);

      // The playground shows a person what Slack would show them, and nothing more.
      const people = [{ id: 'U_MEMBER', name: 'Max Member', announcer: false }];
      const state = playgroundState(standin.workspace, 'U_MEMBER', people);
      expect(state.messages.filter((m) => m.channel === 'C_GENERAL').map((m) => m.text)).toEqual(seen());
    });
  });
});
