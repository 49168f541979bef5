/** The card of one topic: its summary, the presentation video, and its pull requests, issues and links. */
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import type { Hackathon, Link, Section, HackathonTopic as Topic } from '../content/model.js';
import { ACTION, indexedAction, LINK_ACTION_PREFIX } from './actions.js';
import { firstSentence, formatTimestamp, oneLine } from './format.js';
import { hackathonName, sourcesMrkdwn } from './hackathon.js';
import {
  blockTextLength,
  fitMessage,
  MAX_ACTION_ID,
  MAX_ACTIONS_ELEMENTS,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_URL,
  MAX_BUTTON_VALUE,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  MAX_TEXT_OBJECT,
  splitMrkdwn,
  truncate,
  VIEW_MAX_BLOCKS,
  VIEW_TEXT_BUDGET,
} from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink, plainText, sanitizeMrkdwn } from './mrkdwn.js';

/** Pull requests and issues of the main repository are named by number alone; others carry their repo. */
export const HOME_REPO = 'gardener/gardener';
/** More buttons than this turn a card into a wall; the rest go to the link list. */
const MAX_LINK_BUTTONS = 10;
/** The link list is a footnote: it may not crowd out the summary. */
const LINKS_TEXT_MAX = 2000;
const CONTEXT_PART_MAX = 300;
const FALLBACK_MAX = 500;

const SAFE_URL = /^https?:\/\/\S+$/;

/** `Watch the presentation (1:44)`; without a timestamp, just `Watch the presentation`. */
export function watchLabel(startSeconds: number): string {
  return startSeconds > 0
    ? `Watch the presentation (${formatTimestamp(startSeconds)})`
    : 'Watch the presentation';
}

/** `PR #12252`, `Issue #8810`, `gardener/dashboard #2470`, `microsoft/retina issue #1654`. */
export function githubLabel(link: Link): string {
  const number = link.number !== undefined ? `#${link.number}` : '';
  const issue = link.kind === 'issue';
  if (!link.repo || link.repo === HOME_REPO) {
    return number
      ? `${issue ? 'Issue' : 'PR'} ${number}`
      : oneLine(link.label) || (issue ? 'Issue' : 'Pull request');
  }
  return oneLine(`${link.repo} ${issue ? 'issue ' : ''}${number}`);
}

function linkButtons(topic: Topic): { buttons: Button[]; rest: Link[] } {
  const buttons: Button[] = [];
  const rest: Link[] = [];
  const ids = new Set<string>();
  if (topic.video && SAFE_URL.test(topic.video.url) && topic.video.url.length <= MAX_BUTTON_URL) {
    buttons.push({
      type: 'button',
      text: plainText(watchLabel(topic.video.startSeconds), MAX_BUTTON_TEXT),
      action_id: `${LINK_ACTION_PREFIX}video`,
      url: topic.video.url,
      style: 'primary',
    });
    ids.add(`${LINK_ACTION_PREFIX}video`);
  }
  for (const link of topic.links) {
    const github = link.kind === 'pull-request' || link.kind === 'issue';
    const kind = link.kind === 'issue' ? 'issue' : 'pr';
    const ref = link.repo && link.number !== undefined ? `${link.repo}#${link.number}` : link.url;
    const id = `${LINK_ACTION_PREFIX}${kind}:${ref}`;
    const usable = SAFE_URL.test(link.url) && link.url.length <= MAX_BUTTON_URL && id.length <= MAX_ACTION_ID;
    if (!github || !usable || ids.has(id) || buttons.length >= MAX_LINK_BUTTONS) {
      if (!ids.has(id)) rest.push(link);
      continue;
    }
    ids.add(id);
    buttons.push({
      type: 'button',
      text: plainText(githubLabel(link), MAX_BUTTON_TEXT),
      action_id: id,
      url: link.url,
    });
  }
  return { buttons, rest };
}

/** Repository links often read just `gardener` or `mwgp`: the owner tells forks apart. */
function listLabel(link: Link): string {
  if (link.kind === 'pull-request' || link.kind === 'issue') return githubLabel(link);
  if (link.kind === 'repository' && link.repo && !link.label.includes(link.repo)) return link.repo;
  return link.label;
}

function linkList(links: Link[], exclude: ReadonlySet<string>): string | undefined {
  const seen = new Set(exclude);
  const items: string[] = [];
  for (const link of links) {
    if (seen.has(link.url) || link.kind === 'video') continue;
    seen.add(link.url);
    const label = listLabel(link);
    items.push(
      SAFE_URL.test(link.url) ? mrkdwnLink(link.url, label || link.url) : escapeMrkdwn(oneLine(label)),
    );
  }
  if (items.length === 0) return undefined;
  return truncate(`*Links:* ${items.join('  ·  ')}`, LINKS_TEXT_MAX);
}

/** Section (where the recap has one) · the hackathon, linked to its blog post · the recaps it comes from. */
function contextLine(topic: Topic, hackathon: Hackathon, section: Section | undefined): KnownBlock {
  const parts: string[] = [];
  if (topic.fastTrack) parts.push('🏎️ *Fast track*');
  const sectionTitle = section ? truncate(oneLine(section.title), CONTEXT_PART_MAX) : '';
  if (section && sectionTitle) {
    parts.push(`${section.emoji ? `${section.emoji} ` : ''}${escapeMrkdwn(sectionTitle)}`);
  }
  const name = truncate(hackathonName(hackathon), CONTEXT_PART_MAX);
  const place = hackathon.placeShort
    ? ` · ${escapeMrkdwn(truncate(oneLine(hackathon.placeShort), CONTEXT_PART_MAX))}`
    : '';
  parts.push(`🗓️ ${escapeMrkdwn(name)}${place}`);
  const sources = sourcesMrkdwn(topic);
  if (sources) parts.push(`From the ${sources}`);
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncate(parts.join('  ·  '), MAX_TEXT_OBJECT) }],
  };
}

export interface TopicCardOptions {
  /** The intent text of the list the card was opened from: a Back button shows it again. */
  back?: string;
}

/** "Also at May 2026: Replace OpenVPN with WireGuard" buttons, and Back to the list. */
function navigationBlocks(topic: Topic, options: TopicCardOptions): ActionsBlock[] {
  const buttons: Button[] = topic.alsoAt
    .filter((ref) => ref.key.length <= MAX_BUTTON_VALUE)
    .map((ref, i) => ({
      type: 'button',
      text: plainText(`Also at ${ref.hackathonLabel}: ${oneLine(ref.title)}`, MAX_BUTTON_TEXT),
      action_id: indexedAction(ACTION.pickTopic, i),
      value: ref.key,
    }));
  if (options.back && options.back.length <= MAX_BUTTON_VALUE) {
    buttons.push({
      type: 'button',
      text: plainText('◀ Back to the list', MAX_BUTTON_TEXT),
      action_id: indexedAction(ACTION.page, 0),
      value: options.back,
    });
  }
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS_ELEMENTS) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + MAX_ACTIONS_ELEMENTS) });
  }
  return blocks;
}

function fallbackText(topic: Topic): string {
  // Slack parses `text` as mrkdwn as well: escaped, or a recap could ping a channel from a notification.
  const title = escapeMrkdwn(oneLine(topic.title)) || 'Untitled topic';
  const sentence = escapeMrkdwn(firstSentence(topic.summary.text));
  return truncate(sentence ? `${title} — ${sentence}` : title, FALLBACK_MAX);
}

/**
 * The card of `topic`: header, fast-track mark, its section, its hackathon and the recaps it comes from, the
 * summary (split into sections, shortened only when it would not fit a message), a button to the
 * presentation at its timestamp, buttons for pull requests and issues, the remaining links as a list, the
 * same work at other hackathons, and Back to the list it was opened from.
 */
export function topicView(
  topic: Topic,
  hackathon: Hackathon,
  section: Section | undefined,
  options: TopicCardOptions = {},
): SlackMessage {
  const emoji = topic.emoji ? `${topic.emoji} ` : '';
  const header: KnownBlock = {
    type: 'header',
    text: plainText(`${emoji}${oneLine(topic.title)}`, MAX_HEADER_TEXT, 'Untitled topic'),
  };
  const context = contextLine(topic, hackathon, section);

  const { buttons, rest } = linkButtons(topic);
  const actions: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS_ELEMENTS) {
    actions.push({ type: 'actions', elements: buttons.slice(i, i + MAX_ACTIONS_ELEMENTS) });
  }
  const buttoned = new Set(buttons.flatMap((b) => (b.url ? [b.url] : [])));
  const list = linkList(rest, buttoned);
  const tail: KnownBlock[] = [
    ...actions,
    ...(list ? [{ type: 'section', text: { type: 'mrkdwn', text: list } } satisfies KnownBlock] : []),
    ...navigationBlocks(topic, options),
  ];

  const fixed = [header, context, ...tail];
  const roomText = VIEW_TEXT_BUDGET - blockTextLength(fixed);
  const roomBlocks = VIEW_MAX_BLOCKS - fixed.length;
  const summary = truncate(
    sanitizeMrkdwn(topic.summary.mrkdwn.trim()),
    Math.max(0, Math.min(roomText, roomBlocks * MAX_SECTION_TEXT)),
  );
  const summaryBlocks: KnownBlock[] = splitMrkdwn(summary, MAX_SECTION_TEXT)
    .slice(0, roomBlocks)
    .map((chunk) => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));

  return fitMessage(
    { text: fallbackText(topic), blocks: [header, context, ...summaryBlocks, ...tail] },
    VIEW_MAX_BLOCKS,
  );
}
