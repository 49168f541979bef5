/**
 * Hand-made recaps for the view tests: a small copy of the Schelklingen recap's shape (sections, videos
 * with timestamps, PRs of several repos, a fast track) and generators for recaps far larger than real ones.
 */
import { groupHackathons } from '../../src/content/hackathons.js';
import type { Hackathon, HackathonTopic, Link, Recap, Section, Topic } from '../../src/content/model.js';

export function slugOf(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

export function prLink(repo: string, number: number, label = `PR #${number}`): Link {
  return { url: `https://github.com/${repo}/pull/${number}`, label, kind: 'pull-request', repo, number };
}

export function issueLink(repo: string, number: number, label = `issue #${number}`): Link {
  return { url: `https://github.com/${repo}/issues/${number}`, label, kind: 'issue', repo, number };
}

export interface TopicInput {
  title: string;
  summary?: string;
  /** Start of the presentation in the wrap-up recording, in seconds. */
  videoAt?: number;
  links?: Link[];
  fastTrack?: boolean;
  emoji?: string;
  key?: string;
}

export interface SectionInput {
  title: string;
  emoji?: string;
  topics: TopicInput[];
}

export interface RecapInput {
  id?: string;
  title?: string;
  date?: string;
  sections: SectionInput[];
  recapUrl?: string;
  recordingUrl?: string;
}

const VIDEO_ID = 'TCLXovw43HA';

/** A recap built like the loader builds one: ids from slugs, keys `recapId/topicId`, topics in section order. */
export function buildRecap(input: RecapInput): Recap {
  const id = input.id ?? 'fixture-recap';
  const sections: Section[] = [];
  const topics: Topic[] = [];
  const usedIds = new Set<string>();
  input.sections.forEach((s, si) => {
    const sectionId = `${slugOf(s.title)}-${si}`;
    const section: Section = { id: sectionId, title: s.title, topicIds: [] };
    if (s.emoji) section.emoji = s.emoji;
    for (const t of s.topics) {
      let topicId = slugOf(t.title);
      while (usedIds.has(topicId)) topicId = `${topicId}-x`;
      usedIds.add(topicId);
      const summary = t.summary ?? `${t.title} was worked on. More follows.`;
      const topic: Topic = {
        id: topicId,
        key: t.key ?? `${id}/${topicId}`,
        recapId: id,
        title: t.title,
        sectionId,
        summary: { text: summary, mrkdwn: summary },
        links: t.links ?? [],
        fastTrack: t.fastTrack ?? false,
        line: topics.length + 1,
      };
      if (t.emoji) topic.emoji = t.emoji;
      if (t.videoAt !== undefined) {
        topic.video = {
          url:
            t.videoAt > 0 ? `https://youtu.be/${VIDEO_ID}?t=${t.videoAt}s` : `https://youtu.be/${VIDEO_ID}`,
          id: VIDEO_ID,
          startSeconds: t.videoAt,
        };
      }
      section.topicIds.push(topicId);
      topics.push(topic);
    }
    sections.push(section);
  });
  const event: Recap['event'] = {
    title: input.title ?? 'Fixture hackathon',
    date: input.date ?? '2025-06-17',
    authors: [{ name: 'Fixture Author' }],
  };
  if (input.recapUrl) event.recapUrl = input.recapUrl;
  if (input.recordingUrl) event.recordingUrl = input.recordingUrl;
  return {
    id,
    file: `${id}.md`,
    kind: 'blog-post',
    facts: { month: event.date.slice(0, 7) },
    event,
    sections,
    topics,
  };
}

const WIREGUARD_SUMMARY =
  'One major undertaking was the *replacement of <https://openvpn.net/|OpenVPN> with <https://www.wireguard.com/|Wireguard>*. ' +
  'The team developed a PoC using a reverse proxy like <https://github.com/apernet/mwgp|mwgp>. ' +
  'A <https://github.com/axel7born/vpn2/blob/wireguard/docs/wireguard.md|document describing the approach> is available.';

/** A small copy of `content/2025-06-schelklingen.md`: enough to look like the real thing. */
export function schelklingen(): Recap {
  return buildRecap({
    id: '2025-06-schelklingen',
    title:
      'Taking Gardener to the Next Level: Highlights from the 7th Gardener Community Hackathon in Schelklingen',
    date: '2025-06-17',
    recapUrl: 'https://gardener.cloud/blog/2025/06/06-17-taking-gardener-to-the-next-level',
    recordingUrl: 'https://youtu.be/TCLXovw43HA',
    sections: [
      {
        title: 'Modernizing Core Infrastructure and Networking',
        emoji: '🚀',
        topics: [
          {
            title: 'Replacement of OpenVPN with Wireguard',
            summary: WIREGUARD_SUMMARY,
            videoAt: 104,
            links: [
              { url: 'https://openvpn.net/', label: 'OpenVPN', kind: 'other' },
              { url: 'https://www.wireguard.com/', label: 'Wireguard', kind: 'other' },
              {
                url: 'https://github.com/apernet/mwgp',
                label: 'mwgp',
                kind: 'repository',
                repo: 'apernet/mwgp',
              },
              {
                url: 'https://github.com/axel7born/vpn2/blob/wireguard/docs/wireguard.md',
                label: 'document describing the approach',
                kind: 'document',
                repo: 'axel7born/vpn2',
              },
            ],
          },
          {
            title: 'Cluster-internal L7 Load-Balancing for kube-apiservers',
            links: [prLink('gardener/gardener', 12260), issueLink('gardener/gardener', 8810)],
          },
        ],
      },
      {
        title: 'Bolstering Security and Resource Management',
        emoji: '🛡️',
        topics: [
          {
            title: 'Expose EgressCIDRs in the shoot-info ConfigMap',
            videoAt: 2961,
            fastTrack: true,
            links: [prLink('gardener/gardener', 12252, 'gardener PR #12252')],
          },
        ],
      },
      {
        title: 'Improving User and Developer Experience',
        emoji: '✨',
        topics: [
          {
            title: 'Dashboard Usability Improvements',
            videoAt: 2052,
            links: [
              issueLink('gardener/dashboard', 2469, 'dashboard issue #2469'),
              prLink('gardener/dashboard', 2470, 'dashboard PR #2470'),
              prLink('gardener/dashboard', 2476, 'dashboard PR #2476'),
            ],
          },
          { title: 'Multiple Parallel Versions in a Gardener Landscape', videoAt: 3482 },
        ],
      },
    ],
  });
}

/** An older recap without sections of its own, like the 2024 blog posts: one list, topics with emoji. */
export function december2024(): Recap {
  const recap = buildRecap({
    id: '2024-12-6th-hackathon-blog',
    title: 'Unleashing Potential: Highlights from the 6th Gardener Community Hackathon',
    date: '2024-12-08',
    sections: [
      {
        title: 'Untitled',
        topics: [
          { title: 'IPv6 Support on IronCore', emoji: '🌐' },
          { title: 'Enhanced Seed Authorizer With Label/Field Selectors', emoji: '🛡️' },
        ],
      },
    ],
  });
  // No heading holds its topics, as the loader reads the 6th blog post.
  return { ...recap, sections: [], topics: recap.topics.map(({ sectionId: _, ...topic }) => topic) };
}

/** `count` topics spread over `sectionCount` sections: far more than fits one message. */
export function bigRecap(count: number, sectionCount = 4): Recap {
  const sections: SectionInput[] = Array.from({ length: sectionCount }, (_, s) => ({
    title: `Section number ${s + 1}`,
    emoji: '🧪',
    topics: [],
  }));
  for (let i = 0; i < count; i++) {
    sections[i % sectionCount]!.topics.push({
      title: `Topic number ${i + 1} about something worth a hackathon`,
      videoAt: i % 3 === 0 ? undefined : 60 * i + 7,
      fastTrack: i % 7 === 0,
    });
  }
  return buildRecap({ id: 'big-recap', title: 'A very large hackathon', sections });
}

/** The heading that holds `topic`; undefined only for a topic no heading holds. */
export function sectionOf(recap: Recap, topic: Topic): Section | undefined {
  if (topic.sectionId === undefined) return undefined;
  const section = recap.sections.find((s) => s.id === topic.sectionId);
  if (!section) throw new Error(`no section ${topic.sectionId} for ${topic.key}`);
  return section;
}

export function topicByTitle(recap: Recap, pattern: RegExp): Topic {
  const topic = recap.topics.find((t) => pattern.test(t.title));
  if (!topic) throw new Error(`no topic matching ${pattern}`);
  return topic;
}

/** The hackathon a recap tells of, grouped as the library groups recaps: what the views take. */
export function hackathonOf(...recaps: Recap[]): Hackathon {
  const [hackathon] = groupHackathons(recaps);
  if (!hackathon) throw new Error('no hackathon');
  return hackathon;
}

/** The hackathon section that holds `topic`; undefined for a topic no heading holds. */
export function hackathonSection(hackathon: Hackathon, topic: HackathonTopic): Section | undefined {
  return hackathon.sections.find((s) => s.id === topic.sectionId);
}

export function hackathonTopic(hackathon: Hackathon, pattern: RegExp): HackathonTopic {
  const topic = hackathon.topics.find((t) => pattern.test(t.title));
  if (!topic) throw new Error(`no topic matching ${pattern}`);
  return topic;
}
