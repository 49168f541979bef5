import { WebClient } from '@slack/web-api';
import { DateTime } from 'luxon';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import type { NextEvent } from '../src/content/model.js';
import type { BotContext } from '../src/context.js';
import { Library } from '../src/library.js';
import { createLogger } from '../src/logger.js';
import { type PersonalRequest, planPersonalReminders } from '../src/reminders/personal.js';
import { postAtSeconds } from '../src/reminders/reconcile.js';
import { isReminderText, parseReminderKey, parseRequestSentence } from '../src/reminders/sentences.js';
import { PERSONAL_REMINDERS_CONCURRENCY, personalRemindersPass } from '../src/services/personal-reminders.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { personalReminderMessage } from '../src/views/personal-reminders.js';
import { BOT_TOKEN, commandAnswer, FAST_RETRIES, launchBot, type TestBot } from './support/bot.js';
import { eventContent, removeEventContent } from './support/content.js';
import { visibleText } from './support/visible.js';

afterAll(removeEventContent);

let now = new Date('2026-11-27T10:00:00Z');
const clock = () => now;

type ReminderBot = TestBot;

const running: ReminderBot[] = [];
const standins: SlackStandin[] = [];

async function newStandin(): Promise<SlackStandin> {
  const standin = await startSlackStandin({ clock });
  standins.push(standin);
  return standin;
}

async function launch(
  standin: SlackStandin,
  content: string,
  backgroundJobs = false,
  env: Record<string, string> = {},
): Promise<ReminderBot> {
  const t = await launchBot(standin, { env: { CONTENT_DIR: content, ...env }, clock, backgroundJobs });
  running.push(t);
  return t;
}

afterEach(async () => {
  for (const t of running.splice(0)) await t.bot.stop();
  for (const s of standins.splice(0)) await s.close();
});

async function command(t: ReminderBot, text: string, user: string): Promise<string> {
  return visibleText(await commandAnswer(t, text, user));
}

/** The bot's DM with a user (the seeded admin already has one). */
function dmOf(standin: SlackStandin, user: string): string {
  return standin.workspace.imWith(user).id;
}

function localTimes(standin: SlackStandin, channel: string, zone: string): string[] {
  return standin.workspace
    .scheduled(channel)
    .map((s) => DateTime.fromSeconds(s.post_at, { zone }).toFormat('yyyy-MM-dd HH:mm'));
}

function keysIn(standin: SlackStandin, channel: string): (string | undefined)[] {
  return standin.workspace.scheduled(channel).map((s) => parseReminderKey(s.text));
}

/** A pass of the running bot against other content (what a restart with an edited file would see). */
async function passWith(t: ReminderBot, content: string, client: WebClient = t.bot.app.client) {
  const library = new Library(await loadContent(content));
  const context: BotContext = {
    settings: t.bot.settings,
    library: () => library,
    clock,
    logger: t.bot.logger,
    botUserId: 'UBOT',
  };
  return personalRemindersPass(context, client);
}

describe('/hackathon remind me', () => {
  it('schedules DMs at 09:00 in each person’s own zone, and says so in their local time', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const t = await launch(await newStandin(), eventContent('2026-12-07'));

    const berlin = await command(t, 'remind me', 'U_ADMIN');
    const newYork = await command(t, 'remind me', 'U_MEMBER');

    const adminDm = dmOf(t.standin, 'U_ADMIN');
    const memberDm = dmOf(t.standin, 'U_MEMBER');
    expect(localTimes(t.standin, adminDm, 'Europe/Berlin')).toEqual([
      '2026-11-30 09:00',
      '2026-12-06 09:00',
      '2026-12-07 09:00',
    ]);
    expect(localTimes(t.standin, memberDm, 'America/New_York')).toEqual([
      '2026-11-30 09:00',
      '2026-12-06 09:00',
      '2026-12-07 09:00',
    ]);
    // The same local time is a different instant: 09:00 in New York is 15:00 in Berlin.
    expect(localTimes(t.standin, memberDm, 'Europe/Berlin')[0]).toBe('2026-11-30 15:00');
    expect(keysIn(t.standin, memberDm)).toEqual([
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:0d',
    ]);
    expect(berlin).toContain('7 days before: Mon 30 Nov 2026, 09:00 CET');
    expect(newYork).toContain('7 days before: Mon 30 Nov 2026, 09:00 EST');
    expect(newYork).toContain('On the first day: Mon 7 Dec 2026, 09:00 EST');
    expect(newYork).toContain('(New York time)');
    // The 28-day reminder lies in the past: neither scheduled nor promised.
    expect(newYork).not.toContain('28 days');

    // Slack delivers them on its own; the DM reads as a reminder for that person's morning.
    now = new Date('2026-11-30T14:00:00Z');
    t.standin.workspace.deliverDueScheduled(now);
    const posted = t.standin.workspace.messages(memberDm).filter((m) => isReminderText(m.text));
    expect(posted.map((m) => m.text)).toEqual([expect.stringMatching(/starts in 7 days/)]);
    expect(t.standin.workspace.scheduled(memberDm)).toHaveLength(2);
  });

  it('changes nothing when asked twice, and removes everything with off', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const t = await launch(await newStandin(), eventContent('2026-12-07'));
    await command(t, 'remind me', 'U_MEMBER');
    const dm = dmOf(t.standin, 'U_MEMBER');
    const ids = t.standin.workspace.scheduled(dm).map((s) => s.id);
    expect(ids).toHaveLength(3);

    const again = await command(t, 'remind me', 'U_MEMBER');
    expect(again).toContain('I will remind you by direct message');
    expect(t.standin.workspace.scheduled(dm).map((s) => s.id)).toEqual(ids);
    expect(t.standin.callsTo('chat.scheduleMessage')).toHaveLength(3);
    expect(t.standin.callsTo('chat.deleteScheduledMessage')).toHaveLength(0);
    // Only that DM is listed: a command never reads everyone's reminders.
    expect(t.standin.callsTo('chat.scheduledMessages.list').every((c) => c.args.channel === dm)).toBe(true);

    const off = await command(t, 'remind me off', 'U_MEMBER');
    expect(off).toContain('no more hackathon reminders for you (3 scheduled messages removed)');
    expect(t.standin.workspace.scheduled(dm)).toEqual([]);
    expect(await command(t, 'remind me off', 'U_MEMBER')).toContain('nothing to remove');
  });

  it('takes custom days, keeps them in the DMs, and goes back to the event’s days when asked', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const t = await launch(await newStandin(), eventContent('2026-12-07'));
    const reply = await command(t, 'remind me 7d 1d', 'U_ADMIN');
    const dm = dmOf(t.standin, 'U_ADMIN');
    expect(keysIn(t.standin, dm)).toEqual([
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
    ]);
    expect(reply).toContain('7 days before: Mon 30 Nov 2026, 09:00 CET');
    expect(reply).toContain('1 day before: Sun 6 Dec 2026, 09:00 CET');
    expect(reply).not.toContain('On the first day');
    for (const s of t.standin.workspace.scheduled(dm)) {
      expect(parseRequestSentence(s.text)).toEqual({ zone: 'Europe/Berlin', days: [7, 1] });
    }

    // Back to the default: the two kept reminders carry the old request, so all three are written anew.
    await command(t, 'remind me', 'U_ADMIN');
    expect(keysIn(t.standin, dm)).toHaveLength(3);
    expect(t.standin.workspace.scheduled(dm).map((s) => parseRequestSentence(s.text))).toEqual([
      { zone: 'Europe/Berlin' },
      { zone: 'Europe/Berlin' },
      { zone: 'Europe/Berlin' },
    ]);
  });

  it('keeps the request of someone who asks before there is a date, and schedules once there is', async () => {
    now = new Date('2026-09-01T10:00:00Z');
    const t = await launch(await newStandin(), eventContent());
    const reply = await command(t, 'remind me', 'U_MEMBER');
    expect(reply).toContain('There is no date for *Hack The Garden* yet (early December)');
    expect(reply).toContain('I have noted your request');
    const dm = dmOf(t.standin, 'U_MEMBER');
    const [note, ...rest] = t.standin.workspace.scheduled(dm);
    expect(rest).toEqual([]);
    expect(note && isReminderText(note.text)).toBe(false);
    expect(parseRequestSentence(note?.text ?? '')).toEqual({ zone: 'America/New_York' });
    expect(await command(t, 'remind me', 'U_MEMBER')).toContain('I have noted your request');
    expect(t.standin.callsTo('chat.scheduleMessage')).toHaveLength(1);

    // The date is announced: the next pass turns the kept request into reminders.
    now = new Date('2026-11-20T10:00:00Z');
    expect(await passWith(t, eventContent('2026-12-07'))).toMatchObject({
      people: 1,
      scheduled: 3,
      deleted: 1,
    });
    expect(localTimes(t.standin, dm, 'America/New_York')).toEqual([
      '2026-11-30 09:00',
      '2026-12-06 09:00',
      '2026-12-07 09:00',
    ]);
    expect(keysIn(t.standin, dm)).not.toContain(undefined);
  });

  it('says what comes later, beyond Slack’s 120-day window, and schedules it when the time comes', async () => {
    now = new Date('2026-07-01T10:00:00Z');
    const t = await launch(await newStandin(), eventContent('2026-12-07'));
    const reply = await command(t, 'remind me', 'U_ADMIN');
    const dm = dmOf(t.standin, 'U_ADMIN');
    // 159 days ahead: every reminder lies beyond the window, so a request note holds it.
    expect(reply).toContain("*Later*, once inside Slack's 120-day scheduling window");
    expect(reply).toContain('28 days before: Mon 9 Nov 2026, 09:00 CET');
    expect(keysIn(t.standin, dm)).toEqual([undefined]);

    now = new Date('2026-09-01T10:00:00Z');
    expect(await passWith(t, eventContent('2026-12-07'))).toMatchObject({ scheduled: 4, deleted: 1 });
    expect(keysIn(t.standin, dm)).toEqual([
      'hackathon-reminder:2026-12-07:28d',
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:0d',
    ]);
  });

  it('moves everyone’s reminders when the date moves, on the pass after a restart', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const standin = await newStandin();
    const first = await launch(standin, eventContent('2026-12-07'));
    await command(first, 'remind me', 'U_ADMIN');
    await command(first, 'remind me 7d', 'U_MEMBER');
    await first.bot.stop();
    running.splice(0);

    const second = await launch(standin, eventContent('2026-12-14'), true);
    await second.logs.waitFor(/Personal reminders: 2 people/);
    expect(localTimes(standin, dmOf(standin, 'U_ADMIN'), 'Europe/Berlin')).toEqual([
      '2026-12-07 09:00',
      '2026-12-13 09:00',
      '2026-12-14 09:00',
    ]);
    expect(localTimes(standin, dmOf(standin, 'U_MEMBER'), 'America/New_York')).toEqual(['2026-12-07 09:00']);
    expect(keysIn(standin, dmOf(standin, 'U_MEMBER'))).toEqual(['hackathon-reminder:2026-12-14:7d']);
    // The pass needed nobody's profile: the zone is part of the request in the DM.
    expect(standin.callsTo('users.info')).toHaveLength(2);
  });
});

describe('the personal reminders pass', () => {
  const OLD = '2026-12-07';
  const NEW = '2026-12-14';

  async function eventFor(dir: string): Promise<NextEvent> {
    const content = await loadContent(dir);
    if (!content.next) throw new Error('next-hackathon.md did not load');
    return content.next;
  }

  /** People with personal reminders, written straight into the workspace, as a long-running bot would have left them. */
  function seedPeople(
    standin: SlackStandin,
    event: NextEvent,
    count: number,
    from: number,
    request: (i: number) => PersonalRequest,
  ): void {
    for (let i = from; i < from + count; i += 1) {
      const id = `UF${String(i).padStart(5, '0')}`;
      const wish = request(i);
      standin.workspace.addUser({ id, name: `person${i}`, tz: wish.zone });
      const dm = standin.workspace.imWith(id).id;
      for (const reminder of planPersonalReminders(event, wish, now).due) {
        const text = personalReminderMessage(event, wish, reminder).text;
        standin.workspace.schedule({ channel: dm, post_at: postAtSeconds(reminder), text });
      }
    }
  }

  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Los_Angeles'];

  it('reconciles 1,000 people’s reminders with one paged listing, touching only the ones that moved', {
    timeout: 60_000,
  }, async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const standin = await newStandin();
    const oldDir = eventContent(OLD);
    const newDir = eventContent(NEW);
    const t = await launch(standin, newDir);
    // 700 people already match the new date (another instance got there first), 300 still hold the
    // old one: a 1-day reminder each, half of them with a 7-day one too.
    seedPeople(standin, await eventFor(newDir), 700, 0, (i) => ({
      zone: zones[i % 4] ?? 'UTC',
      days: [1],
    }));
    seedPeople(standin, await eventFor(oldDir), 300, 700, (i) =>
      i % 2 ? { zone: zones[i % 4] ?? 'UTC', days: [7, 1] } : { zone: zones[i % 4] ?? 'UTC', days: [1] },
    );
    const total = standin.workspace.scheduled().length;
    const moved = total - 700;
    expect(moved).toBe(450);

    // Count what is in flight at once, as the tier-3 limits see it.
    let inFlight = 0;
    let most = 0;
    const client = new WebClient(BOT_TOKEN, {
      slackApiUrl: standin.apiUrl,
      logger: createLogger('error'),
      retryConfig: FAST_RETRIES,
      fetch: async (input, init) => {
        const tier3 = /chat\.(scheduleMessage|deleteScheduledMessage)$/.test(String(input));
        if (tier3) most = Math.max(most, ++inFlight);
        try {
          return await fetch(input, init);
        } finally {
          if (tier3) inFlight -= 1;
        }
      },
    });
    // Slack pushes back now and then; the WebClient waits and retries, the pass still completes.
    standin.fail('chat.scheduleMessage', { kind: 'ratelimited', retryAfterSeconds: 0, times: 2 });

    const started = performance.now();
    const summary = await passWith(t, newDir, client);
    const ms = performance.now() - started;

    const lists = standin.callsTo('chat.scheduledMessages.list');
    const pages = Math.ceil(total / 100);
    expect(summary).toMatchObject({
      people: 1000,
      kept: 700,
      scheduled: moved,
      deleted: moved,
      failed: 0,
    });
    // One listing before and one duplicate check after, each a page per 100: never one per person.
    expect(lists).toHaveLength(2 * pages);
    expect(lists.every((c) => c.args.channel === undefined)).toBe(true);
    expect(standin.callsTo('chat.deleteScheduledMessage')).toHaveLength(moved);
    // The two rate-limited attempts were retried by the WebClient.
    expect(standin.callsTo('chat.scheduleMessage')).toHaveLength(moved + 2);
    expect(standin.callsTo('users.info')).toHaveLength(0);
    expect(standin.callsTo('conversations.open')).toHaveLength(0);
    expect(most).toBeLessThanOrEqual(PERSONAL_REMINDERS_CONCURRENCY);
    const newKeys = new Set(
      standin.workspace.scheduled().map((s) => parseReminderKey(s.text)?.split(':')[1]),
    );
    expect([...newKeys]).toEqual([NEW]);
    console.info(
      `1,000 people (${total} reminders, ${moved} moved): ${lists.length} list calls, ${moved} deletes, ${moved + 2} schedule calls, ${Math.round(ms)} ms`,
    );

    // Nothing differs any more: the next pass is the listing alone.
    const before = standin.calls.length;
    expect(await passWith(t, newDir)).toMatchObject({ people: 1000, scheduled: 0, deleted: 0 });
    expect(standin.calls.slice(before).map((c) => c.method)).toEqual(
      Array.from({ length: pages }, () => 'chat.scheduledMessages.list'),
    );
  });

  it('retries a failed schedule on the next pass, and never forgets the person meanwhile', async () => {
    now = new Date('2026-11-27T10:00:00Z');
    const standin = await newStandin();
    const newDir = eventContent(NEW);
    const t = await launch(standin, newDir);
    seedPeople(standin, await eventFor(eventContent(OLD)), 2, 0, () => ({
      zone: 'Europe/Berlin',
      days: [1],
    }));
    standin.fail('chat.scheduleMessage', { kind: 'error', error: 'internal_error' });

    expect(await passWith(t, newDir)).toMatchObject({ scheduled: 1, deleted: 1, failed: 1, deferred: 1 });
    // The person whose new reminder failed still has the old one: Slack still knows they asked.
    expect(standin.workspace.scheduled().map((s) => parseReminderKey(s.text))).toEqual([
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-14:1d',
    ]);

    expect(await passWith(t, newDir)).toMatchObject({ kept: 1, scheduled: 1, deleted: 1, failed: 0 });
    expect(standin.workspace.scheduled().map((s) => parseReminderKey(s.text))).toEqual([
      'hackathon-reminder:2026-12-14:1d',
      'hackathon-reminder:2026-12-14:1d',
    ]);
    expect(new Set(standin.workspace.scheduled().map((s) => s.channel)).size).toBe(2);
  });
});
