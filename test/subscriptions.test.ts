import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import type { BotContext } from '../src/context.js';
import { Library } from '../src/library.js';
import { parseReminderKey } from '../src/reminders/sentences.js';
import { ANNOUNCED_EVENT_TYPE } from '../src/services/announce.js';
import { subscriptionPass } from '../src/services/subscriptions.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import type { RunningBot } from '../src/start.js';
import { commandAnswer, launchBot } from './support/bot.js';
import { eventContent, removeEventContent } from './support/content.js';
import { visibleText } from './support/visible.js';

const PUBLIC = 'CPUBLIC';
const SECRET = 'GSECRET';
const ANNOUNCE = 'CANNOUNCE';

afterAll(removeEventContent);

const now = new Date('2026-11-27T10:00:00Z');
const clock = () => now;

interface Setup {
  standin: SlackStandin;
  bot: RunningBot;
  requestUrl: string;
  content: string;
}

const open: Setup[] = [];

afterEach(async () => {
  for (const s of open.splice(0)) {
    await s.bot.stop();
    await s.standin.close();
  }
});

async function setup(env: Record<string, string> = {}): Promise<Setup> {
  const standin = await startSlackStandin({ clock });
  const people = ['U_ADMIN', 'U_MEMBER'];
  standin.workspace.addChannel({ id: PUBLIC, name: 'gardener', members: people });
  standin.workspace.addChannel({ id: SECRET, name: 'secret', is_private: true, members: people });
  standin.workspace.addChannel({ id: ANNOUNCE, name: 'announcements', members: ['UBOT', ...people] });
  const content = eventContent('2026-12-07');
  const { bot, requestUrl } = await launchBot(standin, {
    env: { CONTENT_DIR: content, ANNOUNCE_CHANNEL: ANNOUNCE, LOG_LEVEL: 'error', ...env },
    clock,
  });
  const s = { standin, bot, requestUrl, content };
  open.push(s);
  return s;
}

/** Sends the command; resolves with its answer once the handler has finished everything it does. */
async function command(s: Setup, text: string, user: string, channel: string): Promise<string> {
  return visibleText(await commandAnswer(s, text, user, channel));
}

/** Waits for the announcement a subscribe posts after its reply: the parent and one reply per section. */
async function announcedIn(s: Setup, channel: string): Promise<void> {
  await s.standin.waitFor((c) => c.method === 'chat.postMessage' && c.args.channel === channel, 6);
}

function announcements(standin: SlackStandin, channel: string) {
  return standin.workspace
    .messages(channel)
    .filter((m) => m.ephemeralTo === undefined && m.metadata?.event_type === ANNOUNCED_EVENT_TYPE);
}

function reminderKeys(standin: SlackStandin, channel: string) {
  return standin.workspace.scheduled(channel).map((s) => parseReminderKey(s.text));
}

async function pass(s: Setup) {
  const library = new Library(await loadContent(s.content));
  const context: BotContext = {
    settings: s.bot.settings,
    library: () => library,
    clock,
    logger: s.bot.logger,
    botUserId: 'UBOT',
  };
  return subscriptionPass(context, s.bot.app.client);
}

describe('/hackathon subscribe and unsubscribe', () => {
  it('joins a public channel, schedules the reminders there and announces the latest recap once', async () => {
    const s = await setup();
    const reply = await command(s, 'subscribe', 'U_ADMIN', PUBLIC);
    expect(reply).toContain(`<#${PUBLIC}> is subscribed`);
    expect(reply).toContain('7 days before: Mon 30 Nov 2026, 09:00 CET');
    expect(s.standin.callsTo('conversations.join')).toHaveLength(1);
    expect(s.standin.workspace.isMember(PUBLIC)).toBe(true);
    expect(reminderKeys(s.standin, PUBLIC)).toEqual([
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:0d',
    ]);
    await announcedIn(s, PUBLIC);
    expect(announcements(s.standin, PUBLIC)).toHaveLength(1);

    expect(await command(s, 'subscribe', 'U_ADMIN', PUBLIC)).toContain('is already subscribed');
    expect(s.standin.callsTo('chat.scheduleMessage')).toHaveLength(3);
  });

  it('asks to be invited into a private channel, and counts it once it is', async () => {
    const s = await setup();
    const reply = await command(s, 'subscribe', 'U_ADMIN', SECRET);
    expect(reply).toContain('/invite @hackathon-bot');
    expect(s.standin.workspace.isMember(SECRET)).toBe(false);
    expect(s.standin.workspace.scheduled(SECRET)).toEqual([]);

    s.standin.workspace.join(SECRET);
    expect(await command(s, 'subscribe', 'U_ADMIN', SECRET)).toContain('is already subscribed');
    expect(reminderKeys(s.standin, SECRET)).toHaveLength(3);
    await announcedIn(s, SECRET);
    expect(announcements(s.standin, SECRET)).toHaveLength(1);
  });

  it('announces once per subscribed channel and schedules their reminders, however many passes run', async () => {
    const s = await setup();
    s.standin.workspace.join(PUBLIC);
    s.standin.workspace.join(SECRET);
    const first = await pass(s);
    const second = await pass(s);
    // C_GENERAL (the bot was already in it), the two joined here and ANNOUNCE_CHANNEL, which the reminder
    // pass covers and AUTO_ANNOUNCE governs.
    expect(first).toMatchObject({ channels: 3, announced: 3, scheduled: 9, failed: 0 });
    expect(second).toMatchObject({ channels: 3, announced: 0, scheduled: 0, failed: 0 });
    for (const channel of ['C_GENERAL', PUBLIC, SECRET]) {
      expect(announcements(s.standin, channel)).toHaveLength(1);
      expect(reminderKeys(s.standin, channel)).toHaveLength(3);
    }
    expect(announcements(s.standin, ANNOUNCE)).toEqual([]);
    expect(s.standin.workspace.scheduled(ANNOUNCE)).toEqual([]);
    // Membership is read from Slack, not remembered.
    expect(s.standin.callsTo('users.conversations')).toHaveLength(2);
  });

  it('removes the reminders and leaves on unsubscribe; a private channel is asked to remove the bot', async () => {
    const s = await setup();
    s.standin.workspace.join(PUBLIC);
    s.standin.workspace.join(SECRET);
    await pass(s);

    const left = await command(s, 'unsubscribe', 'U_ADMIN', PUBLIC);
    expect(left).toContain(
      `<#${PUBLIC}> is unsubscribed: I left the channel and removed 3 scheduled reminders`,
    );
    expect(s.standin.workspace.scheduled(PUBLIC)).toEqual([]);
    expect(s.standin.workspace.isMember(PUBLIC)).toBe(false);

    const asked = await command(s, 'unsubscribe', 'U_ADMIN', SECRET);
    expect(asked).toContain('private channel, so I cannot leave it myself');
    expect(s.standin.workspace.scheduled(SECRET)).toEqual([]);
    expect(s.standin.callsTo('conversations.leave')).toHaveLength(1);

    // The next pass no longer serves the channel the bot left.
    await pass(s);
    expect(s.standin.workspace.scheduled(PUBLIC)).toEqual([]);
    expect(await command(s, 'unsubscribe', 'U_ADMIN', ANNOUNCE)).toContain('ANNOUNCE_CHANNEL');
  });

  it('refuses a member politely, naming who can', async () => {
    const s = await setup();
    const reply = await command(s, 'subscribe', 'U_MEMBER', PUBLIC);
    expect(reply).toContain('only workspace admins and owners can subscribe or unsubscribe channels');
    expect(await command(s, 'unsubscribe', 'U_MEMBER', 'C_GENERAL')).toContain(
      'only workspace admins and owners',
    );
    expect(s.standin.callsTo('conversations.join')).toHaveLength(0);
    expect(s.standin.callsTo('conversations.leave')).toHaveLength(0);
    expect(s.standin.workspace.isMember(PUBLIC)).toBe(false);
  });

  it('lets any member subscribe with OPEN_SUBSCRIPTIONS', async () => {
    const s = await setup({ OPEN_SUBSCRIPTIONS: 'true' });
    expect(await command(s, 'subscribe', 'U_MEMBER', PUBLIC)).toContain(`<#${PUBLIC}> is subscribed`);
    expect(s.standin.workspace.isMember(PUBLIC)).toBe(true);
    expect(s.standin.callsTo('users.info')).toHaveLength(0);
    await announcedIn(s, PUBLIC);
  });
});
