import { describe, expect, it } from 'vitest';
import { readDates } from '../src/content/dates.js';
import { formatProblem } from '../src/content/load.js';
import type { Recap, Topic } from '../src/content/model.js';
import { parseRecap, type RecapResult } from '../src/content/recap.js';

/**
 * The family of recap shapes beyond the files in ../shared: wrap-up pages of every year since 2021 (with
 * their slightly different bullets, parts as bold paragraphs or as headings, framing headings, fast-track
 * lists, call-outs) and blog posts told as storylines. Each fixture is the shape, cut short.
 */

function load(markdown: string, file = 'recap.md'): RecapResult {
  return parseRecap(Buffer.from(markdown), file);
}

function recapFrom(markdown: string, file = 'recap.md'): Recap {
  const result = load(markdown, file);
  if (!result.recap) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.recap;
}

const sectionOf = (recap: Recap, topic: Topic | undefined): string | undefined =>
  recap.sections.find((s) => s.id === topic?.sectionId)?.title;

describe('dates as people write them', () => {
  it('reads day ranges in every form the recaps use', () => {
    const june = { month: '2025-06', start: '2025-06-02', end: '2025-06-06' };
    for (const text of [
      '02.06.2025 – 06.06.2025',
      '02.06.2025-06.06.2025',
      '02.06.–06.06.2025',
      '2.–6.6.2025',
      'June 2–6, 2025',
      'June 2 - 6, 2025',
      'June 2 to 6, 2025',
      '2–6 June 2025',
      '2 June – 6 June 2025',
      '2025-06-02 – 2025-06-06',
      '2025-06-02/06',
    ]) {
      expect(readDates(text), text).toEqual(june);
    }
    expect(readDates('08.–12.12.2025')).toEqual({ month: '2025-12', start: '2025-12-08', end: '2025-12-12' });
    expect(readDates('June 30 – July 4, 2025')).toEqual({
      month: '2025-06',
      start: '2025-06-30',
      end: '2025-07-04',
    });
    expect(readDates('30.12.–03.01.2025')).toEqual({
      month: '2024-12',
      start: '2024-12-30',
      end: '2025-01-03',
    });
  });

  it('reads a month alone, and a range without its year only when the year is known', () => {
    expect(readDates('held in June 2025 at Schlosshof')).toEqual({ month: '2025-06' });
    expect(readDates('Hack The Garden 05/2023 Wrap Up')).toEqual({ month: '2023-05' });
    expect(readDates('From November 24–28, the community met')).toBeUndefined();
    expect(readDates('From November 24–28, the community met', 2025)).toEqual({
      month: '2025-11',
      start: '2025-11-24',
      end: '2025-11-28',
    });
  });

  it('reads no date where there is none, or where the days cannot be', () => {
    expect(readDates('we may 2025 be there')).toBeUndefined();
    expect(readDates('31.02.2025 – 02.03.2025')).toBeUndefined();
    expect(readDates('01.01.2025 – 01.06.2025')).toBeUndefined();
    expect(readDates('no date at all')).toBeUndefined();
  });
});

describe('wrap-up pages of every year', () => {
  it('reads 2021: a framing ## (Preparation) whose ### are the topics, a fast-track list, "Topics: /"', () => {
    const recap = recapFrom(`---
title: November 2021
weight: -202111
---
<!-- BANNER:LOCAL -->

# Hack The Garden 11/2021 Wrap Up

- 🗓️ **Date:** 02.11.2021 – 06.11.2021
- 📍 **Location:** [Mesnerhof C, Steinberg am Rofan](https://www.mesnerhof-c.at/)
- 👤 **Organizer:** [x-cellent](https://www.x-cellent.com/)
- 📘 **Topics:** /

![Group picture](/community/hackathons/images/2021-11.jpg)

We had planned a hackathon together for years; this November it finally happened.

## Preparation

First we collected a list of projects and voted for the winners:

- Clusters without worker nodes.
- A Kubernetes version per worker pool.

### Control Plane as a Service

Or in other words: a shoot cluster without any worker nodes. We decided to write a GEP.

### Kubernetes Version per Worker Pool

This feature was completely implemented and we raised two pull requests:

- kube-proxy must match the kubelet: [https://github.com/gardener/gardener/pull/4969](https://github.com/gardener/gardener/pull/4969)
- Version per worker pool: [https://github.com/gardener/gardener/pull/4971](https://github.com/gardener/gardener/pull/4971)

### Fast Tracks

Also progress was made during the fast track sessions:

- allow shoot clusters on metal-stack to be hibernated  [https://github.com/metal-stack/gardener-extension-provider-metal/pull/221](https://github.com/metal-stack/gardener-extension-provider-metal/pull/221)
- port gardener dev setup to the \`darwin/arm64\` platform [https://github.com/gardener/gardener/pull/4955](https://github.com/gardener/gardener/pull/4955)

## Conclusion

This is the beauty of Open Source collaboration!
`);
    expect(recap.kind).toBe('wrap-up');
    expect(recap.facts).toMatchObject({
      month: '2021-11',
      start: '2021-11-02',
      end: '2021-11-06',
      place: 'Mesnerhof C, Steinberg am Rofan',
      organizer: 'x-cellent',
    });
    expect(recap.facts.planningUrl).toBeUndefined();
    expect(recap.topics.map((t) => [sectionOf(recap, t), t.title, t.fastTrack])).toEqual([
      ['Preparation', 'Control Plane as a Service', false],
      ['Preparation', 'Kubernetes Version per Worker Pool', false],
      ['Fast Tracks', 'Allow shoot clusters on metal-stack to be hibernated', true],
      ['Fast Tracks', 'Port gardener dev setup to the darwin/arm64 platform', true],
    ]);
    expect(recap.topics[1]?.links.map((l) => l.number)).toEqual([4969, 4971]);
    expect(recap.topics[3]?.links[0]).toMatchObject({ kind: 'pull-request', number: 4955 });
    expect(recap.intro?.text).toMatch(/^We had planned a hackathon/);
  });

  it('reads 2022: one ## per topic even when its bullets lead with bold', () => {
    const recap = recapFrom(`---
title: September 2022
weight: -202209
---

# Hack The Garden 09/2022 Wrap Up

- 🗓️ **Date:** 26.09.2022 – 30.09.2022
- 📍 **Location:** [Württemberger Haus, Hirschegg](https://www.wuerttembergerhaus.de/)
- 👤 **Organizer:** [SAP](https://www.sap.com/)

## IPv6

- Shoot creation currently stops at 83%.
- **Everybody is invited to try the IPv6 setup at home.**

## Registry Cache Extension

- **Controller:** a new controller deploys the registries into the shoot.
- **Configuration:** the \`containerd\` mirrors are picked up by a \`DaemonSet\`.
- **Security:** the pods are quite privileged.

## Replacement Of The Last Remaining Shell Script

- Awesome
`);
    expect(recap.topics.map((t) => t.title)).toEqual([
      'IPv6',
      'Registry Cache Extension',
      'Replacement Of The Last Remaining Shell Script',
    ]);
    expect(recap.topics[1]?.summary.text).toContain('Security: the pods are quite privileged.');
  });

  it('reads 2025: ### parts and other ### sub-headings stay inside their topic', () => {
    const recap = recapFrom(`---
title: November 2025
weight: -202511
---

# Hack The Garden 11/2025 Wrap Up

- 🗓️ **Date:** 24.11.2025 – 28.11.2025
- 📍 **Location:** [Schlosshof Freizeitheim, Schelklingen](https://www.schlosshof-info.de/)
- 👤 **Organizer:** [x-cellent](https://www.x-cellent.com/)
- 📘 **Topics:** https://hackmd.io/c-SxOnnDTE-XQbrXnrPprw
- 🎤 **Review Meeting Summary:** https://gardener.cloud/community/review-meetings/2025-reviews/#_2025-12-03-hack-the-garden-wrap-up

## 🐶 Use Self-Hosted Shoot Cluster For Single-Node E2E Tests

### Problem Statement

We want to run E2E tests within a single-node, self-hosted \`Shoot\` cluster.

### Code & Pull Requests

* [gardener/gardener#13542](https://github.com/gardener/gardener/pull/13542)

## 🗃️ Go Build Cache In Prow

We first reviewed how other projects handle caching:

- **Istio:** Uses a hostPath volume to reuse the cache on the same node.
- **Kubermatic machine-controller:** Fetches a cache archive before the build.

### kind e2e tests without cache

\`\`\`terminaloutput
user        64m51.059s
\`\`\`

### kind e2e tests with cache

\`\`\`terminaloutput
user         2m33.118s
\`\`\`

### Next Steps

Try it for the linters too.

## 🔁 gardener-node-agent crash-loop on configuration changes (Issue [#11025](https://github.com/gardener/gardener/issues/11025))

**Problem Statement:**
The agent might crash-loop without recovery.

## ℹ️ Expose EgressCIDRs in shoot-info \`ConfigMap\` 🏎️

**Problem Statement:**
Some stakeholders need to know the egress CIDRs of a shoot cluster.

## 🤖 Tool-Enabled Agent For Shoots

We developed agents to support operators with end-user questions.

**Conclusion:**
The tooling is in use, but not yet public.

<hr />

![ApeiroRA](https://apeirora.eu/assets/img/BMWK-EU.png)
`);
    expect(recap.facts).toMatchObject({
      planningUrl: 'https://hackmd.io/c-SxOnnDTE-XQbrXnrPprw',
      reviewUrl:
        'https://gardener.cloud/community/review-meetings/2025-reviews/#_2025-12-03-hack-the-garden-wrap-up',
    });
    expect(recap.topics.map((t) => `${t.emoji} ${t.title}${t.fastTrack ? ' (fast track)' : ''}`)).toEqual([
      '🐶 Use Self-Hosted Shoot Cluster For Single-Node E2E Tests',
      '🗃️ Go Build Cache In Prow',
      '🔁 gardener-node-agent crash-loop on configuration changes',
      'ℹ️ Expose EgressCIDRs in shoot-info ConfigMap (fast track)',
      '🤖 Tool-Enabled Agent For Shoots',
    ]);
    const cache = recap.topics[1];
    expect(cache?.summary.text).toContain('kind e2e tests without cache');
    expect(cache?.summary.text).toContain('kind e2e tests with cache');
    expect(cache?.summary.text).toMatch(/with cache[\s\S]*Next Steps\s+Try it for the linters too\.$/);
    // The issue the heading links stays with the topic, though its title drops "(Issue #11025)".
    expect(recap.topics[2]?.links[0]).toMatchObject({ kind: 'issue', number: 11025 });
  });

  it('reads 2026: call-outs without their [!TIP] marker, Tracking lines, ### Outcome, links to the site', () => {
    const recap = recapFrom(`---
title: March 2026
weight: -202603
---

# Hack The Garden Sofia Edition 03/2026 Wrap Up

- 🗓️ **Date:** 16.03.2026 – 20.03.2026
- 📍 **Location:** [SAP Center Sofia](https://maps.app.goo.gl/SPdvQ4F2p7Qqfx4p9)
- 👤 **Organizer:** [SAP](https://www.sap.com/)
- 📘 **Topics:** [hackathon#41](https://github.com/gardener/hackathon/discussions/41)

## 🐳 [GEP-28] Self-Hosted Shoot: Gardener-in-Docker (\`gind\`)

> [!TIP]
> You can find out more about [Self-Hosted Shoot Clusters in GEP-28](https://github.com/gardener/enhancements/blob/main/geps/0028-self-hosted-shoot-clusters).

> **Tracking:** [hackathon#8](https://github.com/gardener/hackathon/issues/8)

### Problem Statement

It should be possible to run Gardener inside a self-hosted shoot cluster.

### Achievements

| Component | State |
| --- | --- |
| gardener-operator | deployed |

## 🗝️ [GEP-28] Eliminate Static Admin Token

> **Tracking:** [hackathon#14](https://github.com/gardener/hackathon/issues/14)

### Outcome

Closed in favor of [hackathon#45](https://github.com/gardener/hackathon/issues/45), see the [GEP](/docs/proposals/0028-self-hosted-shoot-clusters/).

---

![Rooftop view](/community/hackathons/images/2026-03/sofia-bg.jpeg)
`);
    expect(recap.facts).toMatchObject({
      month: '2026-03',
      place: 'SAP Center Sofia',
      organizer: 'SAP',
      planningUrl: 'https://github.com/gardener/hackathon/discussions/41',
    });
    expect(recap.topics.map((t) => t.title)).toEqual([
      '[GEP-28] Self-Hosted Shoot: Gardener-in-Docker (gind)',
      '[GEP-28] Eliminate Static Admin Token',
    ]);
    const gind = recap.topics[0];
    expect(gind?.summary.text).toMatch(/^You can find out more about Self-Hosted Shoot Clusters in GEP-28\./);
    expect(gind?.summary.text).not.toContain('[!TIP]');
    expect(gind?.summary.mrkdwn).toContain(
      '> *Tracking:* <https://github.com/gardener/hackathon/issues/8|hackathon#8>',
    );
    expect(gind?.summary.text).toContain('gardener-operator · deployed');
    const token = recap.topics[1];
    expect(token?.summary.text).toContain('Outcome');
    expect(token?.links.map((l) => l.url)).toEqual([
      'https://github.com/gardener/hackathon/issues/14',
      'https://github.com/gardener/hackathon/issues/45',
      'https://gardener.cloud/docs/proposals/0028-self-hosted-shoot-clusters/',
    ]);
  });

  it('reads metadata without emoji or bold, the colon outside the bold, as lines of one paragraph', () => {
    const recap = recapFrom(`---
title: May 2027
---

# Hack The Garden 05/2027 Wrap Up

**Date**: 3.–7.5.2027
Location: Open Sky House, Leverkusen
Organiser: STACKIT
Topics: TBD

## Networking

Two teams worked on networking.

### 🌐 IPv6 Everywhere

**Problem Statement:** Clusters are IPv4 only.

**Achievements:** Dual-stack works.

### 🔒 ACL For The Virtual Garden

**Problem Statement:** No IP allow-lists for the virtual garden.

## 🐛 Fix Node Logging

**Problem Statement:** Logs went missing.
`);
    expect(recap.kind).toBe('wrap-up');
    expect(recap.facts).toEqual({
      month: '2027-05',
      monthSource: 'date bullet',
      start: '2027-05-03',
      end: '2027-05-07',
      place: 'Open Sky House, Leverkusen',
      organizer: 'STACKIT',
      line: 7,
    });
    // A framing ## holds ### topics; the ## beside it is a topic of its own.
    expect(recap.topics.map((t) => [sectionOf(recap, t), t.title])).toEqual([
      ['Networking', 'IPv6 Everywhere'],
      ['Networking', 'ACL For The Virtual Garden'],
      [undefined, 'Fix Node Logging'],
    ]);
    expect(recap.sections[0]?.intro?.text).toBe('Two teams worked on networking.');
    expect(recap.event.title).toBe('Hack The Garden 05/2027 Wrap Up');
    expect(recap.event.date).toBe('2027-05-07');
  });

  it('is a wrap-up page by its metadata or its title, not by a weight alone', () => {
    const weighted = recapFrom(`---
title: Some post
weight: 10
publishdate: 2025-01-01
---
## Topics

**Only Topic** was done.
`);
    expect(weighted.kind).toBe('blog-post');
    const titled = recapFrom(`---
title: Something
---
# Hack The Garden 06/2024 Wrap Up

## 🌱 Only Topic

**Problem Statement:** none.
`);
    expect(titled.kind).toBe('wrap-up');
    expect(titled.facts).toMatchObject({ month: '2024-06', monthSource: 'body' });
  });

  it('loads a wrap-up page without topics yet as its hackathon, with its facts and no topics', () => {
    const result = load(
      `---
title: November 2026
weight: -202611
---

# Hack The Garden 11/2026 Wrap Up

- 🗓️ **Date:** 09.11.2026 – 13.11.2026
- 📍 **Location:** [Schlosshof Freizeitheim, Schelklingen](https://www.schlosshof-info.de/)
- 📘 **Topics:** TBD

<hr />
`,
      '2026-11.md',
    );
    expect(result.problems).toEqual([]);
    expect(result.recap?.topics).toEqual([]);
    expect(result.recap?.facts).toMatchObject({
      month: '2026-11',
      start: '2026-11-09',
      end: '2026-11-13',
      place: 'Schlosshof Freizeitheim, Schelklingen',
    });
  });

  it('reports a wrap-up page without topics and without a date, naming the file and line', () => {
    const result = load(
      `---
title: Hack The Garden Wrap Up
---

# Hack The Garden Wrap Up

Coming soon.
`,
      'soon.md',
    );
    expect(result.recap).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^soon\.md:4: has no topics yet and no date/),
    ]);
  });

  it('keeps a blog post without topics an error, though it names its month', () => {
    const result = load(
      `---
title: "Hack The Garden November 2026"
publishdate: 2026-12-01
---

From November 24–28, 2026, the community met again. It was a good week.
`,
      '2026-12-blog.md',
    );
    expect(result.recap).toBeUndefined();
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^2026-12-blog\.md:5: has no topics:/),
    ]);
  });
});

describe('blog posts told as storylines', () => {
  const storyline = `---
title: "Hack The Garden November 2025: Self-Hosted Shoots and Build Caches"
publishdate: 2025-12-03
aliases: ["/blog/2025/12/12-03-hack-the-garden-november-2025-wrap-up"]
---

# Hack The Garden November 2025: Self-Hosted Shoots and Build Caches

From November 24–28, 2025, the Gardener community gathered at [Schlosshof in Schelklingen](https://www.schlosshof-info.de/) for another week of focused collaboration, organized by [x-cellent](https://www.x-cellent.com/).
The [review meeting recording](../../../community/review-meetings/2025-reviews.md#_2025-12-03-hack-the-garden-wrap-up) covers the highlights.

## 🐶 Self-Hosted Shoots

The team successfully ran \`gardenadm init\` inside a Docker container, an approach tracked as **\`gind\`** (**G**ardener **in** **D**ocker).
Several networking issues were addressed along the way.

## 🛜 Networking Modernization: Gateway API and nftables

Following the retirement announcement, the team began **evaluating the Gateway API as a replacement for ingress**.
A functional branch demonstrates it for Plutono.

Initial **support for \`nftables\` mode in \`kube-proxy\`** was implemented in [gardener/gardener#13558](https://github.com/gardener/gardener/pull/13558).

## 🗃️ A Go Build Cache for Prow

The team tackled build and test caching for Prow jobs.

The impact on the E2E job is striking: wall-clock time stayed the same, but **CPU time dropped from ~65 minutes to under 3 minutes** — more than a 90% reduction.

## ⚖️ Smaller Wins

Several smaller workstreams improved day-to-day operations:

- **Real load balancer controller for \`provider-local\`**: assigns IPs to \`Service\`s of type \`LoadBalancer\`.
- **Respect terminating \`Node\`s in load balancing**: a taint triggers the reconciliation.

## What's Next

The next hackathon takes place in May 2026.
`;

  it('takes each H2 storyline as one topic, bold inside its paragraphs being emphasis', () => {
    const recap = recapFrom(storyline, '2025-12-03-hack-the-garden.md');
    expect(recap.kind).toBe('blog-post');
    expect(recap.topics.map((t) => [sectionOf(recap, t), t.title])).toEqual([
      [undefined, 'Self-Hosted Shoots'],
      [undefined, 'Networking Modernization: Gateway API and nftables'],
      [undefined, 'A Go Build Cache for Prow'],
      ['Smaller Wins', 'Real load balancer controller for provider-local'],
      ['Smaller Wins', 'Respect terminating Nodes in load balancing'],
    ]);
    const titles = recap.topics.map((t) => t.title).join(' | ');
    expect(titles).not.toMatch(/CPU time|gind|evaluating|nftables mode/);
    expect(recap.topics[2]?.summary.mrkdwn).toContain(
      '*CPU time dropped from ~65 minutes to under 3 minutes*',
    );
    expect(recap.nextHackathon?.text).toBe('The next hackathon takes place in May 2026.');
  });

  it('reads the hackathon from its opening sentence, not from the publication date', () => {
    const recap = recapFrom(storyline, '2025-12-03-hack-the-garden.md');
    expect(recap.facts).toEqual({
      month: '2025-11',
      monthSource: 'body',
      start: '2025-11-24',
      end: '2025-11-28',
      place: 'Schlosshof, Schelklingen',
      placeUrl: 'https://www.schlosshof-info.de/',
      organizer: 'x-cellent',
      organizerUrl: 'https://www.x-cellent.com/',
      reviewUrl:
        'https://gardener.cloud/community/review-meetings/2025-reviews.md#_2025-12-03-hack-the-garden-wrap-up',
      line: 9,
    });
    expect(recap.event.date).toBe('2025-12-03');
  });

  it('never takes a bold phrase in the middle or at the end of a paragraph for a topic title', () => {
    const recap = recapFrom(`---
title: Emphasis
publishdate: 2025-03-01
---
## 🧪 One Storyline

The run stayed as long, but **CPU time dropped from ~65 minutes to under 3 minutes**.

Everyone agreed it was **worth it**, and the team moved on to **the next idea**.
`);
    expect(recap.topics.map((t) => t.title)).toEqual(['One Storyline']);
  });

  it('starts a topic where a paragraph or list item leads with a bold title, even in a storyline', () => {
    const recap = recapFrom(`---
title: Leads
publishdate: 2025-03-01
---
## 🧪 Experiments

We tried two things.

**Gateway API** replaced the ingress controller for Plutono.

The **nftables Mode** for \`kube-proxy\` is now supported.
`);
    expect(recap.sections.map((s) => s.title)).toEqual(['Experiments']);
    expect(recap.topics.map((t) => t.title)).toEqual(['Gateway API', 'Nftables Mode']);
    expect(recap.sections[0]?.intro?.text).toBe('We tried two things.');
  });

  it('dates a post published in January by the December hackathon it tells of', () => {
    const recap = recapFrom(
      `---
title: Looking back
publishdate: 2025-01-08
---
From December 2–6 the community met at [Schlosshof](https://www.schlosshof-info.de/) in Schelklingen.

**Topic One** was done.
`,
      '2025-01-08-looking-back.md',
    );
    expect(recap.facts).toMatchObject({
      month: '2024-12',
      start: '2024-12-02',
      end: '2024-12-06',
      monthSource: 'body',
    });
    expect(recap.event.date).toBe('2025-01-08');
    const plain = recapFrom(
      `---
title: Looking back
publishdate: 2025-01-08
---
The hackathon in December 2024 was a blast.

**Topic One** was done.
`,
      '2025-01-08-looking-back.md',
    );
    expect(plain.facts).toMatchObject({ month: '2024-12', monthSource: 'body' });
  });

  it('does not date the hackathon by a sentence about the next one', () => {
    const recap = recapFrom(
      `---
title: A post
publishdate: 2025-06-17
---
We had a great week. The next hackathon takes place in December 2025.

**Topic One** was done.
`,
      '2025-06-17-a-post.md',
    );
    expect(recap.facts).toMatchObject({ month: '2025-06', monthSource: 'file name' });
  });
});

describe('blog posts of other authors', () => {
  it('reads "at the beginning of December" with the year it was published, and a venue visited', () => {
    const recap = recapFrom(
      `---
title: Hack the Garden vol. 6 🔨
date: 2024-12-10T17:00:00+02:00
authors: [valentin]
---

At the beginning of December we came together and started the 6th Hack the Garden event.

<!-- truncate -->

For the third time in a row, we visited the [Schlosshof](https://schlosshof-info.de) in Schelklingen, Germany, because the location fits so well.

## Topics

We collected all the ideas in advance.

### IPv6 Support

A Gardener hackathon is no hackathon if IPv6 support is not a topic.

### Version Classification Lifecycle in Cloud Profiles

With [GEP-32](https://github.com/gardener/gardener/pull/10982) it is now possible to plan the lifecycle.

## Conclusion

We are already looking forward to the next **Hack the Garden**!
`,
      'hack-the-garden-vol-6.md',
    );
    expect(recap.facts).toEqual({
      month: '2024-12',
      monthSource: 'body',
      place: 'Schlosshof, Schelklingen, Germany',
      placeUrl: 'https://schlosshof-info.de/',
      ordinal: 6,
      line: 7,
    });
    expect(recap.event.date).toBe('2024-12-10');
    expect(recap.topics.map((t) => [sectionOf(recap, t), t.title])).toEqual([
      ['Topics', 'IPv6 Support'],
      ['Topics', 'Version Classification Lifecycle in Cloud Profiles'],
    ]);
    expect(recap.nextHackathon?.text).toBe('We are already looking forward to the next Hack the Garden!');
  });

  it('takes the month from a link to the hackathon’s archive page when no sentence names it', () => {
    const winter = recapFrom(
      `---
title: Gardener Hackathon Winter 2025 Highlights
date: 2025-12-08T09:00:00+01:00
---

This winter's Hack the Garden was our biggest gathering yet. For the complete list of tracks, check out the official [Gardener Hackathon recap](https://gardener.cloud/community/hackathons/2025-11/).

## Track Overview

With so many people on-site we divided into multiple tracks.

### Autonomous Control Plane and gardenadm

The Gardener team pushed the tool to roughly 95% completion.

## Call to Action

Join the Gardener Slack and bring your ideas next time.
`,
      'winter-2025.md',
    );
    expect(winter.facts).toMatchObject({ month: '2025-11', monthSource: 'archive link' });
    expect(winter.topics.map((t) => t.title)).toEqual(['Autonomous Control Plane and gardenadm']);
    const again = recapFrom(
      `---
title: Hack the Garden again🔨
date: 2024-05-17T17:00:00+02:00
---

As last time, the event took place at [Schlosshof](https://schlosshof-info.de) nearby Schelklingen.

## Preparation

A detailed summary of all topics is in the [Gardener Community Hackathon Repo](https://github.com/gardener-community/hackathon/tree/main/2024-05_Schelklingen).

## Topics

### VPN2

- Rewrite of the whole setup logic in go [PR84](https://github.com/gardener/vpn2/pull/84)
`,
      'again.md',
    );
    expect(again.facts).toMatchObject({
      month: '2024-05',
      monthSource: 'archive link',
      place: 'Schlosshof, Schelklingen',
    });
    expect(again.topics.map((t) => t.title)).toEqual(['VPN2']);
  });
});

describe('where the month comes from, in order of trust', () => {
  const body = '## 🌱 Only Topic\n\n**Problem Statement:** none.\n';

  it('takes the date bullet over the body, the body over the front matter, that over the file name', () => {
    const bullet = recapFrom(
      `---\ntitle: June 2025\nweight: -202506\n---\n# Hack The Garden Wrap Up\n\n- **Date:** 2.–6.6.2025\n- **Location:** Schelklingen\n\nWe met in May 2025.\n\n${body}`,
      '2025-07-x.md',
    );
    expect(bullet.facts).toMatchObject({ month: '2025-06', monthSource: 'date bullet', start: '2025-06-02' });
    const prose = recapFrom(`---\ntitle: June 2025\n---\nWe met in May 2025.\n\n${body}`, '2025-07-x.md');
    expect(prose.facts).toMatchObject({ month: '2025-05', monthSource: 'body' });
    const title = recapFrom(`---\ntitle: June 2025\nweight: -202412\n---\n${body}`, '2025-07-x.md');
    expect(title.facts).toMatchObject({ month: '2025-06', monthSource: 'front matter' });
    const weight = recapFrom(`---\ntitle: A page\nweight: -202412\n---\n${body}`, '2025-07-x.md');
    expect(weight.facts).toMatchObject({ month: '2024-12', monthSource: 'front matter' });
    const name = recapFrom(`---\ntitle: A page\nweight: 5\n---\n${body}`, '2025-07-x.md');
    expect(name.facts).toMatchObject({ month: '2025-07', monthSource: 'file name' });
  });
});

describe('a recap that says nothing of when', () => {
  it('loads, warns with file and line, and leaves the month to the publication date', () => {
    const result = load(
      `---
title: Undated
publishdate: 2025-03-04
---
Intro.

**Topic One** was done.
`,
      'undated.md',
    );
    expect(result.recap?.facts.month).toBeUndefined();
    expect(result.recap?.event.date).toBe('2025-03-04');
    expect(result.problems).toEqual([
      {
        file: 'undated.md',
        line: 5,
        severity: 'warning',
        message: expect.stringMatching(/^no hackathon date found: add a \*\*Date:\*\* line/),
      },
    ]);
  });

  it('never shows the epoch: without a publication date either, the date is empty and the warning says so', () => {
    const result = load('# Notes\n\n**Topic One** was done.\n', 'notes.md');
    expect(result.recap?.event.date).toBe('');
    expect(JSON.stringify(result.recap)).not.toContain('1970');
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^notes\.md:1: no hackathon date found: .*no publishdate either/),
    ]);
  });
});
