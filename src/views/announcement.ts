/**
 * A recap announced in a channel: one parent message that says what happened, and one thread reply per
 * section listing its topics, so the channel gets one message and the detail stays in the thread. Also the
 * private preview with Post / Cancel, and the report of how posting went. Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Recap, Section, Topic } from '../content/model.js';
import { CHANNEL_ID } from '../slack-ids.js';
import { ACTION } from './actions.js';
import { formatCount, formatDate, oneLine } from './format.js';
import {
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  splitMrkdwn,
  truncate,
  VIEW_MAX_BLOCKS,
} from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink, plainText } from './mrkdwn.js';
import { videoLinkMrkdwn } from './topics.js';

/** One thread reply: the section it lists, named so a failure report can say which ones went out. */
export interface ThreadReply {
  section: string;
  message: SlackMessage;
}

export interface AnnounceTarget {
  channel: string;
  recapId: string;
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

function mrkdwnSection(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, MAX_SECTION_TEXT) } };
}

function contextLine(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, MAX_SECTION_TEXT) }] };
}

function message(text: string, blocks: KnownBlock[]): SlackMessage {
  return { text: truncate(text, MAX_FALLBACK_TEXT), blocks };
}

function sectionName(section: Section | undefined): string {
  const title = section ? oneLine(section.title) || 'Untitled section' : 'Other topics';
  return section?.emoji ? `${section.emoji} ${title}` : title;
}

/** The sections with their topics in recap order; topics whose section is unknown come last. */
export function topicsBySection(recap: Recap): { section: Section | undefined; topics: Topic[] }[] {
  const placed = new Set<string>();
  const groups: { section: Section | undefined; topics: Topic[] }[] = [];
  for (const section of recap.sections) {
    const topics = recap.topics.filter((t) => t.sectionId === section.id);
    for (const topic of topics) placed.add(topic.key);
    if (topics.length > 0) groups.push({ section, topics });
  }
  const rest = recap.topics.filter((t) => !placed.has(t.key));
  if (rest.length > 0) groups.push({ section: undefined, topics: rest });
  return groups;
}

function recapLinks(recap: Recap): string[] {
  const { recapUrl, recordingUrl, summaryUrl } = recap.event;
  const links: string[] = [];
  if (recapUrl) links.push(`📖 ${mrkdwnLink(recapUrl, 'Read the recap')}`);
  if (recordingUrl) links.push(`▶️ ${mrkdwnLink(recordingUrl, 'Watch the wrap-up recording')}`);
  if (summaryUrl) links.push(`📋 ${mrkdwnLink(summaryUrl, 'All topics on GitHub')}`);
  return links;
}

/**
 * `new`: a recap new to the bot, announced as news. `latest`: the newest recap for a channel that just
 * subscribed, which is not news to anyone but the channel.
 */
export type AnnouncementFraming = 'new' | 'latest';

export function announcementParent(recap: Recap, framing: AnnouncementFraming = 'new'): SlackMessage {
  const { event } = recap;
  const title = oneLine(event.title) || recap.id;
  const groups = topicsBySection(recap);
  const count = formatCount(recap.topics.length, 'topic');
  const sections = formatCount(groups.length, 'section');
  const links = recapLinks(recap);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`🌱 ${title}`, MAX_HEADER_TEXT) },
    mrkdwnSection(
      [`*${escapeMrkdwn(formatDate(event.date))}* · ${count} in ${sections}`, links.join('   ')]
        .filter(Boolean)
        .join('\n'),
    ),
    contextLine('🧵 The highlights of every section are in the thread.'),
  ];
  const read = event.recapUrl ? ` Read it: ${event.recapUrl}` : '';
  const lead = framing === 'new' ? 'New hackathon recap' : 'The latest hackathon recap';
  return message(`${lead}: ${escapeMrkdwn(title)} (${formatDate(event.date)}), ${count}.${read}`, blocks);
}

function topicLine(topic: Topic): string {
  const emoji = topic.emoji ? `${topic.emoji} ` : '';
  const title = escapeMrkdwn(truncate(oneLine(topic.title), TOPIC_TITLE_MAX) || 'Untitled topic');
  const video = videoLinkMrkdwn(topic);
  return `• ${emoji}*${title}*${video ? `  ${video}` : ''}`;
}

export function announcementThread(recap: Recap): ThreadReply[] {
  return topicsBySection(recap).map(({ section, topics }) => {
    const name = sectionName(section);
    const body = `*${escapeMrkdwn(name)}*\n${topics.map(topicLine).join('\n')}`;
    const blocks = splitMrkdwn(body, MAX_SECTION_TEXT).slice(0, VIEW_MAX_BLOCKS).map(mrkdwnSection);
    return {
      section: name,
      message: message(escapeMrkdwn(`${name}: ${topics.map((t) => oneLine(t.title)).join(', ')}`), blocks),
    };
  });
}

export function announceValue(target: AnnounceTarget): string {
  return JSON.stringify({ channel: target.channel, recap: target.recapId });
}

export function parseAnnounceValue(value: string): AnnounceTarget | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { channel, recap } = parsed as Record<string, unknown>;
    if (typeof channel !== 'string' || !CHANNEL_ID.test(channel)) return undefined;
    if (typeof recap !== 'string' || recap === '') return undefined;
    return { channel, recapId: recap };
  } catch {
    return undefined;
  }
}

/** What the announcer sees first: the parent as it will look, the thread in short, and Post / Cancel. */
export function announcementPreview(recap: Recap, channel: string): SlackMessage {
  const parent = announcementParent(recap);
  const thread = announcementThread(recap);
  const buttons: Button[] = [
    {
      type: 'button',
      text: plainText('Post', 75),
      style: 'primary',
      action_id: ACTION.announcePost,
      value: announceValue({ channel, recapId: recap.id }),
    },
    { type: 'button', text: plainText('Cancel', 75), action_id: ACTION.announceCancel, value: recap.id },
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
      text =
        `I can't post in ${where}: it is a private channel I'm not a member of (or it no longer exists). ` +
        `Invite me there with \`/invite @hackathon-bot\` and announce again. Nothing was posted.`;
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
