import path from 'node:path';
import type { ActionsBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContentFolders } from '../src/content/folders.js';
import type { Hackathon, HackathonTopic, Link } from '../src/content/model.js';
import { Library } from '../src/library.js';
import { ACTION, LINK_ACTION_PREFIX } from '../src/views/actions.js';
import { announcementParent, announcementPreview, announcementThread } from '../src/views/announcement.js';
import { candidatesView, hackathonChoiceView } from '../src/views/candidates.js';
import { formatDate, formatTimestamp } from '../src/views/format.js';
import { helpView, SUBCOMMANDS, usageHint } from '../src/views/help.js';
import { homeView } from '../src/views/home.js';
import { latestRef } from '../src/views/latest-recap.js';
import {
  BLOCK_TEXT_BUDGET,
  blockTextLength,
  MAX_SECTION_TEXT,
  VIEW_MAX_BLOCKS,
  VIEW_TEXT_BUDGET,
} from '../src/views/limits.js';
import type { SlackMessage } from '../src/views/message.js';
import { nextEventView } from '../src/views/next-event.js';
import { notFoundView } from '../src/views/not-found.js';
import { hackathonsView } from '../src/views/overview.js';
import { asShared, withShareButton } from '../src/views/share.js';
import { topicView } from '../src/views/topic.js';
import { topicsView } from '../src/views/topics.js';
import { limitProblems } from './support/limits.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';
import {
  bigRecap,
  buildRecap,
  december2024,
  hackathonOf,
  hackathonSection,
  hackathonTopic,
  prLink,
  schelklingen,
} from './support/view-fixtures.js';
import { buttonsIn, visibleText } from './support/visible.js';

// ---------------------------------------------------------------------------------------------------------
// Reading views.

/** What a person reads in the blocks (the fallback `text` aside). */
function allText(message: SlackMessage): string {
  return visibleText(message.blocks);
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

/** Every view of a hackathon the bot can send, each also with its Share button and as shared. */
function viewsOf(hackathon: Hackathon, others: Hackathon[] = []): Array<[string, SlackMessage]> {
  const views: Array<[string, SlackMessage]> = [];
  const add = (name: string, view: SlackMessage): void => {
    views.push([name, view], [`${name} +share`, withShareButton(view, `topics ${hackathon.id}`)]);
    views.push([`${name} shared`, asShared(withShareButton(view, 'x'), 'U123ABC')]);
  };
  add(
    `${hackathon.id} topics`,
    topicsView(hackathon, { otherHackathons: others, pageValue: (p) => `topics page ${p}` }),
  );
  for (const section of hackathon.sections)
    add(`${hackathon.id} ${section.id}`, topicsView(hackathon, { section }));
  for (const topic of hackathon.topics) {
    add(
      `${hackathon.id} ${topic.id}`,
      topicView(topic, hackathon, hackathonSection(hackathon, topic), {
        back: `topics ${hackathon.id} page 2`,
      }),
    );
  }
  add(
    `${hackathon.id} candidates`,
    candidatesView('query', hackathon.topics, (t) => `${t.sectionId} · ${hackathon.title}`),
  );
  add(
    `${hackathon.id} none`,
    notFoundView('wiregaurd', hackathon.topics.slice(0, 5), { hackathons: others }),
  );
  add(
    `${hackathon.id} choice`,
    hackathonChoiceView('2024', [hackathon, ...others], (h) => `topics ${h.id}`),
  );
  return views;
}

/** A Details button's topic key: its value also names the list it was opened from. */
function keyOf(value: string | undefined): string {
  return (value ?? '').split(' from ')[0] ?? '';
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
  const hackathon = hackathonOf(schelklingen());

  it('lists every topic as one section with a Details button, grouped under section titles', () => {
    const view = topicsView(hackathon);
    expect(header(view)).toBe('June 2025');
    const details = buttonsIn(view).filter((b) => b.action_id?.startsWith(`${ACTION.pickTopic}:`));
    expect(details.map((b) => b.value)).toEqual(hackathon.topics.map((t) => t.key));
    expect(details.map((b) => b.value)).toContain('2025-06/replacement-of-openvpn-with-wireguard');
    expect(new Set(details.map((b) => b.action_id)).size).toBe(details.length);
    expect(allText(view)).toContain('*🚀 Modernizing Core Infrastructure and Networking*');
    expect(allText(view)).toContain('▶ <https://youtu.be/TCLXovw43HA?t=104s|1:44>');
    expect(allText(view)).toContain('🏎️ _fast track_');
    expect(allText(view)).toContain('June 2025');
    expect(allText(view)).toContain('5 topics');
    expect(allText(view)).toContain('|Blog post>');
    expect(allText(view)).toContain('|Recording>');
    expect(view.text).toContain('Replacement of OpenVPN with Wireguard');
    expect(limitProblems(view)).toEqual([]);
  });

  it('lists a hackathon without sections without headings, and never invents "Highlights"', () => {
    const december = hackathonOf(december2024());
    const view = topicsView(december);
    expect(december.sections).toEqual([]);
    expect(allText(view)).not.toContain('Highlights');
    expect(allText(view)).not.toContain('Other topics');
    expect(buttonsIn(view).map((b) => keyOf(b.value))).toEqual(december.topics.map((t) => t.key));
  });

  it('shows one section on request', () => {
    const section = hackathon.sections[2]!;
    const view = topicsView(hackathon, { section });
    expect(buttonsIn(view).map((b) => b.value)).toEqual(
      section.topicIds.map((id) => `${hackathon.id}/${id}`),
    );
    expect(allText(view)).toContain('2 of 5 topics');
  });

  it('names the other hackathons', () => {
    const view = topicsView(hackathon, { otherHackathons: [hackathon, hackathonOf(december2024())] });
    expect(allText(view)).toContain('Also: `/hackathon topics dec 2024`');
    expect(allText(view)).not.toContain('jun 2025');
  });

  it('pages 60 topics cleanly: every topic on exactly one page, Previous and Next where there are pages', () => {
    const big = hackathonOf(bigRecap(60));
    const seen: string[] = [];
    let page = 1;
    for (; page < 20; page++) {
      const view = withShareButton(topicsView(big, { page, pageValue: (p) => `topics big page ${p}` }), 'x');
      expect(limitProblems(view)).toEqual([]);
      const pageButtons = buttonsIn(view);
      const details = pageButtons.filter((b) => b.action_id?.startsWith(ACTION.pickTopic));
      seen.push(...details.map((b) => keyOf(b.value)));
      // Details remembers the page it was opened from, for the card's Back button.
      for (const b of details) expect(b.value).toMatch(new RegExp(` from topics big page ${page}$`));
      const next = pageButtons.find((b) => b.action_id === ACTION.page);
      const previous = pageButtons.find((b) => b.action_id === `${ACTION.page}:0`);
      expect(allText(view)).toMatch(/Showing topics \d+–\d+ of 60/);
      if (page > 1) {
        expect(previous?.value).toBe(`topics big page ${page - 1}`);
        expect(previous?.text.text).toMatch(/^◀ Previous \(topics \d+–\d+\)$/);
      } else expect(previous).toBeUndefined();
      if (!next) break;
      expect(next.value).toBe(`topics big page ${page + 1}`);
      expect(next.text.text).toMatch(/^Next: topics \d+–\d+ of 60 ▶$/);
    }
    expect(page).toBeGreaterThan(1);
    expect(seen).toEqual(big.topics.map((t) => t.key).sort(byKeyOrder(big)));
  });

  it('says plainly that a page past the end does not exist, and shows the last one', () => {
    const big = hackathonOf(bigRecap(60));
    const last = topicsView(big, { page: 99, pageValue: (p) => `topics big page ${p}` });
    expect(buttonsIn(last).some((b) => b.action_id === ACTION.page)).toBe(false);
    expect(allText(last)).toMatch(
      /There is no page 99: this list has \d pages\. Here is page \d, the last one\./,
    );
    expect(allText(last)).toMatch(/Showing topics \d+–60 of 60/);
    expect(limitProblems(last)).toEqual([]);
  });

  it('cuts a 400-character hackathon name in the header', () => {
    const long = hackathonOf(buildRecap({ sections: [{ title: 'S', topics: [{ title: 'T' }] }] }));
    const text = header(topicsView({ ...long, title: 'Hack The Garden '.repeat(30) }));
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text.endsWith('…')).toBe(true);
  });

  it('says so when a hackathon has no topics', () => {
    const empty = hackathonOf(buildRecap({ sections: [] }));
    const view = topicsView(empty);
    expect(allText(view)).toContain('No topics are written up yet.');
    expect(limitProblems(view)).toEqual([]);
  });
});

/** The order topics appear in the list: by section, then list order; topics without a section last. */
function byKeyOrder(hackathon: Hackathon): (a: string, b: string) => number {
  const order = hackathon.sections.flatMap((s) => s.topicIds.map((id) => `${hackathon.id}/${id}`));
  return (a, b) => order.indexOf(a) - order.indexOf(b);
}

/** The card of a recap's first topic (or the one matching `pattern`), as the library would show it. */
function cardOf(recap: ReturnType<typeof buildRecap>, pattern = /./): SlackMessage {
  const hackathon = hackathonOf(recap);
  const topic = hackathonTopic(hackathon, pattern);
  return topicView(topic, hackathon, hackathonSection(hackathon, topic));
}

describe('topic view', () => {
  const recap = schelklingen();

  it('offers the WireGuard presentation at 1:44', () => {
    const view = cardOf(recap, /Wireguard/);
    const watch = buttonsIn(view).find((b) => b.action_id === `${LINK_ACTION_PREFIX}video`);
    expect(watch?.text.text).toBe('Watch the presentation (1:44)');
    expect(watch?.url).toBe('https://youtu.be/TCLXovw43HA?t=104s');
    expect(header(view)).toBe('Replacement of OpenVPN with Wireguard');
    expect(allText(view)).toContain('<https://openvpn.net/|OpenVPN>');
    expect(allText(view)).toContain('<https://github.com/apernet/mwgp|mwgp>');
    expect(allText(view)).toContain('🚀 Modernizing Core Infrastructure and Networking');
    expect(allText(view)).toContain('🗓️ June 2025');
    expect(allText(view)).toContain(
      'From the <https://gardener.cloud/blog/2025/06/06-17-taking-gardener-to-the-next-level|blog post>',
    );
    expect(allText(view)).not.toContain('Highlights');
    expect(view.text).toMatch(/^Replacement of OpenVPN with Wireguard — One major undertaking/);
    expect(limitProblems(view)).toEqual([]);
  });

  it('shows hours past the first hour', () => {
    const long = buildRecap({ sections: [{ title: 'S', topics: [{ title: 'Late', videoAt: 3723 }] }] });
    const view = cardOf(long);
    expect(buttonsIn(view).map((b) => b.text.text)).toContain('Watch the presentation (1:02:03)');
  });

  it('turns pull requests and issues into buttons with unique ids and short labels', () => {
    const labels = buttonsIn(cardOf(recap, /Dashboard/)).map((b) => [b.action_id, b.text.text]);
    expect(labels).toEqual([
      ['link:video', 'Watch the presentation (34:12)'],
      ['link:issue:gardener/dashboard#2469', 'gardener/dashboard issue #2469'],
      ['link:pr:gardener/dashboard#2470', 'gardener/dashboard #2470'],
      ['link:pr:gardener/dashboard#2476', 'gardener/dashboard #2476'],
    ]);
    const view = cardOf(recap, /EgressCIDRs/);
    expect(buttonsIn(view).map((b) => b.text.text)).toContain('PR #12252');
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
    const view = cardOf(topic);
    expect(allText(view).match(/a\.example\/doc/g)).toHaveLength(1);
    expect(buttonsIn(view).filter((b) => b.text.text === 'PR #1')).toHaveLength(1);
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
    const view = withShareButton(cardOf(big), 'wordy');
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
    const view = cardOf(big);
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
    const view = cardOf(sneaky);
    const everything = mrkdwnOf(view);
    expect(everything).not.toMatch(/<!channel>|<@U123>|<!everyone>|<!here>/);
    expect(everything).toContain('&lt;@U123&gt;');
  });
});

describe('topic card: where it comes from, the story, and the way back', () => {
  it('names its hackathon and place, never "Highlights", and both recaps it is merged from', () => {
    const blog = buildRecap({
      id: '2024-12-6th-hackathon-blog',
      date: '2024-12-08',
      recapUrl: 'https://gardener.cloud/blog/2024/12/08/01',
      sections: [{ title: 'Highlights', topics: [{ title: 'IPv6 Support on IronCore', videoAt: 95 }] }],
    });
    const wrapUp = {
      ...buildRecap({
        id: 'community-2024-12',
        date: '2024-12-20',
        sections: [
          { title: 'x', topics: [{ title: 'IPv6 Support On IronCore', summary: 'Problem Statement: …' }] },
        ],
      }),
      kind: 'wrap-up' as const,
      sections: [],
    };
    wrapUp.topics = wrapUp.topics.map((t) => ({ ...t, sectionId: undefined }));
    blog.sections = [];
    blog.topics = blog.topics.map((t) => ({ ...t, sectionId: undefined }));
    const hackathon = hackathonOf(
      { ...blog, facts: { month: '2024-12', place: 'Schlosshof Freizeitheim, Schelklingen' } },
      { ...wrapUp, facts: { month: '2024-12', start: '2024-12-02', end: '2024-12-06' } },
    );
    expect(hackathon.topics).toHaveLength(1);
    const topic = hackathon.topics[0]!;
    const view = topicView(topic, hackathon, undefined);
    const text = allText(view);
    expect(text).toContain('🗓️ December 2024 · Schelklingen');
    expect(text).toContain('From the <https://gardener.cloud/blog/2024/12/08/01|blog post> · wrap-up page');
    expect(text).toContain('Problem Statement');
    expect(text).not.toContain('Highlights');
    expect(buttonsIn(view).find((b) => b.action_id === 'link:video')?.text.text).toBe(
      'Watch the presentation (1:35)',
    );
  });

  it('offers the same work at other hackathons, and Back to the list it came from', () => {
    const hackathon = hackathonOf(schelklingen());
    const topic: HackathonTopic = {
      ...hackathonTopic(hackathon, /Wireguard/),
      alsoAt: [
        {
          key: '2026-05/replace-openvpn-with-wireguard',
          hackathonId: '2026-05',
          hackathonLabel: 'May 2026',
          title: 'Replace OpenVPN with WireGuard',
        },
      ],
    };
    const view = topicView(topic, hackathon, hackathonSection(hackathon, topic), {
      back: 'topics 2025-06 page 2',
    });
    const also = buttonsIn(view).find((b) => b.text.text.startsWith('Also at'));
    expect(also).toMatchObject({
      text: { text: 'Also at May 2026: Replace OpenVPN with WireGuard' },
      value: '2026-05/replace-openvpn-with-wireguard',
      action_id: `${ACTION.pickTopic}:0`,
    });
    const back = buttonsIn(view).find((b) => b.text.text.includes('Back'));
    expect(back).toMatchObject({ value: 'topics 2025-06 page 2', action_id: `${ACTION.page}:0` });
    expect(limitProblems(view)).toEqual([]);
    // Shared in the channel, the way back is the sharer's own: it goes; the story stays.
    const shared = asShared(withShareButton(view, `topic ${topic.key}`), 'U123ABC');
    expect(buttonsIn(shared).some((b) => b.text.text.includes('Back'))).toBe(false);
    expect(buttonsIn(shared).some((b) => b.text.text.startsWith('Also at'))).toBe(true);
  });
});

describe('choosing a hackathon', () => {
  it('names each hackathon so they can be told apart, with a button to its topics', () => {
    const may = hackathonOf({
      ...schelklingen(),
      id: '2024-05-blog',
      facts: { month: '2024-05', place: 'Sofia' },
    });
    const december = hackathonOf({
      ...december2024(),
      facts: { month: '2024-12', place: 'Schlosshof, Schelklingen' },
    });
    const view = hackathonChoiceView('2024', [december, may], (h) => `topics ${h.id}`);
    const text = allText(view);
    expect(text).toContain('2 hackathons fit “2024”. Which one do you mean?');
    expect(text).toContain('December 2024 · Schelklingen · 2 topics');
    expect(text).toContain('May 2024 · Sofia · 5 topics');
    expect(buttonsIn(view).map((b) => b.value)).toEqual(['topics 2024-12', 'topics 2024-05']);
    expect(view.text).toContain('December 2024');
    expect(limitProblems(view)).toEqual([]);
  });
});

describe('candidates and not found', () => {
  const recap = hackathonOf(schelklingen());

  it('offers a Show button per candidate', () => {
    const view = candidatesView('load', recap.topics.slice(0, 3), (t) => `section · ${t.hackathonId}`);
    expect(allText(view)).toContain('Several topics match “load”');
    expect(buttonsIn(view).map((b) => [b.action_id, b.text.text, b.value])).toEqual(
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
    expect(buttonsIn(view).map((b) => b.value)).toEqual([recap.topics[0]!.key]);
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
  const recap = hackathonOf(schelklingen());

  it('adds one Share button and a note, however often it is applied', () => {
    const view = withShareButton(withShareButton(topicsView(recap), 'topics'), 'topics');
    const share = buttonsIn(view).filter((b) => b.action_id === ACTION.share);
    expect(share).toHaveLength(1);
    expect(share[0]?.value).toBe('topics');
    expect(allText(view)).toContain('Only you can see this');
    expect(limitProblems(view)).toEqual([]);
  });

  it('adds no button for a value Slack cannot carry', () => {
    const view = withShareButton(topicsView(recap), 'x'.repeat(2001));
    expect(buttonsIn(view).some((b) => b.action_id === ACTION.share)).toBe(false);
  });

  it('shares a copy without the private parts, signed by the person', () => {
    const big = hackathonOf(bigRecap(60));
    const shared = asShared(
      withShareButton(topicsView(big, { pageValue: (p) => `p ${p}` }), 'topics'),
      'U123ABC',
    );
    const ids = buttonsIn(shared).map((b) => b.action_id);
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
    const hackathons = [schelklingen(), december2024(), bigRecap(60), bigRecap(200, 1)].map((r) =>
      hackathonOf(r),
    );
    expectWithinLimits(hackathons.flatMap((h) => viewsOf(h, hackathons)));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Real content, as the loader reads it: the seed, the blog posts and the wrap-up pages, grouped.

/** The project's own content, and the blog posts and wrap-up pages in `../shared` beside the clone. */
async function loadReal(): Promise<Library> {
  const dirs = [path.join(PROJECT_ROOT, 'content'), sharedDir('recaps'), sharedDir('wrap-ups')];
  return new Library(await loadContentFolders(dirs));
}

describe('every view of the real archive', () => {
  it('stays within the limits', async () => {
    const { hackathons } = await loadReal();
    expect(hackathons.length).toBeGreaterThan(0);
    expectWithinLimits(hackathons.flatMap((h) => viewsOf(h, hackathons)));
  });

  it('keeps the overview, the App Home, next and every announcement within the limits', async () => {
    const library = await loadReal();
    const now = new Date('2026-11-24T10:00:00Z');
    const views: Array<[string, SlackMessage]> = [
      [
        'overview',
        hackathonsView(library.hackathons, (h) => `topics ${h.id}`, { pageValue: (p) => `topics page ${p}` }),
      ],
      ['next', nextEventView(library.next, now, latestRef(library.hackathons, now))],
    ];
    for (const hackathon of library.hackathons) {
      views.push([`${hackathon.id} announcement`, announcementParent(hackathon)]);
      views.push([`${hackathon.id} preview`, announcementPreview(hackathon, 'C123ABC')]);
      for (const reply of announcementThread(hackathon))
        views.push([`${hackathon.id} ${reply.section}`, reply.message]);
    }
    expectWithinLimits(views);
    const home = homeView(library, now);
    expect(limitProblems(home)).toEqual([]);
    // The Home tab shows the latest hackathon, with its merged topics.
    expect(allText({ text: '', blocks: home.blocks })).toContain('Hack The Garden Walldorf Edition');
    expect(allText({ text: '', blocks: home.blocks })).toContain('OIDC Webhook Garden Class Extension');
  });

  it('shows the June 2025 hackathon: 15 topics in 5 sections, WireGuard at 1:44', async () => {
    const library = await loadReal();
    const june = library.hackathon('2025-06');
    expect(june).toBeDefined();
    if (!june) return;
    const list = topicsView(june);
    expect(buttonsIn(list).filter((b) => b.action_id?.startsWith(ACTION.pickTopic))).toHaveLength(15);
    expect(list.blocks.filter((b) => b.type === 'section' && !b.accessory)).toHaveLength(5);
    expect(allText(list).match(/▶ <https:\/\/youtu\.be\//g)).toHaveLength(13);
    const wireguard = hackathonTopic(june, /wireguard/i);
    const card = topicView(wireguard, june, hackathonSection(june, wireguard));
    const watch = buttonsIn(card).find((b) => b.action_id === `${LINK_ACTION_PREFIX}video`);
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
  .map((input) => hackathonOf(buildRecap(input)));

describe('any strings in titles, summaries and queries', () => {
  it('keep every view within the limits', () => {
    fc.assert(
      fc.property(anyRecap, anyText, fc.integer({ min: -2, max: 10 }), (hackathon, query, page) => {
        const others = [hackathon, hackathonOf(december2024())];
        const views: SlackMessage[] = [
          topicsView(hackathon, { page, pageValue: (p) => `topics ${p}`, otherHackathons: others }),
          ...hackathon.topics
            .slice(0, 5)
            .map((t) => topicView(t, hackathon, hackathonSection(hackathon, t), { back: query })),
          candidatesView(query, hackathon.topics, (t) => t.title),
          notFoundView(query, hackathon.topics.slice(0, 5), { hackathons: others }),
          hackathonChoiceView(query, others, (h) => `topics ${h.id}`),
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
