import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import { Library } from '../src/library.js';
import { createLogger } from '../src/logger.js';
import { ANNOUNCED_EVENT_TYPE, autoAnnounce } from '../src/services/announce.js';
import { blockActionsPayload, sendInteraction } from '../src/standin/requests.js';
import { type RecordedCall, type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import type { RunningBot } from '../src/start.js';
import type { SlackMessage } from '../src/views/message.js';
import { BOT_TOKEN, commandAnswer, launchBot, SIGNING_SECRET, type TestBot } from './support/bot.js';
import { limitProblems } from './support/limits.js';
import { buttonsIn, visibleText } from './support/visible.js';

/** A channel whose id passes the settings' validation (the seeded ones have `_`), with the bot in it. */
const CHANNEL = 'CHACKATHON';
const SECTIONS = 5;
const TOPICS = 15;

async function newStandin(): Promise<SlackStandin> {
  const standin = await startSlackStandin();
  standin.workspace.addChannel({ id: CHANNEL, name: 'hackathon', members: ['UBOT', 'U_ADMIN', 'U_MEMBER'] });
  return standin;
}

function launch(
  standin: SlackStandin,
  env: Record<string, string> = {},
  backgroundJobs = false,
): Promise<TestBot> {
  return launchBot(standin, { env, backgroundJobs });
}

/** The ts Slack gave a posted message. */
function tsOf(call: RecordedCall | undefined): string {
  return (call?.result?.body as { ts?: string } | undefined)?.ts ?? '';
}

/** Top-level announcements in a channel, and the thread replies under each. */
function announcements(standin: SlackStandin, channel: string) {
  const messages = standin.workspace.messages(channel).filter((m) => m.ephemeralTo === undefined);
  const parents = messages.filter((m) => m.metadata?.event_type === ANNOUNCED_EVENT_TYPE);
  return parents.map((parent) => ({
    parent,
    replies: messages.filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts),
  }));
}

describe('/hackathon announce', () => {
  let standin: SlackStandin;
  let requestUrl: string;
  let bot: RunningBot;

  beforeEach(async () => {
    standin = await newStandin();
    ({ bot, requestUrl } = await launch(standin));
  });
  afterEach(async () => {
    await bot.stop();
    await standin.close();
  });

  async function command(text: string, user: string, channel = 'C_GENERAL') {
    return commandAnswer({ standin, requestUrl }, text, user, channel);
  }

  /** Clicks a preview button; resolves with the `count` answers it sends through the response URL. */
  async function click(preview: unknown, actionId: string, user: string, channel: string, count: number) {
    const button = buttonsIn(preview).find((b) => b.action_id === actionId);
    const before = standin.responses.length;
    const waiting = standin.waitForResponse(before + count);
    await sendInteraction(
      requestUrl,
      SIGNING_SECRET,
      blockActionsPayload({
        user,
        channel,
        actionId,
        value: button?.value ?? '',
        responseUrl: standin.responseUrl({ channel, user }),
      }),
    );
    return (await waiting).slice(before).map((r) => r.body as SlackMessage & Record<string, unknown>);
  }

  it('previews privately with Post / Cancel, then posts a parent and one thread reply per section', async () => {
    const preview = await command('announce', 'U_ADMIN');
    expect(preview.response_type).toBe('ephemeral');
    expect(buttonsIn(preview).map((b) => b.action_id)).toEqual(['announce_post', 'announce_cancel']);
    expect(visibleText(preview)).toContain('Post* puts it in <#C_GENERAL>');
    expect(limitProblems(preview)).toEqual([]);
    expect(standin.callsTo('chat.postMessage')).toHaveLength(0);

    const posted = standin.waitFor('chat.postMessage', 1 + SECTIONS);
    const [posting, result] = await click(preview, 'announce_post', 'U_ADMIN', 'C_GENERAL', 2);
    const calls = await posted;
    expect(posting).toMatchObject({ replace_original: true });
    expect(result?.text).toBe('✅ Announced in <#C_GENERAL>, with 5 thread replies.');
    expect(result).toMatchObject({ replace_original: true });

    const [parentCall, ...replyCalls] = calls;
    const parentTs = tsOf(parentCall);
    expect(parentCall?.args.thread_ts).toBeUndefined();
    expect(parentCall?.args.metadata).toEqual({
      event_type: ANNOUNCED_EVENT_TYPE,
      event_payload: { hackathon_id: '2025-06', recap_id: '2025-06-schelklingen' },
    });
    const parent = visibleText(parentCall?.args);
    expect(parent).toContain('Hackathon June 2025');
    expect(parent).toContain('Read the blog post: Taking Gardener to the Next Level');
    expect(parent).toContain('15 topics in 5 sections');
    expect(parent).toContain('https://youtu.be/TCLXovw43HA|Watch the wrap-up recording');
    expect(parent).toContain('gardener.cloud/blog/2025/06/');
    expect(replyCalls.every((c) => c.args.thread_ts === parentTs)).toBe(true);
    expect(String(replyCalls[0]?.args.text)).toMatch(/^🚀 Modernizing Core Infrastructure and Networking/);
    expect(visibleText(replyCalls[0]?.args)).toContain(
      'Replacement of OpenVPN with Wireguard*  ▶ <https://youtu.be/TCLXovw43HA?t=104s|1:44>',
    );
    const lines = replyCalls.flatMap((c) => visibleText(c.args.blocks).match(/• /g) ?? []);
    expect(lines).toHaveLength(TOPICS);
    for (const call of replyCalls) expect(limitProblems(call.args as unknown as SlackMessage)).toEqual([]);

    const [announced] = announcements(standin, 'C_GENERAL');
    expect(announced?.replies).toHaveLength(SECTIONS);
  });

  it('takes the preview away on Cancel and posts nothing', async () => {
    const preview = await command('announce', 'U_ADMIN');
    const [removed] = await click(preview, 'announce_cancel', 'U_ADMIN', 'C_GENERAL', 1);
    expect(removed).toEqual({ delete_original: true });
    expect(standin.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('announces in a channel named in the command', async () => {
    const preview = await command(`announce <#${CHANNEL}|hackathon>`, 'U_ADMIN');
    expect(visibleText(preview)).toContain(`Post* puts it in <#${CHANNEL}>`);
    const posted = standin.waitFor('chat.postMessage', 1 + SECTIONS);
    await click(preview, 'announce_post', 'U_ADMIN', 'C_GENERAL', 2);
    expect((await posted).every((c) => c.args.channel === CHANNEL)).toBe(true);
  });

  it('refuses someone who may not announce, naming who can, and posts nothing', async () => {
    const refused = await command('announce', 'U_MEMBER');
    expect(refused.text).toMatch(/only workspace admins and owners can announce hackathons/);
    expect(buttonsIn(refused)).toEqual([]);
    // A Post click that did not come from an announcer's preview is refused as well.
    const admin = await command('announce', 'U_ADMIN');
    const [answer] = await click(admin, 'announce_post', 'U_MEMBER', 'C_GENERAL', 1);
    expect(answer?.text).toMatch(/only workspace admins and owners/);
    expect(standin.callsTo('chat.postMessage')).toHaveLength(0);
    expect(standin.callsTo('users.info').length).toBeLessThanOrEqual(2);
  });

  it('waits out a rate limit midway and still posts everything', async () => {
    const preview = await command('announce', 'U_ADMIN');
    const onCall = (call: { method: string }) => {
      if (call.method !== 'chat.postMessage') return;
      standin.fail('chat.postMessage', { kind: 'ratelimited', retryAfterSeconds: 0, times: 1 });
      standin.off('call', onCall);
    };
    standin.on('call', onCall);
    const [, result] = await click(preview, 'announce_post', 'U_ADMIN', 'C_GENERAL', 2);
    expect(result?.text).toContain('Announced in <#C_GENERAL>, with 5 thread replies');
    const statuses = standin.callsTo('chat.postMessage').map((c) => c.result?.status);
    expect(statuses).toEqual([200, 429, 200, 200, 200, 200, 200]);
    expect(announcements(standin, 'C_GENERAL')[0]?.replies).toHaveLength(SECTIONS);
  });

  it('tells the announcer exactly what was and was not posted when Slack fails midway', async () => {
    const preview = await command('announce', 'U_ADMIN');
    const onCall = (call: { method: string }) => {
      if (standin.callsTo('chat.postMessage').length !== 2 || call.method !== 'chat.postMessage') return;
      standin.fail('chat.postMessage', { kind: 'error', error: 'fatal_error' });
      standin.off('call', onCall);
    };
    standin.on('call', onCall);
    const [, result] = await click(preview, 'announce_post', 'U_ADMIN', 'C_GENERAL', 2);
    expect(result?.text).toContain('stopped midway (fatal_error)');
    expect(result?.text).toContain(
      '*Posted:* the announcement and the thread replies for 🚀 Modernizing Core Infrastructure and Networking.',
    );
    expect(result?.text).toContain(
      '*Not posted:* 🔭 Enhancing Observability and Operations, 🛡️ Bolstering Security and Resource Management, ✨ Improving User and Developer Experience, 🔄 Advancing Versioning and Deployment Strategies.',
    );
    expect(announcements(standin, 'C_GENERAL')[0]?.replies).toHaveLength(1);
  });

  it('joins a public channel it is not in, and posts there', async () => {
    const preview = await command('announce', 'U_ADMIN', 'C_RANDOM');
    expect(visibleText(preview)).toContain('Post* puts it in <#C_RANDOM>');
    const [, result] = await click(preview, 'announce_post', 'U_ADMIN', 'C_RANDOM', 2);
    expect(result?.text).toContain('Announced in <#C_RANDOM>');
    expect(result?.text).toContain('I joined the channel');
    expect(standin.callsTo('conversations.join').map((c) => c.args.channel)).toEqual(['C_RANDOM']);
    expect(standin.callsTo('chat.postMessage')[0]?.result?.body).toMatchObject({ error: 'not_in_channel' });
    expect(announcements(standin, 'C_RANDOM')[0]?.replies).toHaveLength(SECTIONS);
  });

  it('asks to be invited into a private channel instead of posting', async () => {
    const preview = await command('announce', 'U_ADMIN', 'G_PRIVATE');
    const [, result] = await click(preview, 'announce_post', 'U_ADMIN', 'G_PRIVATE', 2);
    expect(result?.text).toContain('/invite @hackathon-bot');
    expect(result?.text).toContain('Nothing was posted');
    expect(standin.callsTo('conversations.join')).toHaveLength(0);
    expect(announcements(standin, 'G_PRIVATE')).toEqual([]);
  });
});

describe('AUTO_ANNOUNCE', () => {
  const env = { AUTO_ANNOUNCE: 'true', ANNOUNCE_CHANNEL: CHANNEL };
  let standin: SlackStandin;
  const bots: RunningBot[] = [];

  beforeEach(async () => {
    standin = await newStandin();
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.stop();
    await standin.close();
  });

  it('announces a recap once, and not again after a restart', async () => {
    const first = await launch(standin, env, true);
    bots.push(first.bot);
    await first.logs.waitFor(/Auto-announce in <#CHACKATHON>: announced 1, already announced 0/);
    await first.bot.stop();
    bots.pop();

    const second = await launch(standin, env, true);
    bots.push(second.bot);
    await second.logs.waitFor(/Auto-announce in <#CHACKATHON>: announced 0, already announced 1/);
    const found = announcements(standin, CHANNEL);
    expect(found).toHaveLength(1);
    expect(found[0]?.replies).toHaveLength(SECTIONS);
    expect(standin.callsTo('conversations.history')[0]?.args).toMatchObject({ include_all_metadata: 'true' });
  });

  it('leaves exactly one announcement when two instances start together', async () => {
    const [a, b] = await Promise.all([launch(standin, env, true), launch(standin, env, true)]);
    bots.push(a.bot, b.bot);
    await Promise.all([a.logs.waitFor(/Auto-announce in <#CHACKATHON>/), b.logs.waitFor(/Auto-announce in/)]);
    const found = announcements(standin, CHANNEL);
    expect(found).toHaveLength(1);
    expect(found[0]?.replies).toHaveLength(SECTIONS);
    // No orphaned thread replies either: every bot message in the channel belongs to the one announcement.
    expect(standin.workspace.messages(CHANNEL)).toHaveLength(1 + SECTIONS);
  });

  it('counts a hackathon as announced when an earlier announcement named its recap', async () => {
    // What announcements carried before hackathons were the unit: the recap only.
    standin.workspace.addMessage(CHANNEL, {
      user: 'UBOT',
      text: 'New hackathon recap',
      metadata: { event_type: ANNOUNCED_EVENT_TYPE, event_payload: { recap_id: '2025-06-schelklingen' } },
    });
    const started = await launch(standin, env, true);
    bots.push(started.bot);
    await started.logs.waitFor(/Auto-announce in <#CHACKATHON>: announced 0, already announced 1/);
    expect(announcements(standin, CHANNEL)).toHaveLength(1);
  });

  it('withdraws the later copy when both instances posted the same hackathon', async () => {
    const library = new Library(await loadContent('content'));
    const lines: string[] = [];
    // Both instances' first history read is answered only once both asked, so both post a parent.
    let arrived = 0;
    let release = () => {};
    const bothRead = new Promise<void>((resolve) => {
      release = resolve;
    });
    const instance = () =>
      new WebClient(BOT_TOKEN, {
        slackApiUrl: standin.apiUrl,
        fetch: async (input, init) => {
          const first = String(input).endsWith('/conversations.history') && arrived < 2;
          const response = fetch(input, init);
          if (!first) return response;
          arrived += 1;
          if (arrived === 2) release();
          await bothRead;
          return response;
        },
      });
    const options = {
      channel: CHANNEL,
      hackathons: library.hackathons,
      botUserId: 'UBOT',
      logger: createLogger('info', (_level, line) => lines.push(line)),
    };
    const [a, b] = await Promise.all([autoAnnounce(instance(), options), autoAnnounce(instance(), options)]);
    const parents = standin
      .callsTo('chat.postMessage')
      .filter((c) => c.args.metadata !== undefined)
      .map(tsOf);
    expect(parents).toHaveLength(2);
    expect([...a.announced, ...b.announced]).toEqual(['2025-06']);
    expect([...a.withdrawn, ...b.withdrawn]).toEqual(['2025-06']);
    const found = announcements(standin, CHANNEL);
    expect(found.map((f) => f.parent.ts)).toEqual([parents.sort()[0]]);
    expect(found[0]?.replies).toHaveLength(SECTIONS);
    expect(standin.callsTo('chat.delete').map((c) => c.args.ts)).toEqual([parents.sort()[1]]);
    expect(lines.some((l) => l.includes('withdrew this copy'))).toBe(true);
  });
});
