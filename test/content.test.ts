import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLink, parseTimestamp, parseVideo } from '../src/content/links.js';
import { ContentError, formatProblem, loadContent } from '../src/content/load.js';
import type { Recap, Topic } from '../src/content/model.js';
import { parseRecap } from '../src/content/recap.js';
import { repairMojibake } from '../src/content/repair.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';

const SEED_DIR = path.join(PROJECT_ROOT, 'content');
const SHARED_RECAPS = sharedDir('recaps');

function recapFrom(markdown: string, file = 'test.md'): Recap {
  const result = parseRecap(Buffer.from(markdown), file);
  if (!result.recap) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.recap;
}

async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'hackathon-content-'));
  await Promise.all(Object.entries(files).map(([name, body]) => writeFile(path.join(dir, name), body)));
  return dir;
}

describe('mojibake repair', () => {
  it('repairs UTF-8 read as Mac Roman, including the Apple-logo byte', () => {
    expect(repairMojibake('\uF8FFüöÄ Modernizing')).toBe('🚀 Modernizing');
    expect(repairMojibake('‚ú® Improving')).toBe('✨ Improving');
    expect(repairMojibake('GEP-32 ‚Äì Version')).toBe('GEP-32 – Version');
    expect(repairMojibake('a \uF8FFüèéÔ∏è fast-track')).toBe('a 🏎️ fast-track');
    expect(repairMojibake('there! ‚úåÔ∏è')).toBe('there! ✌️');
  });

  it('leaves correct text alone: accents, quotes, real emoji and dashes', () => {
    const correct = 'Müller, Zoë, François, Łukasz, café, „Ärger“, “über”, naïve — – 🚀 ✨ 🏎️ ß ©';
    expect(repairMojibake(correct)).toBe(correct);
    expect(repairMojibake('plain ASCII')).toBe('plain ASCII');
  });
});

describe('links and videos', () => {
  it('reads every timestamp form', () => {
    expect(parseVideo('https://youtu.be/TCLXovw43HA?t=104s')).toEqual({
      url: 'https://youtu.be/TCLXovw43HA?t=104s',
      id: 'TCLXovw43HA',
      startSeconds: 104,
    });
    expect(parseVideo('https://youtu.be/TCLXovw43HA?t=1h2m3s')?.startSeconds).toBe(3723);
    expect(parseVideo('https://www.youtube.com/watch?v=TCLXovw43HA&t=2m')?.startSeconds).toBe(120);
    expect(parseVideo('https://www.youtube.com/watch?v=TCLXovw43HA&t=95')?.startSeconds).toBe(95);
    expect(parseVideo('https://youtu.be/TCLXovw43HA')?.startSeconds).toBe(0);
    expect(parseVideo('https://example.com/watch?v=x')).toBeUndefined();
    expect(parseTimestamp('1:02:03')).toBe(3723);
    expect(parseTimestamp('soon')).toBeUndefined();
  });

  it('classifies pull requests, issues, documents and repositories', () => {
    expect(classifyLink('https://github.com/gardener/gardener/pull/12252', 'PR')).toMatchObject({
      kind: 'pull-request',
      repo: 'gardener/gardener',
      number: 12252,
    });
    expect(classifyLink('https://github.com/gardener/dashboard/issues/2469', 'x')).toMatchObject({
      kind: 'issue',
      repo: 'gardener/dashboard',
      number: 2469,
    });
    expect(
      classifyLink('https://github.com/axel7born/vpn2/blob/wireguard/docs/wireguard.md', 'doc').kind,
    ).toBe('document');
    expect(classifyLink('https://github.com/apernet/mwgp', 'mwgp').kind).toBe('repository');
    expect(classifyLink('https://gardener.cloud/docs/guides/x/', 'guide').kind).toBe('document');
    expect(classifyLink('https://www.crossplane.io/', 'Crossplane').kind).toBe('other');
  });
});

describe('the seed recap (June 2025, Schelklingen)', async () => {
  const content = await loadContent(SEED_DIR);
  const recap = content.recaps.find((r) => r.id === '2025-06-schelklingen') as Recap;
  const byTitle = (start: string): Topic => {
    const topic = recap.topics.find((t) => t.title.startsWith(start));
    if (!topic) throw new Error(`no topic ${start}`);
    return topic;
  };

  it('loads without problems', () => {
    expect(content.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(recap).toBeDefined();
  });

  it('has the event from the front matter, repaired', () => {
    expect(recap.event).toMatchObject({
      title:
        'Taking Gardener to the Next Level: Highlights from the 7th Gardener Community Hackathon in Schelklingen',
      date: '2025-06-17',
      subtitle: 'June 17, 2025',
      authors: [{ name: 'Marc Vornetran', login: 'marc1404' }],
      recordingUrl: 'https://youtu.be/TCLXovw43HA',
      summaryUrl: 'https://github.com/gardener-community/hackathon/blob/main/2025-06_Schelklingen/README.md',
    });
    expect(recap.event.recapUrl).toMatch(/^https:\/\/gardener\.cloud\/blog\/2025\/06\/06-17-taking-gardener/);
    expect(recap.intro?.text).toMatch(/^The latest "Hack The Garden" event/);
  });

  it('has 15 topics in 5 sections, with their emoji repaired', () => {
    expect(recap.topics).toHaveLength(15);
    expect(recap.sections.map((s) => `${s.emoji} ${s.title} ${s.topicIds.length}`)).toEqual([
      '🚀 Modernizing Core Infrastructure and Networking 3',
      '🔭 Enhancing Observability and Operations 5',
      '🛡️ Bolstering Security and Resource Management 3',
      '✨ Improving User and Developer Experience 2',
      '🔄 Advancing Versioning and Deployment Strategies 2',
    ]);
    expect(JSON.stringify(recap)).not.toMatch(/[\uF8FF]|üöÄ|‚Äì|Ô∏è/u);
  });

  it('reads each topic: title, section, video start, fast-track and links', () => {
    const expected: Array<[string, string, number | undefined, boolean, string[]]> = [
      ['Replacement of OpenVPN with Wireguard', 'modernizing-core-infrastructure-and', 104, false, []],
      ['Overcoming the 450 Node limit on Azure', 'modernizing-core-infrastructure-and', 3076, false, []],
      [
        'Cluster-internal L7 Load-Balancing for kube-apiservers',
        'modernizing-core-infrastructure-and',
        undefined,
        false,
        ['pull-request gardener/gardener#12260', 'issue gardener/gardener#8810'],
      ],
      ['OpenTelemetry Transport for Shoot Metrics', 'enhancing-observability-and-operations', 808, false, []],
      [
        'Cluster Network Observability',
        'enhancing-observability-and-operations',
        1342,
        false,
        ['issue microsoft/retina#1654', 'pull-request microsoft/retina#1657'],
      ],
      [
        'Make gardener-operator Single-Node Ready',
        'enhancing-observability-and-operations',
        511,
        false,
        [
          'pull-request gardener/gardener-extension-provider-gcp#1052',
          'pull-request gardener/gardener-extension-provider-openstack#1042',
          'pull-request fluent/fluent-operator#1616',
          'pull-request gardener/gardener#12248',
        ],
      ],
      ['Worker Group Node Roll-out', 'enhancing-observability-and-operations', 3806, false, []],
      [
        'Instance Scheduled Events Watcher',
        'enhancing-observability-and-operations',
        4010,
        false,
        ['pull-request kubernetes-sigs/cloud-provider-azure#9170'],
      ],
      [
        'Signing of ManagedResource Secrets',
        'bolstering-security-and-resource',
        1556,
        false,
        ['pull-request gardener/gardener#12247'],
      ],
      [
        'Migrating Control Plane Reconciliation of Provider Extensions to ManagedResources',
        'bolstering-security-and-resource',
        1785,
        false,
        ['pull-request gardener/gardener#12251', 'issue gardener/gardener#12250'],
      ],
      [
        'Expose EgressCIDRs in the shoot-info ConfigMap',
        'bolstering-security-and-resource',
        2961,
        true,
        ['pull-request gardener/gardener#12252'],
      ],
      [
        'Dashboard Usability Improvements',
        'improving-user-and-developer-experience',
        2052,
        false,
        [
          'issue gardener/dashboard#2469',
          'pull-request gardener/dashboard#2470',
          'pull-request gardener/dashboard#2476',
          'pull-request gardener/dashboard#2478',
        ],
      ],
      [
        'Documentation Revamp',
        'improving-user-and-developer-experience',
        2551,
        false,
        ['pull-request gardener/documentation#652', 'pull-request gardener/documentation#653'],
      ],
      [
        'Multiple Parallel Versions in a Gardener Landscape',
        'advancing-versioning-and-deployment',
        3482,
        false,
        [],
      ],
      [
        'GEP-32 – Version Classification Lifecycles',
        'advancing-versioning-and-deployment',
        undefined,
        true,
        ['pull-request metal-stack/gardener#9'],
      ],
    ];
    expect(recap.topics.map((t) => t.title)).toEqual(expected.map((e) => e[0]));
    for (const [title, sectionId, start, fastTrack, numbered] of expected) {
      const topic = byTitle(title);
      expect(topic.sectionId, title).toBe(sectionId);
      expect(topic.video?.startSeconds, title).toBe(start);
      expect(topic.fastTrack, title).toBe(fastTrack);
      const numberedLinks = topic.links.filter((l) => l.number).map((l) => `${l.kind} ${l.repo}#${l.number}`);
      expect(numberedLinks, title).toEqual(numbered);
      expect(topic.key).toBe(`2025-06-schelklingen/${topic.id}`);
      expect(topic.summary.text.length, title).toBeGreaterThan(60);
    }
    expect(recap.topics.filter((t) => t.video)).toHaveLength(13);
    expect(recap.topics.filter((t) => t.fastTrack).map((t) => t.title)).toEqual([
      'Expose EgressCIDRs in the shoot-info ConfigMap',
      'GEP-32 – Version Classification Lifecycles',
    ]);
  });

  it('gives the WireGuard topic its video at 104 s, a document link and the source line', () => {
    const wireguard = byTitle('Replacement of OpenVPN');
    expect(wireguard.id).toBe('replacement-of-openvpn-with-wireguard');
    expect(wireguard.video).toEqual({
      url: 'https://youtu.be/TCLXovw43HA?t=104s',
      id: 'TCLXovw43HA',
      startSeconds: 104,
    });
    expect(wireguard.line).toBe(28);
    expect(wireguard.links).toContainEqual(
      expect.objectContaining({
        kind: 'document',
        label: 'document describing the approach',
        url: 'https://github.com/axel7born/vpn2/blob/wireguard/docs/wireguard.md',
      }),
    );
    // The video is a button of its own; the summary does not repeat "(watch presentation)".
    expect(wireguard.summary.mrkdwn).not.toMatch(/watch presentation/);
    expect(wireguard.summary.text).not.toMatch(/watch presentation/);
    expect(wireguard.summary.mrkdwn).toContain('<https://www.wireguard.com/|Wireguard>');
  });

  it('keeps lists inside a topic summary as mrkdwn bullets', () => {
    const dashboard = byTitle('Dashboard Usability');
    expect(dashboard.summary.mrkdwn).toContain(
      '• Allowing custom display names for projects via annotations (<https://github.com/gardener/dashboard/pull/2470|dashboard PR #2470>).',
    );
  });

  it('keeps the closing "next hackathon" sentence for the next answer', () => {
    expect(recap.nextHackathon?.text).toMatch(/^The next hackathon takes place in early December 2025\./);
    expect(recap.nextHackathon?.mrkdwn).toContain('|Gardener Slack>');
  });
});

describe('the shared recaps (5th and 6th hackathon)', async () => {
  const content = await loadContent(SHARED_RECAPS);
  const [sixth, fifth] = content.recaps;

  it('loads both, newest first', () => {
    expect(content.recaps.map((r) => r.id)).toEqual([
      '2024-12-6th-hackathon-blog',
      '2024-05-5th-hackathon-blog',
    ]);
    expect(content.problems).toEqual([]);
  });

  it('reads the 5th: a numbered list of linked bold titles under a heading', () => {
    expect(fifth?.topics).toHaveLength(15);
    expect(fifth?.sections.map((s) => s.title)).toEqual(['Key Achievements']);
    const first = fifth?.topics[0];
    expect(first).toMatchObject({
      title: 'OCI Helm Release Reference for ControllerDeployment',
      emoji: '🗃️',
      fastTrack: false,
    });
    expect(first?.summary.text).toMatch(/^The Hackathon introduced the core\.gardener\.cloud\/v1 API/);
    expect(first?.links[0]?.url).toMatch(/2024-05_Schelklingen\/README\.md#/);
    expect(fifth?.topics.map((t) => t.title)).toContain('Expose Shoot API Server in Tailscale VPN');
    expect(fifth?.nextHackathon?.text).toMatch(/next Hackathon slated for the end of 2024/);
  });

  it('reads the 6th: a numbered list with no heading at all, and a stray time pasted in', () => {
    expect(sixth?.topics).toHaveLength(23);
    // No heading holds its topics, so it has no sections (and none is invented).
    expect(sixth?.sections).toEqual([]);
    expect(sixth?.topics.every((t) => t.sectionId === undefined)).toBe(true);
    expect(sixth?.topics[0]).toMatchObject({ title: 'IPv6 Support on IronCore', emoji: '🌐' });
    const drop = sixth?.topics.find((t) => t.title.startsWith('Drop Internal Versions'));
    expect(drop?.summary.text).not.toContain('15:55');
    expect(sixth?.topics.at(-1)?.title).toBe('Generic Monitoring Extension');
  });
});

describe('the family of recap shapes', () => {
  it('reads one heading per topic with labelled parts, bold inside them being emphasis', () => {
    const recap = recapFrom(`---
title: Labelled
date: 2025-12-10
---
## Networking

### IPv6 Everywhere

**Problem Statement:** Clusters are IPv4 only, which is **really** limiting.

**Achievements:** Dual-stack works; see [PR #42](https://github.com/gardener/gardener/pull/42).

**Next Steps:** Test it.

### Faster Builds

#### Problem Statement
Builds take **ten minutes** today.

#### Code/Pull Requests
- [gardener #7](https://github.com/gardener/gardener/pull/7)

## Conclusion

Thanks all. The next hackathon will be in May 2026.
`);
    expect(
      recap.topics.map((t) => `${recap.sections.find((s) => s.id === t.sectionId)?.title}: ${t.title}`),
    ).toEqual(['Networking: IPv6 Everywhere', 'Networking: Faster Builds']);
    expect(recap.topics[0]?.summary.mrkdwn).toContain('*Problem Statement:* Clusters are IPv4 only');
    expect(recap.topics[0]?.links).toContainEqual(
      expect.objectContaining({ kind: 'pull-request', number: 42 }),
    );
    expect(recap.topics[1]?.links).toContainEqual(
      expect.objectContaining({ kind: 'pull-request', number: 7 }),
    );
    expect(recap.nextHackathon?.text).toBe('The next hackathon will be in May 2026.');
  });

  it('reads H2 sections that are themselves one topic, and ignores frame sections', () => {
    const recap = recapFrom(`---
title: Sections as topics
publishdate: 2025-01-01
---
Intro paragraph.

## 🦀 Rust Operator

We rewrote the operator. It is **much** faster.

---

## Better Logs

| Before | After |
| --- | --- |
| text | JSON |

\`\`\`yaml
logging: json
\`\`\`

See [the docs](../docs/logging.md).

## Looking Ahead

More next year.
`);
    expect(recap.topics.map((t) => t.title)).toEqual(['Rust Operator', 'Better Logs']);
    expect(recap.topics[0]?.emoji).toBe('🦀');
    expect(recap.sections).toEqual([]);
    const logs = recap.topics[1];
    expect(logs?.summary.mrkdwn).toContain('Before · After');
    expect(logs?.summary.mrkdwn).toContain('```\nlogging: json\n```');
    // A relative link has no address in Slack without the published post: only its label stays.
    expect(logs?.summary.mrkdwn).toContain('See the docs.');
    expect(recap.intro?.text).toBe('Intro paragraph.');
  });

  it('resolves relative links against the published post when it is known', () => {
    const recap = recapFrom(`---
title: With URL
date: 2025-01-01
aliases: ["/blog/2025/01/01/01"]
---
## Topics

The **Relative Link Topic** has [notes](./notes.md).
`);
    expect(recap.topics[0]?.links[0]?.url).toBe('https://gardener.cloud/blog/2025/01/01/notes.md');
  });

  it('treats a bare list of bold words as emphasis, not topics, when most items are not titles', () => {
    const recap = recapFrom(`---
title: Emphasis
date: 2025-01-01
---
## One Topic Section

Things we learned:

- **always** test
- keep it small
- ship often
`);
    expect(recap.topics.map((t) => t.title)).toEqual(['One Topic Section']);
  });
});

describe('files that cannot be read', () => {
  it('reports bad YAML front matter with file and line, and still loads the good files', async () => {
    const seed = await import('node:fs/promises').then((fs) =>
      fs.readFile(path.join(SEED_DIR, '2025-06-schelklingen.md')),
    );
    const dir = await folderWith({
      'good.md': seed,
      'bad-yaml.md': '---\ntitle: ok\nauthors: [unclosed\n---\n## A\n\n**Topic title here** text.\n',
      'latin1.md': Buffer.concat([
        Buffer.from('---\ntitle: x\n---\n## A\n\n**Caf'),
        Buffer.from([0xe9]),
        Buffer.from('**\n'),
      ]),
      'empty.md': '---\ntitle: Nothing here\n---\n\nJust words, no topics.\n',
    });
    const content = await loadContent(dir);
    expect(content.recaps.map((r) => r.id)).toEqual(['good']);
    expect(content.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^bad-yaml\.md:\d+: has invalid YAML front matter/),
      expect.stringMatching(/^empty\.md:4: has no topics/),
      expect.stringMatching(/^latin1\.md:6: is not UTF-8 text/),
    ]);
    expect(content.problems.every((p) => p.severity === 'error')).toBe(true);
  });

  it('refuses an empty folder, and a missing one, with a clear error', async () => {
    const empty = await folderWith({});
    await expect(loadContent(empty)).rejects.toThrow(ContentError);
    await expect(loadContent(empty)).rejects.toThrow(/No recap could be loaded from .*add a recap/);
    await expect(loadContent(path.join(empty, 'missing'))).rejects.toThrow(/does not exist: set CONTENT_DIR/);
  });

  it('names the broken files when none could be loaded', async () => {
    const dir = await folderWith({ 'only.md': '---\ntitle: [\n---\n' });
    await expect(loadContent(dir)).rejects.toThrow(/only\.md:\d+: has invalid YAML/);
  });
});
