import path from 'node:path';
import type { ActionsBlock, Button } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import type { Link, Recap, Topic } from '../src/content/model.js';
import { ACTION, LINK_ACTION_PREFIX } from '../src/views/actions.js';
import { candidatesView } from '../src/views/candidates.js';
import { formatDate, formatTimestamp } from '../src/views/format.js';
import { helpView, SUBCOMMANDS, usageHint } from '../src/views/help.js';
import {
  BLOCK_TEXT_BUDGET,
  blockTextLength,
  MAX_SECTION_TEXT,
  VIEW_MAX_BLOCKS,
  VIEW_TEXT_BUDGET,
} from '../src/views/limits.js';
import type { SlackMessage } from '../src/views/message.js';
import { notFoundView } from '../src/views/not-found.js';
import { asShared, withShareButton } from '../src/views/share.js';
import { topicView } from '../src/views/topic.js';
import { topicsView } from '../src/views/topics.js';
import { limitProblems } from './support/limits.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';
import {
  bigRecap,
  buildRecap,
  december2024,
  prLink,
  schelklingen,
  sectionOf,
  topicByTitle,
} from './support/view-fixtures.js';

// ---------------------------------------------------------------------------------------------------------
// Reading views.

function buttons(message: SlackMessage): Button[] {
  const found: Button[] = [];
  for (const block of message.blocks) {
    if (block.type === 'actions') {
      for (const e of block.elements) if (e.type === 'button') found.push(e);
    }
    if (block.type === 'section' && block.accessory?.type === 'button') found.push(block.accessory);
  }
  return found;
}

function allText(message: SlackMessage): string {
  return JSON.stringify(message.blocks);
}

/** What Slack parses as mrkdwn (and so could turn into a mention): the fallback and every mrkdwn object. */
function mrkdwnOf(message: SlackMessage): string {
  const texts: string[] = [message.text];
  JSON.stringify(message.blocks, (key, value: unknown) => {
    if (key === '' || typeof value !== 'object' || value === null) return value;
    const object = value as { type?: unknown; text?: unknown };
    if (object.type === 'mrkdwn' && typeof object.text === 'string') texts.push(object.text);
    return value;
  });
  return texts.join('\n');
}

function header(message: SlackMessage): string {
  const block = message.blocks.find((b) => b.type === 'header');
  return block?.type === 'header' ? block.text.text : '';
}

/** Every view of a recap the bot can send, each also with its Share button and as shared. */
function viewsOf(recap: Recap, others: Recap[] = []): Array<[string, SlackMessage]> {
  const views: Array<[string, SlackMessage]> = [];
  const add = (name: string, view: SlackMessage): void => {
    views.push([name, view], [`${name} +share`, withShareButton(view, `topics ${recap.id}`)]);
    views.push([`${name} shared`, asShared(withShareButton(view, 'x'), 'U123ABC')]);
  };
  add(`${recap.id} topics`, topicsView(recap, { otherRecaps: others, pageValue: (p) => `topics page ${p}` }));
  for (const section of recap.sections) add(`${recap.id} ${section.id}`, topicsView(recap, { section }));
  for (const topic of recap.topics) {
    add(`${recap.id} ${topic.id}`, topicView(topic, recap, sectionOf(recap, topic)));
  }
  add(
    `${recap.id} candidates`,
    candidatesView('query', recap.topics, (t) => `${t.sectionId} · ${recap.event.title}`),
  );
  add(`${recap.id} none`, notFoundView('wiregaurd', recap.topics.slice(0, 5)));
  return views;
}

function expectWithinLimits(views: Array<[string, SlackMessage]>): void {
  const problems = views.flatMap(([name, view]) => limitProblems(view).map((p) => `${name}: ${p}`));
  expect(problems).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------

describe('format', () => {
  it('formats timestamps the way YouTube shows them', () => {
    expect(formatTimestamp(104)).toBe('1:44');
    expect(formatTimestamp(5)).toBe('0:05');
    expect(formatTimestamp(3723)).toBe('1:02:03');
    expect(formatTimestamp(-3)).toBe('0:00');
    expect(formatDate('2025-06-17')).toBe('June 17, 2025');
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('topics view', () => {
  const recap = schelklingen();

  it('lists every topic as one section with a Details button, grouped under section titles', () => {
    const view = topicsView(recap);
    expect(header(view)).toBe(recap.event.title);
    const details = buttons(view).filter((b) => b.action_id?.startsWith(`${ACTION.pickTopic}:`));
    expect(details.map((b) => b.value)).toEqual(recap.topics.map((t) => t.key));
    expect(new Set(details.map((b) => b.action_id)).size).toBe(details.length);
    expect(allText(view)).toContain('*🚀 Modernizing Core Infrastructure and Networking*');
    expect(allText(view)).toContain('▶ <https://youtu.be/TCLXovw43HA?t=104s|1:44>');
    expect(allText(view)).toContain('🏎️ _fast track_');
    expect(allText(view)).toContain('June 17, 2025');
    expect(allText(view)).toContain('5 topics');
    expect(view.text).toContain('Replacement of OpenVPN with Wireguard');
    expect(limitProblems(view)).toEqual([]);
  });

  it('shows one section on request', () => {
    const section = recap.sections[2]!;
    const view = topicsView(recap, { section });
    expect(buttons(view).map((b) => b.value)).toEqual(section.topicIds.map((id) => `${recap.id}/${id}`));
    expect(allText(view)).toContain('2 of 5 topics');
  });

  it('names the other recaps', () => {
    const view = topicsView(recap, { otherRecaps: [recap, december2024()] });
    expect(allText(view)).toContain('Also: `/hackathon topics dec 2024`');
    expect(allText(view)).not.toContain('jun 2025');
  });

  it('pages 60 topics cleanly: every topic on exactly one page, a More button on all but the last', () => {
    const big = bigRecap(60);
    const seen: string[] = [];
    let page = 1;
    for (; page < 20; page++) {
      const view = withShareButton(topicsView(big, { page, pageValue: (p) => `topics big page ${p}` }), 'x');
      expect(limitProblems(view)).toEqual([]);
      const pageButtons = buttons(view);
      seen.push(
        ...pageButtons.filter((b) => b.action_id?.startsWith(ACTION.pickTopic)).map((b) => b.value ?? ''),
      );
      const more = pageButtons.find((b) => b.action_id === ACTION.page);
      expect(allText(view)).toMatch(/Showing topics \d+–\d+ of 60/);
      if (!more) break;
      expect(more.value).toBe(`topics big page ${page + 1}`);
      expect(more.text.text).toMatch(/^More topics \(\d+–\d+ of 60\)$/);
    }
    expect(page).toBeGreaterThan(1);
    expect(seen).toEqual(big.topics.map((t) => t.key).sort(byKeyOrder(big)));
  });

  it('clamps a page past the end to the last page', () => {
    const big = bigRecap(60);
    const last = topicsView(big, { page: 99 });
    expect(buttons(last).some((b) => b.action_id === ACTION.page)).toBe(false);
    expect(allText(last)).toMatch(/Showing topics \d+–60 of 60/);
  });

  it('cuts a 400-character event title in the header', () => {
    const long = buildRecap({
      title: 'Hackathon '.repeat(40),
      sections: [{ title: 'S', topics: [{ title: 'T' }] }],
    });
    const text = header(topicsView(long));
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith('…')).toBe(true);
  });

  it('says so when a recap has no topics', () => {
    const empty = buildRecap({ sections: [] });
    const view = topicsView(empty);
    expect(allText(view)).toContain('This recap has no topics.');
    expect(limitProblems(view)).toEqual([]);
  });
});

/** The order topics appear in the list: by section, then recap order. */
function byKeyOrder(recap: Recap): (a: string, b: string) => number {
  const order = recap.sections.flatMap((s) => s.topicIds.map((id) => `${recap.id}/${id}`));
  return (a, b) => order.indexOf(a) - order.indexOf(b);
}

describe('topic view', () => {
  const recap = schelklingen();

  it('offers the WireGuard presentation at 1:44', () => {
    const topic = topicByTitle(recap, /Wireguard/);
    const view = topicView(topic, recap, sectionOf(recap, topic));
    const watch = buttons(view).find((b) => b.action_id === `${LINK_ACTION_PREFIX}video`);
    expect(watch?.text.text).toBe('Watch the presentation (1:44)');
    expect(watch?.url).toBe('https://youtu.be/TCLXovw43HA?t=104s');
    expect(header(view)).toBe('Replacement of OpenVPN with Wireguard');
    expect(allText(view)).toContain('<https://openvpn.net/|OpenVPN>');
    expect(allText(view)).toContain('<https://github.com/apernet/mwgp|mwgp>');
    expect(allText(view)).toContain('🚀 Modernizing Core Infrastructure and Networking');
    expect(view.text).toMatch(/^Replacement of OpenVPN with Wireguard — One major undertaking/);
    expect(limitProblems(view)).toEqual([]);
  });

  it('shows hours past the first hour', () => {
    const long = buildRecap({ sections: [{ title: 'S', topics: [{ title: 'Late', videoAt: 3723 }] }] });
    const topic = long.topics[0]!;
    const view = topicView(topic, long, long.sections[0]!);
    expect(buttons(view).map((b) => b.text.text)).toContain('Watch the presentation (1:02:03)');
  });

  it('turns pull requests and issues into buttons with unique ids and short labels', () => {
    const dashboard = topicByTitle(recap, /Dashboard/);
    const labels = buttons(topicView(dashboard, recap, sectionOf(recap, dashboard))).map((b) => [
      b.action_id,
      b.text.text,
    ]);
    expect(labels).toEqual([
      ['link:video', 'Watch the presentation (34:12)'],
      ['link:issue:gardener/dashboard#2469', 'gardener/dashboard issue #2469'],
      ['link:pr:gardener/dashboard#2470', 'gardener/dashboard #2470'],
      ['link:pr:gardener/dashboard#2476', 'gardener/dashboard #2476'],
    ]);
    const egress = topicByTitle(recap, /EgressCIDRs/);
    const view = topicView(egress, recap, sectionOf(recap, egress));
    expect(buttons(view).map((b) => b.text.text)).toContain('PR #12252');
    expect(allText(view)).toContain('🏎️ *Fast track*');
  });

  it('lists other links once', () => {
    const topic = buildRecap({
      sections: [
        {
          title: 'S',
          topics: [
            {
              title: 'Links',
              links: [
                { url: 'https://a.example/doc', label: 'Doc', kind: 'document' },
                { url: 'https://a.example/doc', label: 'Doc again', kind: 'document' },
                prLink('gardener/gardener', 1),
                prLink('gardener/gardener', 1),
              ],
            },
          ],
        },
      ],
    });
    const view = topicView(topic.topics[0]!, topic, topic.sections[0]!);
    expect(allText(view).match(/a\.example\/doc/g)).toHaveLength(1);
    expect(buttons(view).filter((b) => b.text.text === 'PR #1')).toHaveLength(1);
  });

  it('splits a 10,000-character summary into sections and stays within the budget', () => {
    const words = Array.from({ length: 2000 }, (_, i) =>
      i % 50 === 0 ? '<https://example.com/x|a link here>' : 'word',
    );
    const summary = words.join(' ').slice(0, 10_000);
    const big = buildRecap({
      sections: [
        {
          title: 'S',
          topics: [{ title: 'Wordy', summary, videoAt: 10, links: [prLink('gardener/gardener', 5)] }],
        },
      ],
    });
    const view = withShareButton(topicView(big.topics[0]!, big, big.sections[0]!), 'wordy');
    const sections = view.blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const block of sections) {
      const text = block.type === 'section' ? (block.text?.text ?? '') : '';
      expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
      expect(/<[^>]*$/.test(text)).toBe(false);
    }
    expect(blockTextLength(view.blocks)).toBeLessThanOrEqual(BLOCK_TEXT_BUDGET);
    expect(limitProblems(view)).toEqual([]);
  });

  it('shortens a summary that cannot fit, cleanly', () => {
    const big = buildRecap({
      sections: [{ title: 'S', topics: [{ title: 'Huge', summary: 'lorem ipsum '.repeat(3000) }] }],
    });
    const view = topicView(big.topics[0]!, big, big.sections[0]!);
    expect(blockTextLength(view.blocks)).toBeLessThanOrEqual(VIEW_TEXT_BUDGET);
    expect(allText(view)).toContain('…');
    expect(limitProblems(view)).toEqual([]);
  });

  it('makes mentions in recap text inert', () => {
    const sneaky = buildRecap({
      sections: [
        {
          title: '<!here>',
          topics: [{ title: '<!channel> & co', summary: 'Ping <@U123> and <!everyone>.' }],
        },
      ],
    });
    const view = topicView(sneaky.topics[0]!, sneaky, sneaky.sections[0]!);
    const everything = mrkdwnOf(view);
    expect(everything).not.toMatch(/<!channel>|<@U123>|<!everyone>|<!here>/);
    expect(everything).toContain('&lt;@U123&gt;');
  });
});

describe('candidates and not found', () => {
  const recap = schelklingen();

  it('offers a Show button per candidate', () => {
    const view = candidatesView('load', recap.topics.slice(0, 3), (t) => `section · ${t.recapId}`);
    expect(allText(view)).toContain('Several topics match “load”');
    expect(buttons(view).map((b) => [b.action_id, b.text.text, b.value])).toEqual(
      recap.topics.slice(0, 3).map((t, i) => [`${ACTION.pickTopic}:${i}`, 'Show', t.key]),
    );
    expect(limitProblems(view)).toEqual([]);
  });

  it('escapes what the person typed, in blocks and in the fallback', () => {
    for (const view of [
      notFoundView('<!channel> <@U123> & friends', []),
      candidatesView('<!channel> <@U123> & friends', recap.topics, () => ''),
    ]) {
      const everything = mrkdwnOf(view);
      expect(everything).not.toMatch(/<!channel>|<@U123>/);
      expect(everything).toContain('&lt;!channel&gt; &lt;@U123&gt; &amp; friends');
    }
  });

  it('says nothing matches, suggests, and points to topics and help', () => {
    const view = notFoundView('wiregaurd', [recap.topics[0]!]);
    expect(allText(view)).toContain('Nothing matches “wiregaurd”');
    expect(allText(view)).toContain('`/hackathon topics`');
    expect(allText(view)).toContain('`/hackathon help`');
    expect(buttons(view).map((b) => b.value)).toEqual([recap.topics[0]!.key]);
  });

  it('survives a 4,000-character query', () => {
    const query = 'wiregaurd '.repeat(400);
    const views = [notFoundView(query, recap.topics), candidatesView(query, recap.topics, () => 'x')];
    for (const view of views) {
      expect(limitProblems(view)).toEqual([]);
      expect(blockTextLength(view.blocks)).toBeLessThan(3000);
    }
  });
});

describe('help', () => {
  it('shows every sub-command with an example and marks announcer commands', () => {
    const view = helpView();
    const text = allText(view);
    for (const sub of SUBCOMMANDS) {
      expect(text).toContain(`/hackathon ${sub.usage.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
      expect(sub.examples.length).toBeGreaterThan(0);
    }
    for (const example of [
      'topics security',
      'topics dec 2024',
      'wireguard',
      'gep 32',
      '#12252',
      'remind me 7d 1d',
    ]) {
      expect(text).toContain(`/hackathon ${example}`);
    }
    expect(text).toContain('🔒 `/hackathon announce [#channel]`');
    expect(text).toContain('@hackathon-bot &lt;keyword&gt;');
    expect(limitProblems(view)).toEqual([]);
    expect(usageHint()).not.toContain('announce');
  });

  it('uses the command it is given', () => {
    expect(allText(helpView('/hack'))).toContain('`/hack next`');
  });
});

describe('share', () => {
  const recap = schelklingen();

  it('adds one Share button and a note, however often it is applied', () => {
    const view = withShareButton(withShareButton(topicsView(recap), 'topics'), 'topics');
    const share = buttons(view).filter((b) => b.action_id === ACTION.share);
    expect(share).toHaveLength(1);
    expect(share[0]?.value).toBe('topics');
    expect(allText(view)).toContain('Only you can see this');
    expect(limitProblems(view)).toEqual([]);
  });

  it('adds no button for a value Slack cannot carry', () => {
    const view = withShareButton(topicsView(recap), 'x'.repeat(2001));
    expect(buttons(view).some((b) => b.action_id === ACTION.share)).toBe(false);
  });

  it('shares a copy without the private parts, signed by the person', () => {
    const big = bigRecap(60);
    const shared = asShared(
      withShareButton(topicsView(big, { pageValue: (p) => `p ${p}` }), 'topics'),
      'U123ABC',
    );
    const ids = buttons(shared).map((b) => b.action_id);
    expect(ids).not.toContain(ACTION.share);
    expect(ids).not.toContain(ACTION.page);
    expect(ids.some((id) => id?.startsWith(ACTION.pickTopic))).toBe(true);
    expect(allText(shared)).not.toContain('Only you can see this');
    expect(allText(shared)).toContain('Shared by <@U123ABC>');
    expect(shared.blocks.every((b) => b.type !== 'actions' || (b as ActionsBlock).elements.length > 0)).toBe(
      true,
    );
    expect(limitProblems(shared)).toEqual([]);
    expect(allText(asShared(topicsView(recap), '<!channel>'))).toContain('Shared by someone');
  });
});

describe('every view of the fixtures', () => {
  it('stays within the limits', () => {
    const recaps = [schelklingen(), december2024(), bigRecap(60), bigRecap(200, 1)];
    expectWithinLimits(recaps.flatMap((r) => viewsOf(r, recaps)));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Real content, as the loader reads it.

/** The project's own content and the blog posts in `../shared` beside the clone. */
async function loadReal(): Promise<Recap[]> {
  const dirs = [path.join(PROJECT_ROOT, 'content'), sharedDir('recaps')];
  const sets = await Promise.all(dirs.map((dir) => loadContent(dir)));
  const byId = new Map(sets.flatMap((s) => s.recaps).map((r) => [r.id, r]));
  return [...byId.values()];
}

describe('every view of the real recaps', () => {
  it('stays within the limits', async () => {
    const recaps = await loadReal();
    expect(recaps.length).toBeGreaterThan(0);
    expectWithinLimits(recaps.flatMap((r) => viewsOf(r, recaps)));
  });

  it('shows the Schelklingen recap: 15 topics in 5 sections, WireGuard at 1:44', async () => {
    const recap = (await loadReal()).find((r) => r.id === '2025-06-schelklingen');
    expect(recap).toBeDefined();
    if (!recap) return;
    const list = topicsView(recap);
    expect(buttons(list).filter((b) => b.action_id?.startsWith(ACTION.pickTopic))).toHaveLength(15);
    expect(list.blocks.filter((b) => b.type === 'section' && !b.accessory)).toHaveLength(5);
    expect(allText(list).match(/▶ <https:\/\/youtu\.be\//g)).toHaveLength(13);
    const wireguard = recap.topics.find((t) => /wireguard/i.test(t.title));
    expect(wireguard).toBeDefined();
    if (!wireguard) return;
    const card = topicView(wireguard, recap, sectionOf(recap, wireguard));
    const watch = buttons(card).find((b) => b.action_id === `${LINK_ACTION_PREFIX}video`);
    expect(watch?.text.text).toBe('Watch the presentation (1:44)');
    expect(watch?.url).toBe('https://youtu.be/TCLXovw43HA?t=104s');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Any text.

const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.constantFrom(
    '',
    ' ',
    '\n\n',
    '<!channel>',
    '<@U123>',
    '&amp;',
    '*',
    '<https://x.io|x>',
    'a'.repeat(5000),
  ),
);
const anyLink: fc.Arbitrary<Link> = fc.record({
  url: fc.oneof(fc.webUrl(), fc.string({ maxLength: 50 })),
  label: anyText,
  kind: fc.constantFrom('pull-request', 'issue', 'document', 'repository', 'video', 'other'),
  repo: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
  number: fc.option(fc.integer(), { nil: undefined }),
});
const anyTopic = fc.record({
  title: anyText,
  summary: fc.oneof(anyText, fc.string({ unit: 'grapheme', minLength: 3000, maxLength: 20_000 })),
  videoAt: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
  links: fc.array(anyLink, { maxLength: 40 }),
  fastTrack: fc.boolean(),
  emoji: fc.option(fc.constantFrom('🚀', '👨🏼‍💻', '🛡️'), { nil: undefined }),
});
const anyRecap = fc
  .record({
    title: anyText,
    date: fc.oneof(fc.constant('2025-06-17'), fc.string({ maxLength: 20 })),
    sections: fc.array(
      fc.record({
        title: anyText,
        emoji: fc.option(fc.constant('🚀'), { nil: undefined }),
        topics: fc.array(anyTopic, { maxLength: 25 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((input) => buildRecap(input));

describe('any strings in titles, summaries and queries', () => {
  it('keep every view within the limits', () => {
    fc.assert(
      fc.property(anyRecap, anyText, fc.integer({ min: -2, max: 10 }), (recap, query, page) => {
        const views: SlackMessage[] = [
          topicsView(recap, { page, pageValue: (p) => `topics ${p}`, otherRecaps: [recap, december2024()] }),
          ...recap.topics.slice(0, 5).map((t: Topic) => topicView(t, recap, sectionOf(recap, t))),
          candidatesView(query, recap.topics, (t) => t.title),
          notFoundView(query, recap.topics.slice(0, 5)),
        ];
        for (const view of views) {
          expect(limitProblems(view)).toEqual([]);
          expect(limitProblems(asShared(withShareButton(view, query || 'x'), 'U1'))).toEqual([]);
          expect(view.blocks.length).toBeLessThanOrEqual(VIEW_MAX_BLOCKS);
        }
        for (const view of views) expect(mrkdwnOf(view)).not.toMatch(/<!channel>|<@U123>/);
      }),
      { numRuns: 60 },
    );
  });
});
