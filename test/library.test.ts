import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import type { ContentSet } from '../src/content/model.js';
import { Library, type SearchOutcome } from '../src/library.js';
import { makeContent, makeRecap, makeTopic, pr } from './support/fixtures.js';

const SEED_DIR = path.resolve('content');
/** Two more recaps, read where they are: they are not the project's content. */
const SHARED_RECAPS = path.resolve('../shared/recaps');

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
  it('keeps recaps newest first, with the newest as latest', () => {
    expect(library.recaps.map((r) => r.id)).toEqual([june.id, december.id, may.id]);
    expect(library.latest).toBe(june);
    expect(() => new Library(makeContent([])).latest).toThrow(/no recap/);
  });

  it('finds topics by key, recaps by id, and a topic its recap and section', () => {
    const topic = library.topic('2025-06-schelklingen/expose-egresscidrs-in-the-shoot-info-configmap');
    expect(topic?.title).toBe('Expose EgressCIDRs in the shoot-info ConfigMap');
    expect(library.topic('nope/nothing')).toBeUndefined();
    expect(library.recap('2024-05-5th-hackathon-blog')).toBe(may);
    expect(library.recap('2023-01')).toBeUndefined();
    if (!topic) throw new Error('unreachable');
    expect(library.recapOf(topic)).toBe(june);
    expect(library.sectionOf(topic)?.title).toBe('Bolstering Security and Resource Management');
  });

  it('refuses a topic of another library, and invents no section for a topic no heading holds', () => {
    expect(() => library.recapOf(makeTopic({ title: 'Stranger', recapId: 'elsewhere' }))).toThrow(/no recap/);
    const orphan = makeTopic({ title: 'Orphan', recapId: 'r' });
    const bare = {
      ...makeRecap({ id: 'r', title: 'Bare', date: '2020-01-01' }),
      sections: [],
      topics: [orphan],
    };
    expect(new Library(makeContent([bare])).sectionOf(orphan)).toBeUndefined();
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

describe('findRecap', () => {
  it.each([
    ['2025-06-schelklingen', '2025-06-schelklingen'],
    ['june 2025', '2025-06-schelklingen'],
    ['June 2025', '2025-06-schelklingen'],
    ['jun 2025', '2025-06-schelklingen'],
    ['2025-06', '2025-06-schelklingen'],
    ['06/2025', '2025-06-schelklingen'],
    ['dec 2024', '2024-12-6th-hackathon-blog'],
    ['December 2024', '2024-12-6th-hackathon-blog'],
    ['2024-12', '2024-12-6th-hackathon-blog'],
    ['6th', '2024-12-6th-hackathon-blog'],
    ['the sixth hackathon', '2024-12-6th-hackathon-blog'],
    ['7th hackathon', '2025-06-schelklingen'],
    ['5th', '2024-05-5th-hackathon-blog'],
    ['may 2024', '2024-05-5th-hackathon-blog'],
    ['schelklingen', '2025-06-schelklingen'],
    ['Unleashing', '2024-12-6th-hackathon-blog'],
    ['innovation', '2024-05-5th-hackathon-blog'],
    ['2024', '2024-12-6th-hackathon-blog'],
    ['latest', '2025-06-schelklingen'],
    ['the previous hackathon', '2024-12-6th-hackathon-blog'],
  ])('%s → %s', (words, id) => {
    expect(library.findRecap(words)?.id).toBe(id);
  });

  it.each([
    ['', 'nothing'],
    ['xyzzy', 'a word no recap has'],
    ['hackathon', 'a word every recap has'],
    ['gardener community', 'words every recap has'],
    ['dec 2025', 'a date without a recap'],
    ['9th', 'an ordinal without a recap'],
    ['june 2024', 'a month and year that do not meet'],
  ])('%s → undefined (%s)', (words) => {
    expect(library.findRecap(words)).toBeUndefined();
  });
});

describe('findSection', () => {
  it('matches a section by a forgiving title word, in the newest recap that has it', () => {
    expect(library.findSection('observability')).toMatchObject({
      recap: { id: june.id },
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

  it('looks only in the given recap when there is one', () => {
    expect(library.findSection('security', december)).toMatchObject({
      recap: { id: december.id },
      section: { title: 'Security Hardening' },
    });
    expect(library.findSection('observability', december)).toBeUndefined();
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
    // The shared recaps sit beside the project (../shared/recaps); a missing folder fails loudly here.
    const shared = await loadContent(SHARED_RECAPS);
    const recaps = [...content.recaps, ...shared.recaps].sort((a, b) =>
      b.event.date.localeCompare(a.event.date),
    );
    all = new Library({ ...content, recaps });
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

  it('finds the seed sections and the recap by its names', () => {
    expect(seed.findSection('observability')?.section.title).toBe('Enhancing Observability and Operations');
    expect(seed.findSection('security')?.section.title).toBe('Bolstering Security and Resource Management');
    for (const words of ['june 2025', '2025-06', '7th', 'schelklingen', '2025-06-schelklingen']) {
      expect(seed.findRecap(words)?.id, words).toBe('2025-06-schelklingen');
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

  it('6th → the 2024-12 recap; dec 2024 and may 2024 too', () => {
    expect(all.findRecap('6th')?.event.date).toMatch(/^2024-12/);
    expect(all.findRecap('dec 2024')?.event.date).toMatch(/^2024-12/);
    expect(all.findRecap('5th hackathon')?.event.date).toMatch(/^2024-05/);
    expect(all.findRecap('7th')?.id).toBe('2025-06-schelklingen');
  });

  it('the seed answers still hold with all three recaps indexed', () => {
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
    // Two recaps have a kube-apiserver load-balancing topic: the person must choose.
    expect(all.search('load balancing').kind).toBe('candidates');
  });
});
