import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryHolder } from '../src/context.js';
import { Library } from '../src/library.js';
import { appHomeOpenedEnvelope, sendEvent } from '../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { SIGNING_SECRET } from './support/bot.js';
import {
  copyInto,
  hasTopic,
  type LiveBot,
  removeTempDirs,
  seedContent,
  startLiveBot,
  tempDir,
  untilLibrary,
} from './support/live.js';
import { sharedDir } from './support/shared.js';
import { visibleText } from './support/visible.js';

const SIXTH = path.join(sharedDir('recaps'), '2024-12-6th-hackathon-blog.md');
/** Where a blog keeps it: a sub-folder per year and month. */
const ADDED = '2024/12/6th-hackathon-blog.md';
/** The December 2025 wrap-up page, named as on the documentation site: newer than the seed. */
const WRAP_UP = path.join(sharedDir('wrap-ups'), 'community-2025-12.md');
const CHANNEL = 'CHACKATHON';

describe('a watched CONTENT_DIR, while the bot runs', () => {
  let standin: SlackStandin;
  let live: LiveBot;
  let contentDir: string;

  beforeEach(async () => {
    standin = await startSlackStandin();
    contentDir = seedContent();
    live = await startLiveBot(standin, { CONTENT_DIR: contentDir, CACHE_DIR: tempDir('cache') });
  });
  afterEach(async () => {
    await live.bot.stop();
    await standin.close();
    removeTempDirs();
  });

  it('answers a recap added, changed, broken and fixed, then removed, without a restart', async () => {
    expect(await live.ask('prow')).not.toContain('Deploy Prow Via Flux');
    const file = path.join(contentDir, ADDED);

    const holder = live.bot.content.holder;

    // Added, in a sub-folder.
    const change = holder.nextChange();
    copyInto(contentDir, SIXTH, ADDED);
    expect((await change).cause).toMatch(/^2024/);
    await untilLibrary(holder, hasTopic('Deploy Prow Via Flux'));
    expect(await live.ask('prow')).toContain('Deploy Prow Via Flux');

    // Changed.
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('Deploy Prow Via Flux', 'Deploy Prow Via Argo'));
    await untilLibrary(holder, hasTopic('Deploy Prow Via Argo'));
    const edited = await live.ask('prow');
    expect(edited).toContain('Deploy Prow Via Argo');
    expect(edited).not.toContain('Deploy Prow Via Flux');

    // Broken: the front matter's list left open. The last good version keeps answering.
    const kept = live.nextKept();
    writeFileSync(
      file,
      original.replace('aliases: ["/blog/2024/12/08/01"]', 'aliases: ["/blog/2024/12/08/01"'),
    );
    expect((await kept).files).toEqual([ADDED]);
    await live.logs.waitFor(new RegExp(`${ADDED.replaceAll('/', '\\/')}:\\d+: `));
    expect(await live.ask('prow')).toContain('Deploy Prow Via Argo');

    // Fixed: the next good edit is picked up.
    writeFileSync(file, original.replace('Deploy Prow Via Flux', 'Deploy Prow Via Tekton'));
    await untilLibrary(holder, hasTopic('Deploy Prow Via Tekton'));
    expect(await live.ask('prow')).toContain('Deploy Prow Via Tekton');

    // Removed.
    rmSync(file);
    await untilLibrary(holder, (library) => !hasTopic('Deploy Prow Via')(library));
    const gone = await live.ask('prow');
    expect(gone).not.toContain('Deploy Prow Via');
  });

  it('keeps the whole last library when no recap is left, and takes the next good one', async () => {
    const seed = path.join(contentDir, '2025-06-schelklingen.md');
    const text = readFileSync(seed, 'utf8');
    const kept = live.nextKept();
    rmSync(seed);
    expect((await kept).message).toMatch(/No recap could be loaded/);
    expect(await live.ask('wireguard')).toContain('Wireguard');

    writeFileSync(seed, text.replace('with [Wireguard](https://www.wireguard.com/)**', 'with Quokkaguard**'));
    await untilLibrary(live.bot.content.holder, hasTopic('Quokkaguard'));
    expect(await live.ask('wireguard')).toContain('Quokkaguard');
  });

  it('reads synonyms.yml again when it changes', async () => {
    expect(await live.ask('quokka')).not.toContain('Wireguard');
    writeFileSync(
      path.join(contentDir, 'synonyms.yml'),
      `${readFileSync(path.join(contentDir, 'synonyms.yml'), 'utf8')}\nquokka: [wireguard]\n`,
    );
    await untilLibrary(live.bot.content.holder, (library) => {
      const found = library.search('quokka');
      return found.kind === 'topic' && /wireguard/i.test(found.topic.title);
    });
    expect(await live.ask('quokka')).toContain('Wireguard');
  });
});

describe('new content acting in Slack', () => {
  let standin: SlackStandin;
  let live: LiveBot;
  let contentDir: string;
  const now = new Date('2026-11-01T08:00:00Z');

  beforeEach(async () => {
    standin = await startSlackStandin({ clock: () => now });
    standin.workspace.addChannel({ id: CHANNEL, name: 'hackathon', members: ['UBOT', 'U_ADMIN'] });
    contentDir = seedContent();
    writeFileSync(
      path.join(contentDir, 'next-hackathon.md'),
      '---\ntitle: Hack The Garden\ntimezone: Europe/Berlin\nwhen: early December\n---\n\nCome along.\n',
    );
    live = await startLiveBot(
      standin,
      {
        CONTENT_DIR: contentDir,
        CACHE_DIR: tempDir('cache'),
        ANNOUNCE_CHANNEL: CHANNEL,
        AUTO_ANNOUNCE: 'true',
      },
      { backgroundJobs: true, clock: () => now },
    );
    await live.bot.backgroundStarted;
  });
  afterEach(async () => {
    await live.bot.stop();
    await standin.close();
    removeTempDirs();
  });

  it('re-plans the reminders at once when next-hackathon.md gets a date', async () => {
    expect(standin.workspace.scheduled(CHANNEL)).toEqual([]);
    writeFileSync(
      path.join(contentDir, 'next-hackathon.md'),
      '---\ntitle: Hack The Garden\ntimezone: Europe/Berlin\nstart: 2026-12-07\nend: 2026-12-11\n---\n\nCome along.\n',
    );
    await untilLibrary(live.bot.content.holder, (library) => library.next?.start === '2026-12-07');
    await live.bot.contentChanges?.idle();
    // 28, 7 and 1 days before, and the first morning.
    expect(standin.workspace.scheduled(CHANNEL)).toHaveLength(4);
    const next = await live.ask('next');
    expect(next).toContain('Mon 7 – Fri 11 Dec 2026');
    expect(next).not.toContain('early December');
  });

  it('announces a new hackathon once in ANNOUNCE_CHANNEL and in a subscribed channel, and shows it on the App Home', async () => {
    const parents = (channel = CHANNEL) =>
      standin.workspace
        .messages(channel)
        .filter(
          (m) => m.metadata?.event_type && JSON.stringify(m.metadata.event_payload).includes('2025-12'),
        );
    expect(parents()).toHaveLength(0);
    const file = copyInto(contentDir, WRAP_UP, '2025-12.md');
    await untilLibrary(live.bot.content.holder, (library) => library.recaps.some((r) => r.id === '2025-12'));
    await live.bot.contentChanges?.idle();
    expect(parents()).toHaveLength(1);
    // #general: the bot is a member, so it is subscribed.
    expect(parents('C_GENERAL')).toHaveLength(1);

    // An edit to it is not new.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'OIDC Webhook Garden Class Extension',
        'OIDC Webhook Garden Class Extension, edited',
      ),
    );
    await untilLibrary(live.bot.content.holder, hasTopic('Class Extension, edited'));
    await live.bot.contentChanges?.idle();
    expect(parents()).toHaveLength(1);
    expect(parents('C_GENERAL')).toHaveLength(1);

    const published = standin.waitFor('views.publish');
    await sendEvent(
      live.requestUrl,
      SIGNING_SECRET,
      appHomeOpenedEnvelope({ user: 'U_MEMBER', eventId: 'Ev_LIVE_HOME' }),
    );
    const [call] = await published;
    expect(visibleText(call?.args)).toMatch(/Walldorf|December 2025/);
  });
});

describe('the library holder', () => {
  it('keeps a library read before a replacement for whoever read it', async () => {
    const { loadContent } = await import('../src/content/load.js');
    const first = new Library(await loadContent('content'));
    const second = new Library(await loadContent('content'));
    const holder = new LibraryHolder(first);
    const inFlight = holder.current;
    const change = holder.nextChange();
    holder.replace(second, { cause: 'test', nextChanged: false });
    expect((await change).previous).toBe(first);
    expect(inFlight).toBe(first);
    expect(holder.current).toBe(second);
  });
});
