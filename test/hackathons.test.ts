import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupHackathons, shortPlace } from '../src/content/hackathons.js';
import type { Hackathon, Link, Recap, RecapFacts } from '../src/content/model.js';
import { identifiers, matchStem, titleWords } from '../src/content/title-words.js';
import { makeRecap, pr, type TopicSpec } from './support/fixtures.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';

/** A recap with the facts the parser reads, and topics no heading holds (the usual blog list or wrap-up). */
function recap(
  id: string,
  kind: Recap['kind'],
  facts: RecapFacts,
  topics: (TopicSpec & { video?: number })[],
  published = `${facts.month ?? '2020-01'}-20`,
): Recap {
  const base = makeRecap({ id, title: `Recap ${id}`, date: published, topics });
  return {
    ...base,
    kind,
    facts,
    sections: [],
    topics: base.topics.map(({ sectionId: _, ...topic }, i) => {
      const seconds = topics[i]?.video;
      // The parser keeps a leading emoji apart from the title.
      const emoji = /^(\p{Extended_Pictographic}\uFE0F?)\s+(.*)$/u.exec(topic.title);
      const titled = emoji ? { ...topic, emoji: emoji[1], title: emoji[2] ?? topic.title } : topic;
      return seconds === undefined
        ? titled
        : {
            ...titled,
            video: { url: `https://youtu.be/abc?t=${seconds}s`, id: 'abc', startSeconds: seconds },
          };
    }),
  };
}

function byId(hackathons: Hackathon[], id: string): Hackathon {
  const found = hackathons.find((h) => h.id === id);
  if (!found) throw new Error(`no hackathon ${id} in ${hackathons.map((h) => h.id).join(', ')}`);
  return found;
}

const readme = (anchor: string): Link => ({
  url: `https://github.com/gardener-community/hackathon/blob/main/2024-12_Schelklingen/README.md#${anchor}`,
  label: 'full summary',
  kind: 'document',
});

describe('grouping recaps into hackathons', () => {
  it('makes a blog post and a wrap-up page of the same days one hackathon, newest first by when it took place', () => {
    const hackathons = groupHackathons([
      recap('blog-2025-06', 'blog-post', { month: '2025-06', ordinal: 7 }, [{ title: 'A' }], '2025-06-17'),
      recap(
        'wrap-2025-06',
        'wrap-up',
        {
          month: '2025-06',
          start: '2025-06-02',
          end: '2025-06-06',
          place: 'Schlosshof Freizeitheim, Schelklingen',
          organizer: 'x-cellent',
          planningUrl: 'https://hackmd.io/plan',
          reviewUrl: 'https://gardener.cloud/review',
        },
        [{ title: 'A' }],
      ),
      // Published later than the June one, but it took place earlier.
      recap('wrap-2024-12', 'wrap-up', { month: '2024-12' }, [{ title: 'B' }], '2025-07-01'),
    ]);
    expect(hackathons.map((h) => h.id)).toEqual(['2025-06', '2024-12']);
    const june = byId(hackathons, '2025-06');
    expect(june).toMatchObject({
      title: 'June 2025',
      monthLabel: 'June 2025',
      start: '2025-06-02',
      end: '2025-06-06',
      place: 'Schlosshof Freizeitheim, Schelklingen',
      placeShort: 'Schelklingen',
      organizer: 'x-cellent',
      ordinal: 7,
      links: { planningUrl: 'https://hackmd.io/plan', reviewUrl: 'https://gardener.cloud/review' },
    });
    expect(june.recaps.map((r) => r.id)).toEqual(['blog-2025-06', 'wrap-2025-06']);
    expect(june.topics).toHaveLength(1);
  });

  it('keeps two hackathons of one month apart when their days do not overlap', () => {
    const hackathons = groupHackathons([
      recap('a', 'wrap-up', { month: '2025-11', start: '2025-11-03', end: '2025-11-07' }, [{ title: 'A' }]),
      recap('b', 'wrap-up', { month: '2025-11', start: '2025-11-24', end: '2025-11-28' }, [{ title: 'B' }]),
      recap('c', 'blog-post', { month: '2025-11', start: '2025-11-25' }, [{ title: 'B' }]),
    ]);
    expect(hackathons.map((h) => [h.id, h.recaps.map((r) => r.id)])).toEqual([
      ['2025-11-2', ['c', 'b']],
      ['2025-11', ['a']],
    ]);
  });

  it('places a recap without a month by its publication date, joining the hackathon that just ended', () => {
    const hackathons = groupHackathons([
      recap('wrap', 'wrap-up', { month: '2025-11', start: '2025-11-24', end: '2025-11-28' }, [
        { title: 'A' },
      ]),
      recap('late-blog', 'blog-post', {}, [{ title: 'A' }], '2025-12-10'),
      recap('lonely', 'blog-post', {}, [{ title: 'Z' }], '2023-03-01'),
    ]);
    expect(hackathons.map((h) => [h.id, h.recaps.map((r) => r.id)])).toEqual([
      ['2025-11', ['late-blog', 'wrap']],
      ['2023-03', ['lonely']],
    ]);
    expect(byId(hackathons, '2023-03').placedByPublication).toBe(true);
    expect(byId(hackathons, '2025-11').placedByPublication).toBeUndefined();
  });

  it('keeps a name of its own, and never makes one up', () => {
    const [walldorf] = groupHackathons([
      recap(
        'w',
        'wrap-up',
        { month: '2025-12', name: 'Hack The Garden Walldorf Edition', place: 'SAP Center Walldorf' },
        [{ title: 'A' }],
      ),
    ]);
    expect(walldorf).toMatchObject({
      title: 'Hack The Garden Walldorf Edition',
      monthLabel: 'December 2025',
    });
    expect(shortPlace('SAP Center Walldorf')).toBe('SAP Center Walldorf');
    expect(shortPlace('Schlosshof in Schelklingen, Germany')).toBe('Schelklingen');
    expect(shortPlace('Open Sky House, Leverkusen')).toBe('Leverkusen');
  });
});

describe('merging the topics of one hackathon', () => {
  const blog = recap('2024-12-blog', 'blog-post', { month: '2024-12', ordinal: 6 }, [
    {
      title: '🌐 IPv6 Support on IronCore',
      summary: 'Dual-stack clusters on IronCore.',
      links: [readme('-ipv6-support-on-ironcore')],
      video: 95,
    },
    { title: 'Version Classification Lifecycle in `CloudProfile`', summary: 'A GEP was written.' },
    { title: 'Replacement of OpenVPN with Wireguard', summary: 'A PoC.', links: [pr(12260)] },
    { title: 'Only The Blog Has This', summary: 'Blog only.' },
  ]);
  const wrapUp = recap(
    'community-2024-12',
    'wrap-up',
    { month: '2024-12', start: '2024-12-02', end: '2024-12-06' },
    [
      {
        title: 'IPv6 Support On IronCore',
        summary: 'Problem Statement: IPv6-only shoots. Achievements: dual-stack. Next Steps: load balancers.',
        links: [pr(436, 'ironcore-dev/machine-controller-manager-provider-ironcore')],
      },
      {
        title: 'Version Classification Lifecycle In CloudProfiles',
        summary: 'Problem Statement: manual work.',
      },
      {
        title: 'Replace OpenVPN With `WireGuard`',
        summary: 'Problem Statement: TCP in TCP.',
        links: [pr(12260), pr(12261)],
      },
      { title: 'Only The Wrap-Up Has This', summary: 'Wrap-up only.' },
    ],
  );
  const [hackathon] = groupHackathons([blog, wrapUp]);

  it('merges each pair into one card: the wrap-up page’s text, the blog post’s video, every link once', () => {
    expect(hackathon?.topics.map((t) => [t.title, t.sources.map((s) => s.kind)])).toEqual([
      ['IPv6 Support On IronCore', ['wrap-up', 'blog-post']],
      ['Version Classification Lifecycle In CloudProfiles', ['wrap-up', 'blog-post']],
      ['Replace OpenVPN With `WireGuard`', ['wrap-up', 'blog-post']],
      // A topic only the blog post has comes after the one it follows there.
      ['Only The Blog Has This', ['blog-post']],
      ['Only The Wrap-Up Has This', ['wrap-up']],
    ]);
    const ipv6 = hackathon?.topics[0];
    expect(ipv6).toMatchObject({
      key: '2024-12/ipv6-support-on-ironcore',
      emoji: '🌐',
      summary: { text: expect.stringContaining('Problem Statement') },
      video: { startSeconds: 95 },
    });
    expect(ipv6?.links.map((l) => l.url)).toHaveLength(2);
    const vpn = hackathon?.topics[2];
    expect(vpn?.links.map((l) => l.number)).toEqual([12260, 12261]);
    expect(vpn?.sources.map((s) => `${s.recapId}/${s.topicId}`)).toEqual([
      'community-2024-12/replace-openvpn-with-wireguard',
      '2024-12-blog/replacement-of-openvpn-with-wireguard',
    ]);
  });

  it('does not merge topics that only share a word or two', () => {
    const [one] = groupHackathons([
      recap('x-blog', 'blog-post', { month: '2023-05' }, [
        { title: 'Compression for ManagedResource Secrets' },
      ]),
      recap('x-wrap', 'wrap-up', { month: '2023-05' }, [{ title: 'Signing of ManagedResource Secrets' }]),
    ]);
    expect(one?.topics).toHaveLength(2);
  });

  it('reads titles the same way whatever their spelling', () => {
    expect([...titleWords('Replacement of `OpenVPN` with 🌐 Wireguard')]).toEqual([
      'replac',
      'openvpn',
      'wireguard',
    ]);
    expect(titleWords('Replace OpenVPN With WireGuard')).toEqual(
      titleWords('Replacement of OpenVPN with Wireguard'),
    );
    expect(titleWords('Version Classification Lifecycles')).toEqual(
      titleWords('version classification lifecycle'),
    );
    expect(matchStem('migrating')).toBe(matchStem('migration'));
    expect([...identifiers('GEP-28: Autonomous Shoots (gep 28, GEP‑32)')]).toEqual(['gep-28', 'gep-32']);
  });
});

describe('the story across hackathons', () => {
  const june = recap(
    '2025-06-blog',
    'blog-post',
    { month: '2025-06' },
    [
      { title: 'Replacement of OpenVPN with Wireguard' },
      { title: 'GEP-28: Autonomous Shoot Clusters' },
      { title: 'Improve Shoot Support' },
      { title: 'Compression for ManagedResource Secrets' },
      { title: 'Dashboard Usability Improvements' },
      { title: 'Gardener Node Agent' },
    ],
    '2025-06-17',
  );
  const may2026 = recap(
    '2026-05-blog',
    'blog-post',
    { month: '2026-05' },
    [
      { title: 'Replace OpenVPN with WireGuard' },
      { title: 'Self-Hosted Control Planes (GEP-28)' },
      { title: 'Shoot Support for Azure' },
      { title: 'Signing of ManagedResource Secrets' },
      { title: 'Dashboard Usability' },
      {
        title: 'Faster Node Bootstrap',
        summary: 'This continued the work from June 2025 on the Node Agent.',
      },
    ],
    '2026-05-20',
  );
  const hackathons = groupHackathons([june, may2026]);
  const also = (hackathonId: string, title: string) =>
    byId(hackathons, hackathonId)
      .topics.find((t) => t.title === title)
      ?.alsoAt.map((ref) => `${ref.hackathonLabel}: ${ref.title}`);

  it('links the same work by its title, both ways', () => {
    expect(also('2025-06', 'Replacement of OpenVPN with Wireguard')).toEqual([
      'May 2026: Replace OpenVPN with WireGuard',
    ]);
    expect(also('2026-05', 'Replace OpenVPN with WireGuard')).toEqual([
      'June 2025: Replacement of OpenVPN with Wireguard',
    ]);
    expect(also('2025-06', 'Dashboard Usability Improvements')).toEqual(['May 2026: Dashboard Usability']);
  });

  it('links titles that name the same enhancement proposal', () => {
    expect(also('2025-06', 'GEP-28: Autonomous Shoot Clusters')).toEqual([
      'May 2026: Self-Hosted Control Planes (GEP-28)',
    ]);
  });

  it('links what a recap says it continues', () => {
    expect(also('2026-05', 'Faster Node Bootstrap')).toEqual(['June 2025: Gardener Node Agent']);
  });

  it('links nothing on generic words, and nothing on one telling word in common', () => {
    expect(also('2025-06', 'Improve Shoot Support')).toEqual([]);
    expect(also('2025-06', 'Compression for ManagedResource Secrets')).toEqual([]);
  });

  it('follows a link to another hackathon’s topic', () => {
    const [later, earlier] = groupHackathons([
      recap('2024-12-blog', 'blog-post', { month: '2024-12' }, [
        { title: 'Prow On Flux' },
        { title: 'Something Else' },
      ]),
      recap('2025-06-x', 'blog-post', { month: '2025-06' }, [
        { title: 'CI Rework', links: [readme('-prow-on-flux')] },
      ]),
    ]);
    expect(later?.topics[0]?.alsoAt.map((r) => r.key)).toEqual(['2024-12/prow-on-flux']);
    expect(earlier?.topics[0]?.alsoAt.map((r) => r.key)).toEqual(['2025-06/ci-rework']);
  });
});

describe('the real archive: seed, blog posts and wrap-up pages together', async () => {
  const { loadContentFolders } = await import('../src/content/folders.js');
  const { Library } = await import('../src/library.js');
  const dirs = [path.join(PROJECT_ROOT, 'content'), sharedDir('recaps'), sharedDir('wrap-ups')];
  const library = new Library(await loadContentFolders(dirs));

  it('is five hackathons, newest first by when they took place', () => {
    expect(library.hackathons.map((h) => h.id)).toEqual([
      '2025-12',
      '2025-06',
      '2024-12',
      '2024-05',
      '2023-05',
    ]);
  });

  it('makes the 6th blog post and the December 2024 wrap-up page one hackathon of 23 merged topics', () => {
    const december = library.hackathon('2024-12');
    expect(december?.recaps.map((r) => r.id)).toEqual(['2024-12-6th-hackathon-blog', 'community-2024-12']);
    expect(december?.topics).toHaveLength(23);
    expect(december?.topics.every((t) => t.sources.length === 2)).toBe(true);
    expect(december).toMatchObject({
      start: '2024-12-02',
      end: '2024-12-06',
      ordinal: 6,
      organizer: 'x-cellent',
    });
    expect(december?.placeShort).toBe('Schelklingen');
  });

  it('keeps the seed’s 15 topics, and the wrap-up pages’ 10 and 11', () => {
    expect(library.hackathon('2025-06')?.topics).toHaveLength(15);
    expect(library.hackathon('2023-05')?.topics).toHaveLength(10);
    expect(library.hackathon('2025-12')?.topics).toHaveLength(11);
  });

  it('returns one card per topic, not one per file', () => {
    const outcome = library.search('ironcore ipv6');
    expect(outcome.kind).toBe('topic');
    if (outcome.kind !== 'topic') return;
    expect(outcome.topic.key).toBe('2024-12/ipv6-support-on-ironcore');
    expect(outcome.others.map((t) => t.key)).not.toContain(outcome.topic.key);
  });

  it('links GEP-32 to its start at the hackathon before', () => {
    const gep = library.hackathon('2025-06')?.topics.find((t) => t.title.startsWith('GEP-32'));
    expect(gep?.alsoAt.map((r) => r.key)).toEqual([
      '2024-12/version-classification-lifecycle-in-cloudprofiles',
    ]);
  });
});
