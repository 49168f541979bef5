/**
 * A wrap-up page published before its topics are written: the hackathon is known (dates, place, organizer,
 * planning page) with no topics yet. It loads quietly while it is to come or just over, with a warning once
 * it is weeks old; `topics` and `next` answer with what is known; nothing announces it until it has topics.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commandReply, privateAnswer } from '../src/answer.js';
import { loadContentFolders } from '../src/content/folders.js';
import { formatProblem, loadContent } from '../src/content/load.js';
import { newlyWrittenUp } from '../src/content/timing.js';
import { contentReport } from '../src/content-report.js';
import { isReadIntent, parseIntent, type ReadIntent } from '../src/intent.js';
import { Library } from '../src/library.js';
import { ANNOUNCED_EVENT_TYPE } from '../src/services/announce.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { homeView } from '../src/views/home.js';
import { commandAnswer, launchBot, type TestBot } from './support/bot.js';
import { limitProblems } from './support/limits.js';
import { sharedDir } from './support/shared.js';
import { buttonsOf, visibleText } from './support/visible.js';

/** "Today" in this world: the November page is days old, the February one to come, the June one forgotten. */
const TODAY = new Date('2026-12-02T10:00:00Z');

/** Bullets only: the page as the community publishes it the week of the hackathon. */
const NOVEMBER = `---
title: "November 2026"
weight: -202611
---

# Hack The Garden 11/2026 Wrap Up

- 🗓️ **Date:** 24.11.2026 – 28.11.2026
- 📍 **Location:** [Schlosshof Freizeitheim, Schelklingen](https://www.schlosshof-info.de/)
- 👤 **Organizer:** [x-cellent](https://www.x-cellent.com/)
- 📘 **Topics:** https://hackmd.io/november-2026
`;

/** Bullets and a line that the topics will follow, published months ahead. */
const FEBRUARY = `---
title: "February 2027"
weight: -202702
---

# Hack The Garden 02/2027 Wrap Up

- 🗓️ **Date:** 15.02.2027 – 19.02.2027
- 📍 **Location:** [SAP Center, Walldorf](https://www.sap.com/)
- 👤 **Organizer:** [SAP](https://www.sap.com/)
- 📘 **Topics:** [HackMD](https://hackmd.io/february-2027)

**Coming soon:** topics will follow after the hackathon.
`;

/** A page whose hackathon was half a year ago and never got its topics. */
const JUNE = `---
title: "June 2026"
weight: -202606
---

# Hack The Garden 06/2026 Wrap Up

- 🗓️ **Date:** 08.06.2026 – 12.06.2026
- 📍 **Location:** Schelklingen
- 📘 **Topics:** TBD
`;

/** The event file while the organisers have not set a date. */
const NEXT_WITHOUT_DATE = `---
title: Next Gardener Community Hackathon
when: early 2027 (to be confirmed)
timezone: Europe/Berlin
signup: https://example.com/join
---

Where and when is not announced yet.
`;

const folders: string[] = [];

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hackathon-upcoming-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

afterAll(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function read(text: string): ReadIntent {
  const intent = parseIntent(text);
  if (!isReadIntent(intent)) throw new Error(`not a read intent: ${text}`);
  return intent;
}

describe('wrap-up pages without topics, with the whole archive', () => {
  let pages: string;
  let library: Library;
  const ask = (text: string, now = TODAY) => privateAnswer(read(text), { library, now });

  beforeAll(async () => {
    pages = folderWith({
      '2026-11.md': NOVEMBER,
      '2027-02.md': FEBRUARY,
      '2026-06.md': JUNE,
      'next-hackathon.md': NEXT_WITHOUT_DATE,
    });
    const content = await loadContentFolders([
      pages,
      sharedDir('content'),
      sharedDir('recaps'),
      sharedDir('wrap-ups'),
    ]);
    library = new Library(content, { now: TODAY });
  });

  it('loads each page as a hackathon with its facts and no topics', () => {
    const november = library.hackathon('2026-11');
    expect(november).toMatchObject({
      monthLabel: 'November 2026',
      start: '2026-11-24',
      end: '2026-11-28',
      placeShort: 'Schelklingen',
      organizer: 'x-cellent',
      links: { planningUrl: 'https://hackmd.io/november-2026' },
      topics: [],
    });
    // "**Coming soon:** …" is what the page says about its topics, not a topic.
    expect(library.hackathon('2027-02')).toMatchObject({
      start: '2027-02-15',
      place: 'SAP Center, Walldorf',
      links: { planningUrl: 'https://hackmd.io/february-2027' },
      topics: [],
    });
    expect(library.hackathon('2026-06')?.topics).toEqual([]);
    // The archive is all there, and the latest hackathon is still the newest one with topics.
    expect(library.hackathons.map((h) => h.id).slice(0, 4)).toEqual([
      '2027-02',
      '2026-11',
      '2026-06',
      '2025-12',
    ]);
    expect(library.latest.id).toBe('2025-12');
  });

  it('is quiet about pages to come or days old, and warns about one weeks old, with file and line', () => {
    const mine = library.problems.filter((p) => p.file.startsWith(pages));
    expect(mine.map((p) => [path.basename(p.file), p.line, p.severity])).toEqual([
      ['2026-06.md', 8, 'warning'],
    ]);
    expect(formatProblem(mine[0]!)).toMatch(
      /2026-06\.md:8: has no topics yet, though its hackathon \(June 2026\) ended 24 weeks ago/,
    );
    // Without a day to judge by, nothing is judged by its age.
    expect(new Library({ recaps: library.recaps, synonyms: new Map(), problems: [] }).problems).toEqual([]);
  });

  it('lists them in the overview: coming up, or topics not written up yet', () => {
    const overview = ask('topics');
    const text = visibleText(overview);
    expect(text).toContain('February 2027 · Walldorf · SAP · coming up 15–19 February 2027');
    expect(text).toContain('November 2026 · Schelklingen · x-cellent · topics not written up yet');
    expect(text).toContain('June 2026 · Schelklingen · topics not written up yet');
    expect(text).toContain('June 2025 · Schelklingen · 15 topics');
    expect(limitProblems(overview)).toEqual([]);
  });

  it('answers `topics nov 2026` with its facts, "No topics are written up yet" and its planning page', () => {
    const message = ask('topics nov 2026');
    const text = visibleText(message);
    expect(text).toContain('November 2026 · Schelklingen');
    expect(text).toContain('24–28 November 2026');
    expect(text).toContain('x-cellent');
    expect(text).toContain('No topics are written up yet');
    expect(buttonsOf(message)).toContainEqual(
      expect.objectContaining({ label: 'Topic planning', url: 'https://hackmd.io/november-2026' }),
    );
    expect(limitProblems(message)).toEqual([]);

    const february = ask('topics feb 2027');
    expect(visibleText(february)).toContain('It is coming up, 15–19 February 2027');
    expect(limitProblems(february)).toEqual([]);
  });

  it('keeps `topics latest` and `topics previous` on hackathons with topics', () => {
    expect(visibleText(ask('topics latest'))).toContain('Hack The Garden Walldorf Edition');
    expect(visibleText(ask('topics previous'))).toContain('June 2025');
  });

  it('answers `next` with the page to come when the event file has no date', () => {
    const message = ask('next');
    const text = visibleText(message);
    expect(text).toContain('Coming up: February 2027');
    expect(text).toContain('Mon 15 – Fri 19 Feb 2027');
    expect(text).toContain('in 10 weeks');
    expect(text).toContain('SAP Center, Walldorf');
    expect(text).toContain('SAP');
    expect(text).not.toContain('No date is set');
    expect(buttonsOf(message)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: 'Topic planning', url: 'https://hackmd.io/february-2027' }),
        expect.objectContaining({ label: 'Sign up', url: 'https://example.com/join' }),
        expect.objectContaining({ label: 'Add to calendar' }),
      ]),
    );
    expect(limitProblems(message)).toEqual([]);
  });

  it('says a hackathon is on now while it runs', () => {
    const message = ask('next', new Date('2026-11-26T08:00:00Z'));
    const text = visibleText(message);
    expect(text).toContain('On now: November 2026');
    expect(text).toContain('day 3 of 5');
    expect(text).toContain('Schlosshof Freizeitheim, Schelklingen');
    expect(text).not.toContain('Coming up');
    expect(buttonsOf(message)).toContainEqual(
      expect.objectContaining({ label: 'Topic planning', url: 'https://hackmd.io/november-2026' }),
    );
    expect(limitProblems(message)).toEqual([]);
  });

  it('never presents a date that has passed as coming', () => {
    const message = ask('next', new Date('2027-03-01T08:00:00Z'));
    const text = visibleText(message);
    expect(text).not.toMatch(/Coming up|On now/);
    expect(text).toContain('No date is set for the next hackathon yet');
    expect(text).toContain('February 2027');
    expect(limitProblems(message)).toEqual([]);
  });

  it('renders the overview again on a new day: what was coming up is on now', () => {
    const intent = read('topics');
    const before = visibleText(commandReply(intent, { library, now: new Date('2026-11-20T08:00:00Z') }));
    const during = visibleText(commandReply(intent, { library, now: new Date('2026-11-26T08:00:00Z') }));
    expect(before).toContain('November 2026 · Schelklingen · x-cellent · coming up 24–28 November 2026');
    expect(during).toContain('November 2026 · Schelklingen · x-cellent · on now, 24–28 November 2026');
  });

  it('keeps the App Home on the latest hackathon with topics, and names the one coming up', () => {
    const home = homeView(library, TODAY);
    const text = visibleText(home);
    expect(text).toContain('Hack The Garden Walldorf Edition (December 2025)');
    expect(text).toContain('Coming up: February 2027');
    expect(text).not.toContain('November 2026 · Schelklingen · x-cellent · topics not written up yet');
    expect(limitProblems(home)).toEqual([]);
  });
});

describe('the event file with a date', () => {
  it('speaks first, and gets the planning page of the page for the same days', async () => {
    const next = NEXT_WITHOUT_DATE.replace(
      'when: early 2027 (to be confirmed)',
      'start: 2027-02-15\nend: 2027-02-19',
    );
    const dir = folderWith({ '2027-02.md': FEBRUARY, 'next-hackathon.md': next });
    const library = new Library(await loadContent(dir), { now: TODAY });
    const message = privateAnswer(read('next'), { library, now: TODAY });
    const text = visibleText(message);
    expect(text).toContain('Next Gardener Community Hackathon');
    expect(text).not.toContain('Coming up:');
    expect(buttonsOf(message)).toContainEqual(
      expect.objectContaining({ label: 'Topic planning', url: 'https://hackmd.io/february-2027' }),
    );
    expect(limitProblems(message)).toEqual([]);
  });
});

describe('the content report', () => {
  it('names a page without topics, warns about the forgotten one, and fails on neither', async () => {
    const dir = folderWith({ '2026-11.md': NOVEMBER, '2026-06.md': JUNE });
    const { text, failed } = contentReport(new Library(await loadContent(dir), { now: TODAY }));
    expect(failed).toBe(0);
    expect(text).toContain('topics: none yet (a page published before its topics are written)');
    expect(text).toMatch(/⚠ 2026-06\.md:8: has no topics yet, though its hackathon \(June 2026\) ended/);
    expect(text).not.toMatch(/2026-11\.md:\d+: has no topics/);
  });
});

describe('a wrap-up page alone', () => {
  it('lists its hackathon as having no topics yet, never an empty list or a crash', async () => {
    const library = new Library(await loadContent(folderWith({ '2026-11.md': NOVEMBER })), { now: TODAY });
    const message = privateAnswer(read('topics'), { library, now: TODAY });
    expect(visibleText(message)).toContain('No topics are written up yet');
    expect(limitProblems(message)).toEqual([]);
    const home = homeView(library, TODAY);
    expect(limitProblems(home)).toEqual([]);
  });

  it('is news once it has topics, and not before', async () => {
    const before = new Library(await loadContent(folderWith({ '2026-11.md': NOVEMBER })));
    const written = `${NOVEMBER}\n## 🌱 Replace OpenVPN with WireGuard\n\n**Problem Statement:** VPN tunnels.\n`;
    const after = new Library(await loadContent(folderWith({ '2026-11.md': written })));
    expect(newlyWrittenUp([], before.hackathons)).toEqual([]);
    expect(newlyWrittenUp(before.hackathons, after.hackathons).map((h) => h.id)).toEqual(['2026-11']);
    expect(newlyWrittenUp(after.hackathons, after.hackathons)).toEqual([]);
  });
});

describe('announcements', () => {
  const CHANNEL = 'CHACKATHON';
  let standin: SlackStandin;
  let t: TestBot | undefined;

  afterEach(async () => {
    await t?.close();
    t = undefined;
    await standin.close();
  });

  async function start(files: Record<string, string>, env: Record<string, string> = {}) {
    standin = await startSlackStandin({ clock: () => TODAY });
    standin.workspace.addChannel({ id: CHANNEL, name: 'hackathon', members: ['UBOT', 'U_ADMIN'] });
    const dir = folderWith(files);
    t = await launchBot(standin, {
      env: { CONTENT_DIR: dir, ...env },
      clock: () => TODAY,
      backgroundJobs: true,
    });
    return t;
  }

  function parents() {
    return standin.workspace
      .messages(CHANNEL)
      .filter((m) => m.metadata?.event_type === ANNOUNCED_EVENT_TYPE)
      .map((m) => (m.metadata?.event_payload as { hackathon_id?: string } | undefined)?.hackathon_id);
  }

  it('auto-announces the hackathon with topics and not the pages without', async () => {
    const seed = readFileSync(path.join(sharedDir('content'), '2025-06-schelklingen.md'), 'utf8');
    const bot = await start(
      { '2026-11.md': NOVEMBER, '2027-02.md': FEBRUARY, '2025-06-schelklingen.md': seed },
      { AUTO_ANNOUNCE: 'true', ANNOUNCE_CHANNEL: CHANNEL },
    );
    await bot.logs.waitFor(/Auto-announce in <#CHACKATHON>: announced 1, already announced 0/);
    expect(parents()).toEqual(['2025-06']);
  });

  it('says there is nothing to announce while no hackathon has topics', async () => {
    const bot = await start({ '2026-11.md': NOVEMBER });
    const reply = await commandAnswer(bot, `announce <#${CHANNEL}|hackathon>`, 'U_ADMIN');
    expect(visibleText(reply)).toContain('Nothing to announce yet: November 2026 has no topics written up');
    expect(limitProblems(reply)).toEqual([]);
    expect(parents()).toEqual([]);
  });
});
