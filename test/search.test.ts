import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSynonyms } from '../src/content/synonyms.js';
import { Library, type SearchOutcome } from '../src/library.js';
import {
  MAX_TERM_LENGTH,
  phraseTerms,
  queryTerms,
  referenceNumbers,
  stem,
  stripSlackMarkup,
} from '../src/search/normalize.js';
import { link, makeContent, makeRecap, pr, synonymsOf } from './support/fixtures.js';

/** Titles of what a search offers, whatever its kind, best first. */
function titles(outcome: SearchOutcome): string[] {
  if (outcome.kind === 'topic') return [outcome.topic, ...outcome.others].map((t) => t.title);
  if (outcome.kind === 'candidates') return outcome.topics.map((t) => t.title);
  return outcome.suggestions.map((t) => t.title);
}

function offered(outcome: SearchOutcome): number {
  if (outcome.kind === 'topic') return outcome.others.length;
  return outcome.kind === 'candidates' ? outcome.topics.length : outcome.suggestions.length;
}

const summer = makeRecap({
  id: '2025-06-schelklingen',
  title: 'Highlights from the 7th Gardener Community Hackathon in Schelklingen',
  date: '2025-06-17',
  sections: [
    {
      title: 'Modernizing Core Infrastructure and Networking',
      topics: [
        {
          title: 'Replacement of OpenVPN with Wireguard',
          summary: 'Modernize the VPN stack between control and data planes with Wireguard.',
          links: [link('OpenVPN'), link('Wireguard')],
        },
        {
          title: 'Overcoming the 450 Node limit on Azure',
          summary: 'Azure networking relies on route tables, which have size limits.',
        },
        {
          title: 'Cluster-internal L7 Load-Balancing for kube-apiservers',
          summary: 'L7 load-balancing for internal traffic.',
          links: [pr(12260), pr(8810, 'gardener/gardener', 'issue #8810')],
        },
      ],
    },
    {
      title: 'Enhancing Observability and Operations',
      topics: [
        {
          title: 'OpenTelemetry Transport for Shoot Metrics',
          summary: 'Collect shoot metrics via OpenTelemetry collectors.',
        },
        {
          title: 'Instance Scheduled Events Watcher',
          summary: 'Watch cloud provider VM events and show them as dashboard warnings, first for Azure.',
          links: [pr(9170, 'kubernetes-sigs/cloud-provider-azure', 'PR #9170 for cloud-provider-azure')],
        },
      ],
    },
    {
      title: 'Bolstering Security and Resource Management',
      topics: [
        {
          title: 'Expose EgressCIDRs in the shoot-info ConfigMap',
          summary: 'Makes egress CIDRs available to workloads in the shoot.',
          links: [pr(12252)],
        },
        {
          title: 'Signing of ManagedResource Secrets',
          summary: 'Sign secrets with a key only the resource manager knows.',
          links: [pr(12247)],
        },
      ],
    },
    {
      title: 'Improving User and Developer Experience',
      topics: [
        {
          title: 'Dashboard Usability Improvements',
          summary: 'Custom display names for projects and hiding UI elements.',
          links: [pr(2470, 'gardener/dashboard', 'dashboard PR #2470')],
        },
        {
          title: 'Documentation Revamp',
          summary: 'Improve the structure of the documentation.',
          links: [pr(652, 'gardener/documentation', 'documentation PR #652')],
        },
      ],
    },
    {
      title: 'Advancing Versioning and Deployment Strategies',
      topics: [
        {
          title: 'GEP-32 – Version Classification Lifecycles',
          summary: 'Automate version lifecycle management.',
          links: [pr(9, 'metal-stack/gardener', 'metal-stack/gardener #9')],
          fastTrack: true,
        },
      ],
    },
  ],
});

const winter = makeRecap({
  id: '2024-12-6th-hackathon-blog',
  title: 'Unleashing Potential: Highlights from the 6th Gardener Community Hackathon',
  date: '2024-12-08',
  topics: [
    { title: 'Load Balancing for Calls to kube-apiserver', summary: 'Leveraging Istio for load balancing.' },
    { title: 'Deploy Prow Via Flux', summary: 'Prow was deployed with Flux, based on GitOps.' },
    { title: 'Making Shoot Flux Extension Production-Ready', summary: 'Promote the Flux extension.' },
  ],
});

const synonyms = synonymsOf({
  otel: ['opentelemetry'],
  vpn: ['wireguard', 'openvpn'],
  lb: ['load balancing', 'load-balancing'],
  ui: ['dashboard'],
  docs: ['documentation'],
});

const library = new Library(makeContent([winter, summer], synonyms));

describe('normalize', () => {
  it('stems plurals lightly', () => {
    expect(stem('wireguards')).toBe('wireguard');
    expect(stem('dashboards')).toBe('dashboard');
    expect(stem('balancers')).toBe('balancer');
    expect(stem('policies')).toBe('policy');
    expect(stem('status')).toBe('status');
    expect(stem('ingress')).toBe('ingress');
    expect(stem('aws')).toBe('aws');
    expect(stem('k8s')).toBe('k8s');
  });

  it('ignores case, punctuation, backticks, emoji, accents and stop words', () => {
    expect(queryTerms('What about the `Dashboard`?! 🚀✨')).toEqual(['dashboard']);
    expect(queryTerms('Café')).toEqual(['cafe']);
    expect(queryTerms("Gardener's dashboards")).toEqual(['gardener', 'dashboard']);
    expect(queryTerms('the of and how what about')).toEqual([]);
  });

  it('spells compounds every way: GEP-32, gep 32 and gep32 share a term', () => {
    expect(queryTerms('GEP-32')).toContain('gep32');
    expect(queryTerms('gep 32')).toContain('gep32');
    expect(queryTerms('gep32')).toEqual(['gep32']);
    expect(queryTerms('load-balancing')).toEqual(['load', 'balancing', 'loadbalancing']);
    expect(queryTerms('EgressCIDRs')).toEqual(['egresscidr', 'egress', 'cidr']);
    expect(queryTerms('OpenVPN')).toEqual(['openvpn', 'open', 'vpn']);
    expect(queryTerms('IPv6')).toEqual(['ipv6']);
    expect(phraseTerms('load-balancing')).toEqual(['load', 'balancing']);
  });

  it('caps the number and the length of query terms', () => {
    const many = Array.from({ length: 50 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`).join(
      ' ',
    );
    expect(queryTerms(many)).toHaveLength(20);
    expect(queryTerms('x'.repeat(MAX_TERM_LENGTH + 1))).toEqual([]);
  });

  it('reads #numbers and long numbers as references, not versions or counts', () => {
    expect(referenceNumbers('#12252')).toEqual([12252]);
    expect(referenceNumbers('see 12252 and #9')).toEqual([12252, 9]);
    expect(referenceNumbers('top 5, v1.15, 2.0, gep32')).toEqual([]);
  });

  it("reduces Slack's markup to words", () => {
    expect(
      stripSlackMarkup('<@U123> tell me about <https://x.io|the dashboard> &amp; <!channel>').trim(),
    ).toBe('tell me about  the dashboard  &');
    expect(queryTerms(stripSlackMarkup('<@U123|bot> <#C1|general> <!subteam^S1|@team> wireguard'))).toEqual([
      'wireguard',
    ]);
    expect(referenceNumbers(stripSlackMarkup('<https://github.com/gardener/gardener/pull/12252>'))).toEqual([
      12252,
    ]);
  });
});

describe('parseSynonyms', () => {
  it('reads a map of word → words, lower-casing keys and accepting a lone word', () => {
    const { synonyms, problems } = parseSynonyms(
      '# comment\nOTel: [OpenTelemetry]\nk8s: kubernetes\n',
      's.yml',
    );
    expect(problems).toEqual([]);
    expect(synonyms.get('otel')).toEqual(['OpenTelemetry']);
    expect(synonyms.get('k8s')).toEqual(['kubernetes']);
  });

  it('turns broken YAML into an error with file and line, and no synonyms', () => {
    const { synonyms, problems } = parseSynonyms(
      'otel: [opentelemetry]\nvpn: [wireguard\nlb: x\n',
      'synonyms.yml',
    );
    expect(synonyms.size).toBe(0);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'synonyms.yml', severity: 'error' });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects a file that is not a map, and accepts an empty one', () => {
    expect(parseSynonyms('- otel\n- vpn\n', 's.yml').problems[0]).toMatchObject({
      line: 1,
      severity: 'error',
    });
    expect(parseSynonyms('# nothing yet\n', 's.yml')).toEqual({ synonyms: new Map(), problems: [] });
  });

  it('skips a bad entry with a warning on its line and keeps the others', () => {
    const source =
      'otel: [opentelemetry]\nvpn:\n  nested: map\nload balancer: [lb]\nk8s: [kubernetes, {a: 1}]\n';
    const { synonyms, problems } = parseSynonyms(source, 's.yml');
    expect([...synonyms.keys()]).toEqual(['otel', 'k8s']);
    expect(synonyms.get('k8s')).toEqual(['kubernetes']);
    expect(problems.map((p) => [p.line, p.severity])).toEqual([
      [2, 'warning'],
      [4, 'warning'],
      [5, 'warning'],
    ]);
  });

  it('rejects duplicate keys as an error', () => {
    const { synonyms, problems } = parseSynonyms('otel: [a]\notel: [b]\n', 's.yml');
    expect(synonyms.size).toBe(0);
    expect(problems[0]).toMatchObject({ line: 2, severity: 'error' });
  });

  it('the shipped content/synonyms.yml parses without problems', async () => {
    const { readFile } = await import('node:fs/promises');
    const { synonyms, problems } = parseSynonyms(
      await readFile('content/synonyms.yml', 'utf8'),
      'synonyms.yml',
    );
    expect(problems).toEqual([]);
    expect(synonyms.get('otel')).toContain('opentelemetry');
    expect(synonyms.get('vpn')).toEqual(expect.arrayContaining(['wireguard', 'openvpn']));
  });
});

describe('search', () => {
  it('finds a topic by an exact title word', () => {
    const outcome = library.search('wireguard');
    expect(outcome).toMatchObject({
      kind: 'topic',
      topic: { title: 'Replacement of OpenVPN with Wireguard' },
    });
  });

  it('forgives typos', () => {
    expect(titles(library.search('dashbord'))[0]).toBe('Dashboard Usability Improvements');
    expect(titles(library.search('wiregaurd'))[0]).toBe('Replacement of OpenVPN with Wireguard');
    expect(titles(library.search('opentelemtry'))[0]).toBe('OpenTelemetry Transport for Shoot Metrics');
    expect(library.search('dashbord').kind).toBe('topic');
  });

  it('expands synonyms and keeps the typed word', () => {
    expect(library.search('otel')).toMatchObject({
      kind: 'topic',
      topic: { title: expect.stringMatching(/^OpenTel/) },
    });
    expect(library.search('docs')).toMatchObject({ kind: 'topic', topic: { title: 'Documentation Revamp' } });
    expect(library.search('ui')).toMatchObject({
      kind: 'topic',
      topic: { title: 'Dashboard Usability Improvements' },
    });
    // `vpn` is also written in the Wireguard topic itself: the original term still counts.
    expect(titles(library.search('vpn'))[0]).toBe('Replacement of OpenVPN with Wireguard');
  });

  it('a synonym phrase needs all its words', () => {
    const lb = library.search('lb');
    expect(lb.kind).toBe('candidates');
    expect(titles(lb)).toEqual(
      expect.arrayContaining([
        'Cluster-internal L7 Load-Balancing for kube-apiservers',
        'Load Balancing for Calls to kube-apiserver',
      ]),
    );
    expect(titles(lb)).toHaveLength(2);
  });

  it('finds the topic of a pull request or issue number, with or without #', () => {
    for (const query of ['12252', '#12252', 'PR #12252', 'pr 12252 please']) {
      expect(library.search(query), query).toMatchObject({
        kind: 'topic',
        topic: { title: 'Expose EgressCIDRs in the shoot-info ConfigMap' },
      });
    }
    expect(library.search('#9')).toMatchObject({
      kind: 'topic',
      topic: { title: expect.stringMatching(/^GEP-32/) },
    });
    // A number that is close but not equal to a PR is not that PR.
    expect(library.search('12251').kind).toBe('none');
  });

  it('treats gep 32, GEP-32 and gep32 alike', () => {
    for (const query of ['gep 32', 'GEP-32', 'gep32', 'GEP 32']) {
      expect(library.search(query), query).toMatchObject({
        kind: 'topic',
        topic: { title: 'GEP-32 – Version Classification Lifecycles' },
      });
    }
  });

  it('matches plurals and singulars both ways', () => {
    expect(titles(library.search('dashboards'))[0]).toBe('Dashboard Usability Improvements');
    expect(titles(library.search('wireguards'))[0]).toBe('Replacement of OpenVPN with Wireguard');
    expect(titles(library.search('managedresource secret'))[0]).toBe('Signing of ManagedResource Secrets');
  });

  it('ignores word order and stop words', () => {
    const a = library.search('usability dashboard');
    const b = library.search('what about the Dashboard usability?');
    expect(a).toMatchObject({ kind: 'topic', topic: { title: 'Dashboard Usability Improvements' } });
    expect(b).toEqual(a);
  });

  it('offers candidates when two topics match about equally', () => {
    const outcome = library.search('load balancers');
    expect(outcome.kind).toBe('candidates');
    expect(titles(outcome).slice(0, 2).sort()).toEqual([
      'Cluster-internal L7 Load-Balancing for kube-apiservers',
      'Load Balancing for Calls to kube-apiserver',
    ]);
    expect(library.search('flux')).toMatchObject({ kind: 'candidates' });
    expect(titles(library.search('azure'))).toEqual(
      expect.arrayContaining(['Overcoming the 450 Node limit on Azure', 'Instance Scheduled Events Watcher']),
    );
  });

  it('gives none with close suggestions when nothing matches', () => {
    const outcome = library.search('dashbaord improvment');
    expect(outcome.kind).not.toBe('none');
    const far = library.search('dashbrd');
    expect(far.kind).toBe('none');
    expect(titles(far)).toContain('Dashboard Usability Improvements');
    expect(library.search('xyzzy')).toEqual({ kind: 'none', suggestions: [] });
  });

  it('gives none without suggestions for an empty or blank query', () => {
    for (const query of ['', '   \n\t', '🚀 ✨', 'the of and', '<@U123> <!channel>']) {
      expect(library.search(query), JSON.stringify(query)).toEqual({ kind: 'none', suggestions: [] });
    }
  });

  it('reads queries written in Slack markup', () => {
    expect(library.search('<@U123> what about <https://x.io|wireguard> &amp; stuff?')).toMatchObject({
      kind: 'topic',
      topic: { title: 'Replacement of OpenVPN with Wireguard' },
    });
    expect(library.search('<https://github.com/gardener/gardener/pull/12252>')).toMatchObject({
      kind: 'topic',
      topic: { title: 'Expose EgressCIDRs in the shoot-info ConfigMap' },
    });
  });

  it('stays sane on a 4,000-character query', () => {
    const long = 'wireguard dashboard '.repeat(200);
    expect(long.length).toBe(4000);
    const outcome = library.search(long);
    expect(titles(outcome).slice(0, 2).sort()).toEqual([
      'Dashboard Usability Improvements',
      'Replacement of OpenVPN with Wireguard',
    ]);
    const noise = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join(
      '',
    );
    expect(() => library.search(noise)).not.toThrow();
  });

  it('never throws and never offers more than five topics, whatever the query', () => {
    const word = fc.constantFrom(
      'wireguard',
      'dashbord',
      '#12252',
      'gep',
      '32',
      'azure',
      'the',
      '<@U1>',
      'lb',
      '🚀',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.array(word, { maxLength: 30 }).map((w) => w.join(' ')),
        ),
        (query) => {
          const outcome = library.search(query);
          expect(['topic', 'candidates', 'none']).toContain(outcome.kind);
          expect(offered(outcome)).toBeLessThanOrEqual(5);
          if (outcome.kind === 'candidates') expect(outcome.topics.length).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 300 },
    );
  });

  // How fast: `npm run bench` times `wireguard`, `dashbord` and `xyzzyplugh` over 1, 10 and 100 recaps.
  it('answers every kind of query over 100 recaps of 15 topics', () => {
    const vocabulary = (
      'gardener shoot seed cluster node worker pool etcd backup restore network policy vpn tunnel dns ' +
      'certificate rotation credential dashboard metrics logging monitoring alert prometheus vali plutono ' +
      'autoscaler scheduler controller reconcile extension provider azure aws gcp openstack metal ironcore ' +
      'ipv6 dual stack istio ingress gateway load balancer apiserver kubelet containerd image registry'
    ).split(' ');
    // Words follow Zipf's law, as in prose: a few (the domain words above) are everywhere, most are rare.
    const ranks = Array.from({ length: 5000 }, (_, i) => vocabulary[i - 20] ?? `w${i.toString(36)}x`);
    const harmonic = ranks.reduce((sum, _, i) => sum + 1 / (i + 1), 0);
    let seed = 7;
    const pick = (): string => {
      seed = (seed * 48271) % 2147483647;
      let u = (seed / 2147483647) * harmonic;
      for (let i = 0; i < ranks.length; i++) {
        u -= 1 / (i + 1);
        if (u <= 0) return ranks[i] ?? 'gardener';
      }
      return 'gardener';
    };
    const words = (n: number): string => Array.from({ length: n }, pick).join(' ');
    const recaps = Array.from({ length: 100 }, (_, r) =>
      makeRecap({
        id: `r${r}`,
        title: `Hackathon number ${r} ${words(3)}`,
        date: `20${String(10 + Math.floor(r / 12)).padStart(2, '0')}-${String((r % 12) + 1).padStart(2, '0')}-01`,
        sections: [0, 1, 2].map((s) => ({
          title: words(3),
          topics: Array.from({ length: 5 }, (_, t) => ({
            id: `t${s}-${t}`,
            title: words(5),
            summary: words(60),
            links: [pr(10000 + r * 100 + s * 10 + t), link(words(3))],
          })),
        })),
      }),
    );
    const big = new Library(makeContent(recaps, synonyms));
    const queries = [
      'dashbord metrics',
      'wiregaurd',
      'load balancers',
      '#12345',
      'gep 32',
      'azure node pool',
      'xyzzy',
    ];
    for (const q of queries) {
      const outcome = big.search(q);
      expect(['topic', 'candidates', 'none'], q).toContain(outcome.kind);
      expect(offered(outcome), q).toBeLessThanOrEqual(5);
    }
  });
});
