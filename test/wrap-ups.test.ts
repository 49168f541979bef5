import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load.js';
import type { Recap } from '../src/content/model.js';
import { sharedDir } from './support/shared.js';

/** The community's wrap-up pages (one per hackathon since 2021), beside the project. */
const WRAP_UPS = sharedDir('wrap-ups');

describe('the wrap-up pages', async () => {
  const content = await loadContent(WRAP_UPS);
  const page = (id: string): Recap => {
    const recap = content.recaps.find((r) => r.id === id);
    if (!recap) throw new Error(`no recap ${id}`);
    return recap;
  };

  it('load as wrap-up pages without any problem', () => {
    expect(content.problems).toEqual([]);
    expect(content.recaps.map((r) => [r.id, r.kind])).toEqual([
      ['community-2025-12', 'wrap-up'],
      ['community-2024-12', 'wrap-up'],
      ['community-2023-05', 'wrap-up'],
    ]);
  });

  it('read May 2023 (Leverkusen) field by field, with its 10 topics', () => {
    const recap = page('community-2023-05');
    expect(recap.facts).toEqual({
      month: '2023-05',
      monthSource: 'date bullet',
      start: '2023-05-22',
      end: '2023-05-26',
      place: 'Open Sky House, Leverkusen',
      placeUrl: 'https://www.openskyhouse.org/',
      organizer: 'STACKIT',
      organizerUrl: 'https://www.stackit.de/',
      planningUrl: 'https://hackmd.io/9N6V9qouQKak0LYN3Aehag',
      reviewUrl:
        'https://gardener.cloud/community/review-meetings/2023-reviews/#_2023-05-31-hack-the-garden-wrap-up',
      line: 18,
    });
    expect(recap.topics.map((t) => [t.emoji, t.title])).toEqual([
      ['🕵️', 'Introduction Of gardener-node-agent'],
      ['🌐', 'IPv6 On Cloud Provider'],
      ['🌱', 'Bootstrapping "Masterful Clusters" aka "Autonomous Shoots"'],
      ['🔑', 'Garden Cluster Access For Extensions In Seed Clusters'],
      ['💾', 'Replacement Of ShootStates With Data In Backup Buckets'],
      ['🔐', 'Introducing InternalSecret Resource In Gardener API'],
      ['🤖', 'Moving machine-controller-manager Deployment Responsibility To gardenlet'],
      ['🎯', 'Improved E2E Test Accuracy For Local Control Plane Migration'],
      ['🏗️', 'Moving apiserver-proxy-pod-mutator Webhook Into gardener-resource-manager'],
      ['🗝️', 'ETCD Encryption For Custom Resources'],
    ]);
  });

  it('read December 2024 (Schelklingen) field by field, with its 23 topics', () => {
    const recap = page('community-2024-12');
    expect(recap.facts).toMatchObject({
      month: '2024-12',
      monthSource: 'date bullet',
      start: '2024-12-02',
      end: '2024-12-06',
      place: 'Schlosshof Freizeitheim, Schelklingen',
      placeUrl: 'https://www.schlosshof-info.de/',
      organizer: 'x-cellent',
      organizerUrl: 'https://www.x-cellent.com/',
      planningUrl: 'https://hackmd.io/RSU9-ZteSDakBxDQAfI3rg',
      reviewUrl:
        'https://gardener.cloud/community/review-meetings/2024-reviews/#_2024-12-11-hack-the-garden-wrap-up',
    });
    expect(recap.topics.map((t) => t.title)).toEqual([
      'IPv6 Support On IronCore',
      'Version Classification Lifecycle In CloudProfiles',
      'Gardener SLIs: Shoot Cluster Creation/Deletion Times',
      'Enhanced Seed Authorizer With Label/Field Selectors',
      'Bring Your Own ETCD Encryption Key Via Key Management Systems',
      'Load Balancing For Calls To kube-apiservers',
      'Validate PoC For In-Place Node Updates Of Shoot Clusters',
      'Prevent Pod Scheduling Issues Due To Overscaling',
      'Prevent Multiple systemd Unit Restarts On Reconciliation Errors',
      'Trigger Nodes Rollout Individually Per Worker Pool During Credentials Rotation',
      'E2E Test Skeleton For Autonomous Shoot Clusters',
      'Deploy Prow Via Flux',
      'Replace TopologyAwareHints With ServiceTrafficDistribution',
      'Support More Use-Cases For TokenRequestor',
      "cluster-autoscaler's ProvisioningRequest API",
      'Watch ManagedResources In Shoot Care Controller',
      'Cluster API Provider For Gardener',
      'Make cluster-autoscaler Work In Local Setup',
      'Use Structured Authorization In Local KinD Cluster',
      'Drop Internal Versions From Component Configuration APIs',
      'Fix Non-Functional Shoot Node Logging In Local Setup',
      'No Longer Generate Empty Secret For reconcile OperatingSystemConfigs',
      'Generic Monitoring Extension',
    ]);
    expect(recap.topics.map((t) => t.emoji).slice(0, 3)).toEqual(['🌐', '🔁', '💡']);
    // Two topics share a title's emoji and stay two topics with distinct ids.
    expect(new Set(recap.topics.map((t) => t.id)).size).toBe(23);
  });

  it('read December 2025 (Walldorf): bullets without links, ### parts inside their topic, 11 topics', () => {
    const recap = page('community-2025-12');
    expect(recap.facts).toEqual({
      month: '2025-12',
      monthSource: 'date bullet',
      start: '2025-12-08',
      end: '2025-12-12',
      place: 'SAP Center Walldorf',
      organizer: 'SAP',
      line: 19,
    });
    expect(recap.topics.map((t) => `${t.emoji} ${t.title}`)).toEqual([
      '⚙️ OIDC Webhook Garden Class Extension',
      '🔍 Use Dummy RBAC Resources+Verb to Identify DoD/SRE and Auditor',
      '🔒 Private API Servers',
      '🔐 Use GitHub OIDC Federation to Get Rid of GitHub Apps (Again)',
      '✅ Provide Validation Job of Kyverno Policies Without Kyverno',
      '📡 Observability Signals Externalization',
      '🛰️ Perses Dashboards & Explore Plugin',
      '🔭 Gardener OpenTelemetry Receiver',
      '🔄 PoC: Replace Prometheus Exporters by OpenTelemetry Receivers in Gardener Monitoring Stack',
      '🔕 PoC: Investigate Alertmanager Silence-Operator',
      '🔀 PoC: Investigate OpenTelemetry as Replacement for Federation to Garden from Aggregate Prometheus',
    ]);
    const oidc = recap.topics[0];
    expect(oidc?.summary.mrkdwn).toMatch(/^\*Problem Statement\*\n\nInstall OIDC in the garden cluster/);
    expect(oidc?.summary.text).toContain('Next Steps');
    expect(oidc?.links.map((l) => `${l.kind} ${l.repo}#${l.number}`)).toEqual([
      'pull-request gardener/gardener#13635',
      'pull-request gardener/gardener#13662',
    ]);
  });

  it('never takes the metadata bullets for topics, and invents no section', () => {
    for (const recap of content.recaps) {
      const titles = recap.topics.map((t) => t.title);
      expect(
        titles.filter((t) => /^(Date|Location|Organizer|Topics|Review Meeting Summary)\b/.test(t)),
      ).toEqual([]);
      expect(recap.sections).toEqual([]);
      expect(recap.topics.every((t) => t.sectionId === undefined)).toBe(true);
    }
  });

  it('dates each page by the hackathon, never by the epoch, titles it by its H1 and links where it is published', () => {
    expect(content.recaps.map((r) => [r.event.date, r.event.title, r.event.recapUrl])).toEqual([
      [
        '2025-12-12',
        'Hack The Garden Walldorf Edition 12/2025 Wrap Up',
        'https://gardener.cloud/community/hackathons/2025-12/',
      ],
      [
        '2024-12-06',
        'Hack The Garden 12/2024 Wrap Up',
        'https://gardener.cloud/community/hackathons/2024-12/',
      ],
      [
        '2023-05-26',
        'Hack The Garden 05/2023 Wrap Up',
        'https://gardener.cloud/community/hackathons/2023-05/',
      ],
    ]);
  });

  it('keeps each topic whole: its labelled parts, links and the line of its heading', () => {
    const recap = page('community-2024-12');
    const ironcore = recap.topics[0];
    expect(ironcore?.line).toBe(26);
    expect(ironcore?.summary.mrkdwn).toContain('*Problem Statement:* IPv6-only shoot clusters');
    expect(ironcore?.summary.mrkdwn).toContain('*Next Steps:*');
    // The heading's own link ("IPv6 Support On [IronCore](…)") is the topic's too.
    expect(ironcore?.links.map((l) => l.url)).toContain('https://github.com/ironcore-dev');
    expect(ironcore?.links.filter((l) => l.kind === 'pull-request')).toHaveLength(3);
  });
});

describe('all recaps together: the seed, the blog posts and the wrap-up pages', async () => {
  const folders = ['content', 'recaps', 'wrap-ups'];
  const sets = await Promise.all(folders.map((f) => loadContent(sharedDir(f))));
  const recaps = sets.flatMap((s) => s.recaps);
  const byId = (id: string): Recap => {
    const recap = recaps.find((r) => r.id === id);
    if (!recap) throw new Error(`no recap ${id}`);
    return recap;
  };

  it('load without problems, each with the month of its hackathon', () => {
    expect(sets.flatMap((s) => s.problems)).toEqual([]);
    expect(recaps.map((r) => [r.id, r.kind, r.facts.month, r.topics.length])).toEqual([
      ['2025-06-schelklingen', 'blog-post', '2025-06', 15],
      ['2024-12-6th-hackathon-blog', 'blog-post', '2024-12', 23],
      ['2024-05-5th-hackathon-blog', 'blog-post', '2024-05', 15],
      ['community-2025-12', 'wrap-up', '2025-12', 11],
      ['community-2024-12', 'wrap-up', '2024-12', 23],
      ['community-2023-05', 'wrap-up', '2023-05', 10],
    ]);
  });

  it('read the blog posts’ facts from their words, never from the publication date', () => {
    expect(byId('2025-06-schelklingen').facts).toEqual({
      month: '2025-06',
      monthSource: 'body',
      place: 'Schlosshof, Schelklingen',
      placeUrl: 'https://schlosshof-info.de/',
      ordinal: 7,
      line: 16,
    });
    expect(byId('2024-12-6th-hackathon-blog').facts).toMatchObject({
      month: '2024-12',
      monthSource: 'body',
      place: 'Schlosshof Freizeitheim, Schelklingen, Germany',
      placeUrl: 'https://www.schlosshof-info.de/',
      ordinal: 6,
    });
    // The 5th post never names its month: its link to the hackathon's archive ("2024-05_Schelklingen") does.
    expect(byId('2024-05-5th-hackathon-blog').facts).toMatchObject({
      month: '2024-05',
      monthSource: 'archive link',
      place: 'Schlosshof Freizeitheim, Schelklingen, Germany',
      ordinal: 5,
    });
    // The publication date stays the event's date.
    expect(byId('2025-06-schelklingen').event.date).toBe('2025-06-17');
  });

  it('give the 6th blog post and the December 2024 wrap-up page the same hackathon facts', () => {
    const post = byId('2024-12-6th-hackathon-blog').facts;
    const page = byId('community-2024-12').facts;
    expect(post.month).toBe(page.month);
    expect(post.placeUrl).toBe(page.placeUrl);
    expect(post.place?.startsWith(page.place ?? '?')).toBe(true);
  });
});
