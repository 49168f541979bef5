/**
 * A hackathon announced in a channel: one parent message that says what happened, and one thread reply per
 * section listing its merged topics, so the channel gets one message and the detail stays in the thread.
 * Also the private preview with Post / Cancel, and the report of how posting went. Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Hackathon, Section, HackathonTopic as Topic } from '../content/model.js';
import { CHANNEL_ID } from '../slack-ids.js';
import { formatCount } from '../words.js';
import { ACTION } from './actions.js';
import { oneLine } from './format.js';
import { hackathonName, hackathonShortName, hackathonWhen } from './hackathon.js';
import {
  contextLine,
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  mrkdwnSection,
  splitMrkdwn,
  truncate,
  VIEW_MAX_BLOCKS,
} from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink, plainText } from './mrkdwn.js';
import { privateChannelText } from './private-channel.js';
import { videoLinkMrkdwn } from './topics.js';

/** One thread reply: the section it lists, named so a failure report can say which ones went out. */
export interface ThreadReply {
  section: string;
  message: SlackMessage;
}

export interface AnnounceTarget {
  channel: string;
  /** The hackathon's id; a preview posted before hackathons existed carries a recap id here. */
  hackathonId: string;
}

/** How posting went, as the announcer is told. */
export type AnnounceOutcome =
  | { kind: 'posted'; channel: string; ts: string; replies: number; joined: boolean }
  | {
      kind: 'partial';
      channel: string;
      ts: string;
      posted: string[];
      missing: string[];
      error: string;
    }
  | { kind: 'private'; channel: string }
  | { kind: 'failed'; channel: string; error: string };

const TOPIC_TITLE_MAX = 200;

function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: truncate(text, MAX_FALLBACK_TEXT), blocks };
}

function sectionName(section: Section | undefined, sectioned: boolean): string {
  if (!section) return sectioned ? 'Other topics' : 'Topics';
  const title = oneLine(section.title) || 'Untitled section';
  return section.emoji ? `${section.emoji} ${title}` : title;
}

/** The sections with their topics in list order; topics without a section come last. */
export function topicsBySection(hackathon: Hackathon): { section: Section | undefined; topics: Topic[] }[] {
  const placed = new Set<string>();
  const groups: { section: Section | undefined; topics: Topic[] }[] = [];
  for (const section of hackathon.sections) {
    const topics = hackathon.topics.filter((t) => t.sectionId === section.id);
    for (const topic of topics) placed.add(topic.key);
    if (topics.length > 0) groups.push({ section, topics });
  }
  const rest = hackathon.topics.filter((t) => !placed.has(t.key));
  if (rest.length > 0) groups.push({ section: undefined, topics: rest });
  return groups;
}

/** Where to read more: the blog post (by its title), the wrap-up page, the recording, all topics. */
function hackathonLinks(hackathon: Hackathon): string[] {
  const links: string[] = [];
  const seen = new Set<string>();
  for (const recap of hackathon.recaps) {
    const url = recap.event.recapUrl;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const label =
      recap.kind === 'wrap-up' ? 'The wrap-up page' : `Read the blog post: ${oneLine(recap.event.title)}`;
    links.push(`📖 ${mrkdwnLink(url, truncate(label, 300))}`);
  }
  const { recordingUrl, summaryUrl } = hackathon.links;
  if (recordingUrl) links.push(`▶️ ${mrkdwnLink(recordingUrl, 'Watch the wrap-up recording')}`);
  if (summaryUrl) links.push(`📋 ${mrkdwnLink(summaryUrl, 'All topics on GitHub')}`);
  return links;
}

/**
 * `new`: a hackathon new to the bot, announced as news. `latest`: the newest hackathon for a channel that
 * just subscribed, which is not news to anyone but the channel.
 */
export type AnnouncementFraming = 'new' | 'latest';

export function announcementParent(hackathon: Hackathon, framing: AnnouncementFraming = 'new'): SlackMessage {
  const name = hackathonShortName(hackathon);
  const groups = topicsBySection(hackathon);
  const count = formatCount(hackathon.topics.length, 'topic');
  const inSections = hackathon.sections.length > 0 ? ` in ${formatCount(groups.length, 'section')}` : '';
  const facts = [hackathonWhen(hackathon), hackathon.place, hackathon.organizer]
    .filter((part): part is string => Boolean(part))
    .map((part) => escapeMrkdwn(oneLine(part)));
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`🌱 Hackathon ${name}`, MAX_HEADER_TEXT) },
    mrkdwnSection(
      [`*${facts.join(' · ')}* · ${count}${inSections}`, hackathonLinks(hackathon).join('   ')]
        .filter(Boolean)
        .join('\n'),
    ),
    contextLine('🧵 The topics are in the thread, each with its presentation video.'),
  ];
  const post = hackathon.recaps.find((r) => r.event.recapUrl)?.event.recapUrl;
  const read = post ? ` Read it: ${post}` : '';
  const lead = framing === 'new' ? 'New hackathon recap' : 'The latest hackathon recap';
  return message(
    `${lead}: ${escapeMrkdwn(hackathonName(hackathon))} (${escapeMrkdwn(hackathonWhen(hackathon))}), ${count}.${read}`,
    blocks,
  );
}

function topicLine(topic: Topic): string {
  const emoji = topic.emoji ? `${topic.emoji} ` : '';
  const title = escapeMrkdwn(truncate(oneLine(topic.title), TOPIC_TITLE_MAX) || 'Untitled topic');
  const video = videoLinkMrkdwn(topic);
  return `• ${emoji}*${title}*${video ? `  ${video}` : ''}`;
}

export function announcementThread(hackathon: Hackathon): ThreadReply[] {
  const sectioned = hackathon.sections.length > 0;
  return topicsBySection(hackathon).map(({ section, topics }) => {
    const name = sectionName(section, sectioned);
    const body = `*${escapeMrkdwn(name)}*\n${topics.map(topicLine).join('\n')}`;
    const blocks = splitMrkdwn(body, MAX_SECTION_TEXT).slice(0, VIEW_MAX_BLOCKS).map(mrkdwnSection);
    return {
      section: name,
      message: message(escapeMrkdwn(`${name}: ${topics.map((t) => oneLine(t.title)).join(', ')}`), blocks),
    };
  });
}

export function announceValue(target: AnnounceTarget): string {
  return JSON.stringify({ channel: target.channel, hackathon: target.hackathonId });
}

export function parseAnnounceValue(value: string): AnnounceTarget | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { channel, hackathon, recap } = parsed as Record<string, unknown>;
    if (typeof channel !== 'string' || !CHANNEL_ID.test(channel)) return undefined;
    // Previews posted before hackathons were the unit name a recap instead.
    const id = typeof hackathon === 'string' ? hackathon : recap;
    if (typeof id !== 'string' || id === '') return undefined;
    return { channel, hackathonId: id };
  } catch {
    return undefined;
  }
}

/** What the announcer sees first: the parent as it will look, the thread in short, and Post / Cancel. */
export function announcementPreview(hackathon: Hackathon, channel: string): SlackMessage {
  const parent = announcementParent(hackathon);
  const thread = announcementThread(hackathon);
  const buttons: Button[] = [
    {
      type: 'button',
      text: plainText('Post', 75),
      style: 'primary',
      action_id: ACTION.announcePost,
      value: announceValue({ channel, hackathonId: hackathon.id }),
    },
    { type: 'button', text: plainText('Cancel', 75), action_id: ACTION.announceCancel, value: hackathon.id },
  ];
  const outline = thread.map((reply) => `• ${escapeMrkdwn(reply.section)}`).join('\n');
  const blocks: KnownBlock[] = [
    contextLine(`👀 *Preview*, only you see this. *Post* puts it in <#${channel}>.`),
    ...parent.blocks,
    { type: 'divider' },
    mrkdwnSection(`Then one thread reply per section, each topic with its video:\n${outline}`),
    { type: 'actions', elements: buttons },
  ];
  return message(`Preview of the announcement for <#${channel}>: ${parent.text}`, blocks);
}

export function postingMessage(channel: string): SlackMessage {
  const text = `Posting the announcement in <#${channel}>…`;
  return message(text, [mrkdwnSection(text)]);
}

function listNames(names: string[]): string {
  return names.length > 0 ? names.map((n) => escapeMrkdwn(n)).join(', ') : 'none';
}

export function outcomeMessage(outcome: AnnounceOutcome): SlackMessage {
  const where = `<#${outcome.channel}>`;
  let text: string;
  switch (outcome.kind) {
    case 'posted':
      text = `✅ Announced in ${where}, with ${formatCount(outcome.replies, 'thread reply', 'thread replies')}.${
        outcome.joined ? ' I joined the channel to post there.' : ''
      }`;
      break;
    case 'partial':
      text =
        `⚠️ Posting in ${where} stopped midway (${escapeMrkdwn(outcome.error)}).\n` +
        `*Posted:* the announcement and the thread replies for ${listNames(outcome.posted)}.\n` +
        `*Not posted:* ${listNames(outcome.missing)}.\n` +
        'Delete the announcement and announce again, or add the missing sections to its thread by hand.';
      break;
    case 'private':
      text = privateChannelText('post in', outcome.channel, 'announce again. Nothing was posted.');
      break;
    case 'failed':
      text = `Nothing was posted in ${where}: Slack answered \`${escapeMrkdwn(outcome.error)}\`.`;
      break;
  }
  return message(text, [mrkdwnSection(text)]);
}

export function cannotAnnounceMessage(reason: string): SlackMessage {
  return message(reason, [mrkdwnSection(reason)]);
}

/** `/hackathon announce` while no hackathon has topics yet: a page published ahead is not news. */
export function nothingToAnnounceMessage(hackathon: Hackathon): SlackMessage {
  return cannotAnnounceMessage(
    `Nothing to announce yet: ${escapeMrkdwn(hackathonName(hackathon))} has no topics written up. Announce it once its recap has topics.`,
  );
}
