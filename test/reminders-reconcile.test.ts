import { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import type { NextEvent } from '../src/content/model.js';
import { createLogger } from '../src/logger.js';
import { decideReconcile, duplicateReminders, type ReconcileSummary } from '../src/reminders/reconcile.js';
import { isReminderText, parseReminderKey } from '../src/reminders/sentences.js';
import { reconcileReminders } from '../src/services/scheduled-reminders.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { reminderMessage } from '../src/views/reminder.js';
import { BOT_TOKEN, commandAnswer, FAST_RETRIES, launchBot } from './support/bot.js';
import { eventContent, removeEventContent } from './support/content.js';
import { visibleText } from './support/visible.js';

async function eventFor(start?: string): Promise<NextEvent> {
  const content = await loadContent(eventContent(start));
  if (!content.next) throw new Error('next-hackathon.md did not load');
  return content.next;
}

afterAll(removeEventContent);

const berlin = (seconds: number) => DateTime.fromSeconds(seconds, { zone: 'Europe/Berlin' });

describe('reconciling reminders with Slack', () => {
  let now: Date;
  let standin: SlackStandin;
  let lines: string[];
  const clock = () => now;
  const logger = () => createLogger('debug', (_level, line) => lines.push(line));
  const client = () =>
    new WebClient(BOT_TOKEN, {
      slackApiUrl: standin.apiUrl,
      logger: logger(),
      retryConfig: FAST_RETRIES,
    });
  const pass = (event: NextEvent, web = client()): Promise<ReconcileSummary> =>
    reconcileReminders(web, {
      channel: 'C_GENERAL',
      event,
      now: clock(),
      message: (reminder) => reminderMessage(event, reminder),
      logger: logger(),
    });
  const scheduled = () => standin.workspace.scheduled('C_GENERAL');
  const keys = () => scheduled().map((s) => parseReminderKey(s.text));

  beforeEach(async () => {
    now = new Date('2026-11-27T10:00:00Z');
    lines = [];
    standin = await startSlackStandin({ clock });
  });
  afterEach(async () => {
    await standin.close();
  });

  it('schedules the 7-day, 1-day and day-of reminders at 09:00 Berlin for an event 10 days ahead', async () => {
    const summary = await pass(await eventFor('2026-12-07'));
    expect(summary).toEqual({ kept: 0, scheduled: 3, deleted: 0, later: 0, failed: 0 });
    expect(keys()).toEqual([
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:0d',
    ]);
    expect(scheduled().map((s) => berlin(s.post_at).toFormat('yyyy-MM-dd HH:mm'))).toEqual([
      '2026-11-30 09:00',
      '2026-12-06 09:00',
      '2026-12-07 09:00',
    ]);
    expect(scheduled().every((s) => isReminderText(s.text) && (s.blocks?.length ?? 0) > 0)).toBe(true);
    expect(lines.some((l) => /kept 0, scheduled 3, deleted 0, later 0, failed 0/.test(l))).toBe(true);

    // Slack posts them on its own when the time comes, whether the bot runs or not.
    now = new Date('2026-11-30T08:00:00Z');
    standin.workspace.deliverDueScheduled(now);
    const posted = standin.workspace.messages('C_GENERAL').filter((m) => isReminderText(m.text));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.text).toMatch(/starts in 7 days/);
  });

  it('joins a public channel it is not in to schedule there, and asks to be invited to a private one', async () => {
    const event = await eventFor('2026-12-07');
    const summary = await reconcileReminders(client(), {
      channel: 'C_RANDOM',
      event,
      now: clock(),
      message: (reminder) => reminderMessage(event, reminder),
      logger: logger(),
    });
    expect(summary).toMatchObject({ scheduled: 3, failed: 0 });
    expect(standin.callsTo('conversations.join').map((c) => c.args.channel)).toEqual(['C_RANDOM']);
    expect(standin.workspace.scheduled('C_RANDOM')).toHaveLength(3);

    const refused = await reconcileReminders(client(), {
      channel: 'G_PRIVATE',
      event,
      now: clock(),
      message: (reminder) => reminderMessage(event, reminder),
      logger: logger(),
    });
    expect(refused).toMatchObject({ scheduled: 0, failed: 3 });
    expect(lines.some((l) => /G_PRIVATE.*invite it with \/invite @hackathon-bot/.test(l))).toBe(true);
  });

  it('changes nothing on a second pass (a restart)', async () => {
    const event = await eventFor('2026-12-07');
    await pass(event);
    const before = scheduled().map((s) => s.id);
    const summary = await pass(event);
    expect(summary).toEqual({ kept: 3, scheduled: 0, deleted: 0, later: 0, failed: 0 });
    expect(scheduled().map((s) => s.id)).toEqual(before);
    expect(standin.callsTo('chat.scheduleMessage')).toHaveLength(3);
  });

  it('leaves exactly one per reminder when two instances reconcile at the same moment', async () => {
    const event = await eventFor('2026-12-07');
    // Both instances' first listing is answered only once both have asked, so both see nothing scheduled
    // and both schedule everything: the race, every time.
    let arrived = 0;
    let release = () => {};
    const bothListed = new Promise<void>((resolve) => {
      release = resolve;
    });
    const racing = () =>
      new WebClient(BOT_TOKEN, {
        slackApiUrl: standin.apiUrl,
        logger: logger(),
        fetch: async (input, init) => {
          const first = String(input).endsWith('/chat.scheduledMessages.list') && arrived < 2;
          const response = fetch(input, init);
          if (!first) return response;
          arrived += 1;
          if (arrived === 2) release();
          await bothListed;
          return response;
        },
      });
    const [a, b] = await Promise.all([pass(event, racing()), pass(event, racing())]);
    expect(standin.callsTo('chat.scheduleMessage')).toHaveLength(6);
    expect(keys().sort()).toEqual([
      'hackathon-reminder:2026-12-07:0d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:7d',
    ]);
    expect(a.deleted + b.deleted).toBe(3);
    // Each survivor is the lowest id of its key, the one either instance would have kept.
    const lowest = new Map<string, string>();
    for (const call of standin.callsTo('chat.scheduleMessage')) {
      const key = parseReminderKey(String(call.args.text)) ?? '';
      const id =
        (call.result?.body as { scheduled_message_id?: string } | undefined)?.scheduled_message_id ?? '';
      if (!lowest.has(key) || id < (lowest.get(key) ?? '')) lowest.set(key, id);
    }
    expect(
      scheduled()
        .map((s) => s.id)
        .sort(),
    ).toEqual([...lowest.values()].sort());
    expect(await pass(event)).toMatchObject({ kept: 3, scheduled: 0, deleted: 0 });
  });

  it('deletes duplicates and strays found in Slack, keeping the lowest id', async () => {
    const event = await eventFor('2026-12-07');
    await pass(event);
    const [first] = scheduled();
    if (!first) throw new Error('nothing scheduled');
    const copy = standin.workspace.schedule({
      channel: 'C_GENERAL',
      post_at: first.post_at,
      text: first.text,
    });
    const moved = standin.workspace.schedule({
      channel: 'C_GENERAL',
      post_at: first.post_at + 3600,
      text: scheduled()[1]?.text ?? '',
    });
    const foreign = standin.workspace.schedule({
      channel: 'C_GENERAL',
      post_at: first.post_at,
      text: 'lunch!',
    });
    const summary = await pass(event);
    expect(summary).toMatchObject({ kept: 3, scheduled: 0, deleted: 2 });
    const ids = scheduled().map((s) => s.id);
    expect(ids).toContain(first.id);
    expect(ids).not.toContain(copy.id);
    expect(ids).not.toContain(moved.id);
    // Someone else's scheduled message is not the bot's to delete.
    expect(ids).toContain(foreign.id);
  });

  it('replaces the reminders when the date moves', async () => {
    await pass(await eventFor('2026-12-07'));
    const old = scheduled().map((s) => s.id);
    const summary = await pass(await eventFor('2026-12-14'));
    expect(summary).toMatchObject({ kept: 0, scheduled: 3, deleted: 3 });
    expect(scheduled().some((s) => old.includes(s.id))).toBe(false);
    expect(keys()).toEqual([
      'hackathon-reminder:2026-12-14:7d',
      'hackathon-reminder:2026-12-14:1d',
      'hackathon-reminder:2026-12-14:0d',
    ]);
    expect(berlin(scheduled()[0]?.post_at ?? 0).toFormat('yyyy-MM-dd HH:mm')).toBe('2026-12-07 09:00');
  });

  it('waits with reminders beyond 120 days, and schedules them as the clock moves on', async () => {
    now = new Date('2026-05-01T10:00:00Z');
    const event = await eventFor('2026-12-07');
    expect(await pass(event)).toEqual({ kept: 0, scheduled: 0, deleted: 0, later: 4, failed: 0 });
    expect(scheduled()).toEqual([]);
    expect(standin.callsTo('chat.scheduleMessage')).toHaveLength(0);
    now = new Date('2026-09-01T10:00:00Z');
    expect(await pass(event)).toMatchObject({ scheduled: 4, later: 0, failed: 0 });
    expect(keys()).toEqual([
      'hackathon-reminder:2026-12-07:28d',
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:0d',
    ]);
  });

  it('schedules nothing for a past event or one without a date, and removes what an old date left', async () => {
    const past = await pass(await eventFor('2026-11-01'));
    expect(past).toEqual({ kept: 0, scheduled: 0, deleted: 0, later: 0, failed: 0 });
    expect(await pass(await eventFor())).toEqual({ kept: 0, scheduled: 0, deleted: 0, later: 0, failed: 0 });
    expect(standin.callsTo('chat.scheduleMessage')).toHaveLength(0);

    await pass(await eventFor('2026-12-07'));
    expect(scheduled()).toHaveLength(3);
    expect(await pass(await eventFor())).toMatchObject({ deleted: 3 });
    expect(scheduled()).toEqual([]);
  });

  it('logs a rate-limited schedule in one line and schedules it on the next pass', async () => {
    const event = await eventFor('2026-12-07');
    // Three 429s: the first attempt and both WebClient retries.
    standin.fail('chat.scheduleMessage', { kind: 'ratelimited', retryAfterSeconds: 0, times: 3 });
    expect(await pass(event)).toMatchObject({ scheduled: 2, failed: 1 });
    const failure = lines.filter((l) => l.includes('could not schedule'));
    expect(failure).toHaveLength(1);
    expect(failure[0]).toMatch(/hackathon-reminder:2026-12-07:7d.*Mon 30 Nov 2026, 09:00 CET.*next pass/);
    expect(failure[0]).not.toContain('\n');
    expect(await pass(event)).toMatchObject({ kept: 2, scheduled: 1, failed: 0 });
    expect(scheduled()).toHaveLength(3);
  });

  it('survives a 500 and a listing that fails, without throwing', async () => {
    const event = await eventFor('2026-12-07');
    standin.fail('chat.scheduleMessage', { kind: 'status', status: 500, times: 3 });
    expect(await pass(event)).toMatchObject({ scheduled: 2, failed: 1 });
    standin.fail('chat.scheduledMessages.list', { kind: 'error', error: 'internal_error' });
    expect(await pass(event)).toMatchObject({ scheduled: 0, failed: 3 });
    expect(lines.some((l) => /could not list the scheduled messages.*internal_error/.test(l))).toBe(true);
    expect(await pass(event)).toMatchObject({ kept: 2, scheduled: 1, failed: 0 });
  });

  it('treats a reminder already deleted by someone else as gone', async () => {
    await pass(await eventFor('2026-12-07'));
    standin.fail('chat.deleteScheduledMessage', {
      kind: 'error',
      error: 'invalid_scheduled_message_id',
      times: 3,
    });
    expect(await pass(await eventFor('2026-12-14'))).toMatchObject({ deleted: 0, scheduled: 3, failed: 0 });
    expect(lines.some((l) => l.includes('could not delete'))).toBe(false);
  });
});

describe('the reconcile decisions', () => {
  const item = (id: string, key: string, postAt: number) => ({ id, key, postAt, channel: 'C1' });
  const planned = (key: string, seconds: number) => ({
    daysBefore: 7,
    postAt: new Date(seconds * 1000),
    localLabel: '',
    key,
  });

  it('keeps the lowest id per key, whatever order Slack lists them in', () => {
    const list = [item('Q1000000010', 'k', 100), item('Q999', 'k', 100), item('Q1000000009', 'k', 100)];
    expect(duplicateReminders(list).map((s) => s.id)).toEqual(['Q1000000009', 'Q1000000010']);
    const decision = decideReconcile(list, { due: [planned('k', 100)], past: [] });
    expect(decision.keep.map((s) => s.id)).toEqual(['Q999']);
    expect(decision.schedule).toEqual([]);
  });

  it('leaves a reminder that is about to go out alone', () => {
    const decision = decideReconcile([item('Q1', 'k', 100)], { due: [], past: [planned('k', 100)] });
    expect(decision.remove).toEqual([]);
  });
});

/** A channel and an announcer with ids that pass the settings' validation (the seeded ones have `_`). */
const CHANNEL = 'CHACKATHON';
const ANNOUNCER = 'UANNOUNCER';

interface ReminderBot {
  standin: SlackStandin;
  requestUrl: string;
  close(): Promise<void>;
}

async function startReminderBot(
  env: Record<string, string>,
  options: { clock: () => Date; backgroundJobs?: boolean },
): Promise<ReminderBot> {
  const standin = await startSlackStandin({ clock: options.clock });
  standin.workspace.addUser({ id: ANNOUNCER, name: 'anna', tz: 'Europe/Berlin' });
  standin.workspace.addChannel({ id: CHANNEL, name: 'hackathon', members: ['UBOT', 'U_ADMIN', 'U_MEMBER'] });
  const t = await launchBot(standin, {
    env: { ANNOUNCE_CHANNEL: CHANNEL, LOG_LEVEL: 'error', ...env },
    clock: options.clock,
    backgroundJobs: options.backgroundJobs,
  });
  return {
    standin,
    requestUrl: t.requestUrl,
    async close() {
      await t.close();
      await standin.close();
    },
  };
}

async function command(t: ReminderBot, text: string, user: string): Promise<string> {
  return visibleText(await commandAnswer(t, text, user));
}

describe('/hackathon reminders through the bot', () => {
  let now = new Date('2026-11-27T10:00:00Z');
  const clock = () => now;

  it('lists the scheduled reminders for an announcer, refuses a member, and cancels them', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const t = await startReminderBot(
      { CONTENT_DIR: eventContent('2026-12-07') },
      { clock, backgroundJobs: true },
    );
    try {
      // The start-up pass: three schedules, then the listing that looks for duplicates.
      await t.standin.waitFor('chat.scheduledMessages.list', 2);
      expect(t.standin.workspace.scheduled(CHANNEL)).toHaveLength(3);

      const listed = await command(t, 'reminders', 'U_ADMIN');
      expect(listed).toContain(`Scheduled in <#${CHANNEL}>`);
      expect(listed).toContain('7 days before: Mon 30 Nov 2026, 09:00 CET');
      expect(listed).toContain('1 day before: Sun 6 Dec 2026, 09:00 CET');
      expect(listed).toContain('On the first day: Mon 7 Dec 2026, 09:00 CET');

      // Background passes list other channels meanwhile; only this channel's listings tell the refusal apart.
      const listsHere = () =>
        t.standin.callsTo('chat.scheduledMessages.list').filter((c) => c.args.channel === CHANNEL).length;
      const lists = listsHere();
      const refused = await command(t, 'reminders cancel', 'U_MEMBER');
      expect(refused).toMatch(/only workspace admins and owners can manage reminders/);
      expect(listsHere()).toBe(lists);
      expect(t.standin.workspace.scheduled(CHANNEL)).toHaveLength(3);

      const cancelled = await command(t, 'reminders cancel', 'U_ADMIN');
      expect(cancelled).toContain(`Deleted 3 scheduled reminders in <#${CHANNEL}>`);
      expect(t.standin.workspace.scheduled(CHANNEL)).toEqual([]);
      expect(await command(t, 'reminders', 'U_ADMIN')).toContain(
        `No reminders are scheduled in <#${CHANNEL}>`,
      );
    } finally {
      await t.close();
    }
  });

  it('shows what comes later for an event beyond the 120-day window', async () => {
    now = new Date('2026-05-01T10:00:00Z');
    const t = await startReminderBot(
      { CONTENT_DIR: eventContent('2026-12-07'), ANNOUNCERS: ANNOUNCER },
      { clock },
    );
    try {
      const body = await command(t, 'reminders', ANNOUNCER);
      expect(body).toContain(`No reminders are scheduled in <#${CHANNEL}>`);
      expect(body).toContain("*Later*, once inside Slack's 120-day scheduling window");
      expect(body).toContain('28 days before: Mon 9 Nov 2026, 09:00 CET');
      // ANNOUNCERS decides alone: no role lookup.
      expect(t.standin.callsTo('users.info')).toHaveLength(0);
      expect(await command(t, 'reminders', 'U_ADMIN')).toMatch(/only <@UANNOUNCER> can manage reminders/);
    } finally {
      await t.close();
    }
  });
});
