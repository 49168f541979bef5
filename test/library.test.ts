import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContentFolders } from '../src/content/folders.js';
import { loadContent } from '../src/content/load.js';
import type { ContentSet, Recap } from '../src/content/model.js';
import { type HackathonLookup, Library, type SearchOutcome } from '../src/library.js';
import { makeContent, makeRecap, makeTopic, pr } from './support/fixtures.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';

const SEED_DIR = path.join(PROJECT_ROOT, 'content');
/** Two more recaps, read where they are: they are not the project's content. */
const SHARED_RECAPS = sharedDir('recaps');
const SHARED_WRAP_UPS = sharedDir('wrap-ups');

function titles(outcome: SearchOutcome): string[] {
  if (outcome.kind === 'topic') return [outcome.topic, ...outcome.others].map((t) => t.title);
  if (outcome.kind === 'candidates') return outcome.topics.map((t) => t.title);
  return outcome.suggestions.map((t) => t.title);
}

const june = makeRecap({
  id: '2025-06-schelklingen',
  title:
    'Taking Gardener to the Next Level: Highlights from the 7th Gardener Community Hackathon in Schelklingen',
  date: '2025-06-17',
  sections: [
    { title: 'Enhancing Observability and Operations', topics: [{ title: 'Cluster Network Observability' }] },
    {
      title: 'Bolstering Security and Resource Management',
      topics: [{ title: 'Expose EgressCIDRs in the shoot-info ConfigMap', links: [pr(12252)] }],
    },
  ],
});
const december = makeRecap({
  id: '2024-12-6th-hackathon-blog',
  title: 'Unleashing Potential: Highlights from the 6th Gardener Community Hackathon',
  date: '2024-12-08',
  sections: [{ title: 'Security Hardening', topics: [{ title: 'Enhanced Seed Authorizer' }] }],
});
const may = makeRecap({
  id: '2024-05-5th-hackathon-blog',
  title: 'Innovation Unleashed: A Deep Dive into the 5th Gardener Community Hackathon',
  date: '2024-05-21',
  topics: [{ title: 'Expose Shoot API Server in Tailscale VPN' }],
});

const library = new Library(makeContent([may, june, december]));

describe('Library lookups', () => {
  it('keeps hackathons newest first, with the newest as latest', () => {
    expect(library.hackathons.map((h) => h.id)).toEqual(['2025-06', '2024-12', '2024-05']);
    expect(library.latest.recaps).toEqual([june]);
    expect(library.recaps.map((r) => r.id)).toEqual([june.id, december.id, may.id]);
    expect(() => new Library(makeContent([])).latest).toThrow(/no hackathon/);
  });

  it('finds topics by key, old recap keys too, and a topic its hackathon and section', () => {
    const topic = library.topic('2025-06/expose-egresscidrs-in-the-shoot-info-configmap');
    expect(topic?.title).toBe('Expose EgressCIDRs in the shoot-info ConfigMap');
    // Slack messages posted before hackathons carry `recapId/topicId`.
    expect(library.topic('2025-06-schelklingen/expose-egresscidrs-in-the-shoot-info-configmap')).toBe(topic);
    expect(library.topic('nope/nothing')).toBeUndefined();
    expect(library.recap('2024-05-5th-hackathon-blog')).toBe(may);
    expect(library.recap('2023-01')).toBeUndefined();
    expect(library.hackathonOfRecap(may.id)?.id).toBe('2024-05');
    if (!topic) throw new Error('unreachable');
    expect(library.hackathonOf(topic).id).toBe('2025-06');
    expect(library.sectionOf(topic)?.title).toBe('Bolstering Security and Resource Management');
  });

  it('refuses a topic of another library, and invents no section for a topic no heading holds', () => {
    const stranger = { ...library.latest.topics[0]!, hackathonId: '1999-01' };
    expect(() => library.hackathonOf(stranger)).toThrow(/no hackathon/);
    const orphan = makeTopic({ title: 'Orphan', recapId: 'r' });
    const bare = {
      ...makeRecap({ id: 'r', title: 'Bare', date: '2020-01-01' }),
      sections: [],
      topics: [orphan],
    };
    const lonely = new Library(makeContent([bare]));
    expect(lonely.latest.sections).toEqual([]);
    expect(lonely.sectionOf(lonely.latest.topics[0]!)).toBeUndefined();
  });

  it('passes content problems and the next event through', () => {
    const content: ContentSet = {
      ...makeContent([june]),
      problems: [{ file: 'x.md', message: 'broken', severity: 'error' }],
    };
    const withProblems = new Library(content);
    expect(withProblems.problems).toHaveLength(1);
    expect(withProblems.next).toBeUndefined();
  });
});

function found(lookup: HackathonLookup | undefined): string | string[] | undefined {
  if (!lookup) return undefined;
  return lookup.kind === 'one' ? lookup.hackathon.id : lookup.hackathons.map((h) => h.id);
}

describe('findHackathon', () => {
  it.each([
    ['2025-06-schelklingen', '2025-06'],
    ['june 2025', '2025-06'],
    ['June 2025', '2025-06'],
    ['jun 2025', '2025-06'],
    ['2025-06', '2025-06'],
    ['06/2025', '2025-06'],
    ['dec 2024', '2024-12'],
    ['December 2024', '2024-12'],
    ['2024-12', '2024-12'],
    ['6th', '2024-12'],
    ['the sixth hackathon', '2024-12'],
    ['7th hackathon', '2025-06'],
    ['5th', '2024-05'],
    ['may 2024', '2024-05'],
    ['schelklingen', '2025-06'],
    ['Unleashing', '2024-12'],
    ['innovation', '2024-05'],
    ['latest', '2025-06'],
    ['the previous hackathon', '2024-12'],
    ['previous', '2024-12'],
  ])('%s → %s', (words, id) => {
    expect(found(library.findHackathon(words))).toBe(id);
  });

  it('asks which when the words fit several hackathons, newest first', () => {
    expect(found(library.findHackathon('2024'))).toEqual(['2024-12', '2024-05']);
    expect(found(library.findHackathon('hackathon 2024'))).toEqual(['2024-12', '2024-05']);
  });

  it.each([
    ['', 'nothing'],
    ['xyzzy', 'a word no hackathon has'],
    ['hackathon', 'a word every hackathon has'],
    ['gardener community', 'words every hackathon has'],
    ['dec 2025', 'a date without a hackathon'],
    ['9th', 'an ordinal without a hackathon'],
    ['june 2024', 'a month and year that do not meet'],
  ])('%s → undefined (%s)', (words) => {
    expect(library.findHackathon(words)).toBeUndefined();
  });

  it('picks by place, organizer and ordinal the recaps state, and by when it took place, not published', () => {
    const facts = (recap: Recap, extra: Partial<Recap['facts']>): Recap => ({
      ...recap,
      facts: { ...recap.facts, ...extra },
    });
    const archive = new Library(
      makeContent([
        facts(
          makeRecap({
            id: '2021-10-wrap',
            title: 'October 2021',
            date: '2021-11-20',
            topics: [{ title: 'A' }],
          }),
          {
            month: '2021-10',
            place: 'Hotel Sofia, Sofia, Bulgaria',
            organizer: 'Sofia Ops',
          },
        ),
        facts(
          makeRecap({
            id: '2022-04-wrap',
            title: 'April 2022',
            date: '2022-04-30',
            topics: [{ title: 'B' }],
          }),
          {
            month: '2022-04',
            place: 'Schlosshof, Schelklingen',
            ordinal: 3,
          },
        ),
        facts(
          makeRecap({
            id: '2022-09-wrap',
            title: 'September 2022',
            date: '2022-09-30',
            topics: [{ title: 'C' }],
          }),
          {
            month: '2022-09',
            place: 'Schlosshof, Schelklingen',
          },
        ),
      ]),
    );
    expect(found(archive.findHackathon('sofia'))).toBe('2021-10');
    expect(found(archive.findHackathon('2021'))).toBe('2021-10');
    expect(found(archive.findHackathon('october 2021'))).toBe('2021-10');
    // Published in November, it took place in October.
    expect(archive.findHackathon('november 2021')).toBeUndefined();
    expect(found(archive.findHackathon('3rd'))).toBe('2022-04');
    expect(found(archive.findHackathon('schelklingen'))).toEqual(['2022-09', '2022-04']);
    expect(found(archive.findHackathon('latest'))).toBe('2022-09');
    expect(found(archive.findHackathon('previous'))).toBe('2022-04');
  });
});

describe('findSection', () => {
  it('matches a section by a forgiving title word, in the newest hackathon that has it', () => {
    expect(library.findSection('observability')).toMatchObject({
      hackathon: { id: '2025-06' },
      section: { title: 'Enhancing Observability and Operations' },
    });
    expect(library.findSection('Security')?.section.title).toBe(
      'Bolstering Security and Resource Management',
    );
    expect(library.findSection('observabilty')?.section.title).toBe('Enhancing Observability and Operations');
    expect(library.findSection('operations & observability')?.section.id).toBe(
      'enhancing-observability-and-operations',
    );
  });

  it('looks only in the given hackathon when there is one', () => {
    const winter = library.hackathon('2024-12');
    expect(library.findSection('security', winter)).toMatchObject({
      hackathon: { id: '2024-12' },
      section: { title: 'Security Hardening' },
    });
    expect(library.findSection('observability', winter)).toBeUndefined();
  });

  it('finds nothing for unrelated words or none at all', () => {
    expect(library.findSection('xyzzy')).toBeUndefined();
    expect(library.findSection('')).toBeUndefined();
    expect(library.findSection('the and of')).toBeUndefined();
  });
});

describe('the real recaps', () => {
  let seed: Library;
  let all: Library;
  beforeAll(async () => {
    const content = await loadContent(SEED_DIR);
    seed = new Library(content);
    // The blog posts and wrap-up pages sit beside the project (../shared); a missing folder fails loudly here.
    all = new Library(await loadContentFolders([SEED_DIR, SHARED_RECAPS, SHARED_WRAP_UPS]));
  });

  it('loads the shipped synonyms without problems', () => {
    expect(seed.problems.filter((p) => p.file.includes('synonyms'))).toEqual([]);
  });

  it('wireguard → the OpenVPN to WireGuard topic', () => {
    expect(seed.search('wireguard')).toMatchObject({
      kind: 'topic',
      topic: { title: expect.stringMatching(/OpenVPN.*Wireguard/i) },
    });
  });

  it('dashbord → Dashboard Usability Improvements', () => {
    expect(seed.search('dashbord')).toMatchObject({
      kind: 'topic',
      topic: { title: 'Dashboard Usability Improvements' },
    });
  });

  it('otel → OpenTelemetry Transport for Shoot Metrics', () => {
    expect(seed.search('otel')).toMatchObject({
      kind: 'topic',
      topic: { title: 'OpenTelemetry Transport for Shoot Metrics' },
    });
  });

  it('12252 and #12252 → Expose EgressCIDRs', () => {
    for (const query of ['12252', '#12252']) {
      expect(seed.search(query)).toMatchObject({
        kind: 'topic',
        topic: { title: expect.stringMatching(/^Expose EgressCIDRs/) },
      });
    }
  });

  it('gep 32 → GEP-32', () => {
    expect(seed.search('gep 32')).toMatchObject({
      kind: 'topic',
      topic: { title: expect.stringMatching(/^GEP-32/) },
    });
  });

  it('azure → candidates: the node limit on Azure and the scheduled events watcher', () => {
    const outcome = seed.search('azure');
    expect(outcome.kind).toBe('candidates');
    expect(titles(outcome)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Node limit on Azure/),
        'Instance Scheduled Events Watcher',
      ]),
    );
  });

  it('xyzzy → none', () => {
    expect(seed.search('xyzzy')).toMatchObject({ kind: 'none' });
  });

  it('finds the seed sections and its hackathon by its names', () => {
    expect(seed.findSection('observability')?.section.title).toBe('Enhancing Observability and Operations');
    expect(seed.findSection('security')?.section.title).toBe('Bolstering Security and Resource Management');
    for (const words of ['june 2025', '2025-06', '7th', 'schelklingen', '2025-06-schelklingen']) {
      expect(found(seed.findHackathon(words)), words).toBe('2025-06');
    }
  });

  it('tailscale and cilium are found in the shared recaps', () => {
    expect(all.search('tailscale')).toMatchObject({
      kind: 'topic',
      topic: { title: 'Expose Shoot API Server in Tailscale VPN' },
    });
    expect(all.search('cilium')).toMatchObject({
      kind: 'topic',
      topic: { title: expect.stringMatching(/Cilium/) },
    });
  });

  it('6th → the 2024-12 hackathon; dec 2024, may 2024 and 7th too', () => {
    expect(found(all.findHackathon('6th'))).toBe('2024-12');
    expect(found(all.findHackathon('dec 2024'))).toBe('2024-12');
    expect(found(all.findHackathon('5th hackathon'))).toBe('2024-05');
    expect(found(all.findHackathon('7th'))).toBe('2025-06');
    expect(found(all.findHackathon('2024'))).toEqual(['2024-12', '2024-05']);
  });

  it('the seed answers still hold with the whole archive indexed', () => {
    expect(titles(all.search('dashbord'))[0]).toBe('Dashboard Usability Improvements');
    expect(all.search('12252')).toMatchObject({
      kind: 'topic',
      topic: { title: expect.stringMatching(/EgressCIDRs/) },
    });
    expect(all.search('azure').kind).toBe('candidates');
    expect(all.search('gep 32')).toMatchObject({
      kind: 'topic',
      topic: { title: expect.stringMatching(/^GEP-32/) },
    });
    // Two hackathons have a kube-apiserver load-balancing topic: the person must choose.
    expect(all.search('load balancing').kind).toBe('candidates');
  });
});
