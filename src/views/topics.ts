/** The topics of one hackathon, grouped by section, one block per topic, paged when a message can't hold them. */
import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Hackathon, Section, HackathonTopic as Topic } from '../content/model.js';
import { timingOf } from '../content/timing.js';
import { formatCount } from '../words.js';
import { ACTION, indexedAction } from './actions.js';
import { formatRange, formatTimestamp, oneLine } from './format.js';
import { hackathonCommandWords, hackathonName, hackathonWhen, sourceKindLabel } from './hackathon.js';
import {
  blockTextLength,
  contextLine,
  fitMessage,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  truncate,
  VIEW_MAX_BLOCKS,
  VIEW_TEXT_BUDGET,
} from './limits.js';
import { linkButton } from './link-button.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink, plainText } from './mrkdwn.js';

export interface TopicsOptions {
  /** Only this section's topics. */
  section?: Section;
  /** 1-based; a page past the end shows the last page and says so. */
  page?: number;
  /**
   * The intent text that renders a given page of this list: without it there are no Next/Previous buttons,
   * and Details opens a card without a Back button.
   */
  pageValue?: (page: number) => string;
  /** Other hackathons to point to in a closing line. */
  otherHackathons?: readonly Hackathon[];
  /** The slash command, for the hint that names other hackathons. */
  command?: string;
  /** `YYYY-MM-DD`: a hackathon without topics then says whether it is still to come or on now. */
  today?: string;
}

/** A topic title in a list is a line, not an essay: long ones are cut so a page holds a fair number. */
const LIST_TITLE_MAX = 200;
const SECTION_TITLE_MAX = 200;
const OTHER_HACKATHONS_MAX = 8;

interface Group {
  section: Section | undefined;
  topics: Topic[];
}

/**
 * The topics in list order, grouped by their section; topics without one come last ("Other topics"), or
 * form the one group without a heading when the hackathon has no sections at all.
 */
function groupTopics(hackathon: Hackathon, only: Section | undefined): Group[] {
  const byId = new Map(hackathon.topics.map((t) => [t.id, t]));
  const placed = new Set<string>();
  const groups: Group[] = [];
  const sections = only ? [only] : hackathon.sections;
  for (const section of sections) {
    const topics: Topic[] = [];
    for (const id of section.topicIds) {
      const topic = byId.get(id);
      if (topic && !placed.has(topic.id)) {
        topics.push(topic);
        placed.add(topic.id);
      }
    }
    for (const topic of hackathon.topics) {
      if (topic.sectionId === section.id && !placed.has(topic.id)) {
        topics.push(topic);
        placed.add(topic.id);
      }
    }
    if (topics.length > 0) groups.push({ section, topics });
  }
  if (!only) {
    const rest = hackathon.topics.filter((t) => !placed.has(t.id));
    if (rest.length > 0) groups.push({ section: undefined, topics: rest });
  }
  return groups;
}

function sectionHeading(section: Section | undefined, continued: boolean): SectionBlock {
  const title = section ? oneLine(section.title) : 'Other topics';
  const emoji = section?.emoji ? `${section.emoji} ` : '';
  const more = continued ? ' _(continued)_' : '';
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${emoji}${escapeMrkdwn(truncate(title || 'Untitled section', SECTION_TITLE_MAX))}*${more}`,
    },
  };
}

/** `▶ <https://youtu.be/…?t=104s|1:44>`: the position tells how far into the recording the talk starts. */
export function videoLinkMrkdwn(topic: Pick<Topic, 'video'>): string | undefined {
  if (!topic.video) return undefined;
  const label = topic.video.startSeconds > 0 ? formatTimestamp(topic.video.startSeconds) : 'video';
  return `▶ ${mrkdwnLink(topic.video.url, label)}`;
}

/** `parseIntent` reads this much of a text: a longer value would come back as a different list. */
const MAX_INTENT_TEXT = 500;

/**
 * The value of a Details button: the topic's key, and the list it was opened from, so its card can offer
 * Back (`2025-06/wireguard from topics 2025-06 page 2`); just the key when that would not fit a button.
 */
export function detailsValue(topic: Topic, listValue: string | undefined): string {
  const value = listValue ? `${topic.key} from ${listValue}` : topic.key;
  return value.length <= MAX_INTENT_TEXT ? value : topic.key;
}

/** `index` is the topic's place in the whole list, so Details ids stay unique and stable across pages. */
function topicBlock(topic: Topic, index: number, listValue: string | undefined): SectionBlock {
  const emoji = topic.emoji ? `${topic.emoji} ` : '';
  const title = truncate(oneLine(topic.title), LIST_TITLE_MAX) || 'Untitled topic';
  const lines = [`${emoji}*${escapeMrkdwn(title)}*${topic.fastTrack ? '  🏎️ _fast track_' : ''}`];
  const video = videoLinkMrkdwn(topic);
  if (video) lines.push(video);
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } };
  // A key too long for a button value can't be picked anyway; the topic is still listed.
  if (topic.key && topic.key.length <= MAX_BUTTON_VALUE) {
    const details: Button = {
      type: 'button',
      text: plainText('Details', MAX_BUTTON_TEXT),
      action_id: indexedAction(ACTION.pickTopic, index),
      value: detailsValue(topic, listValue),
    };
    block.accessory = details;
  }
  return block;
}

/** The hackathon's pages, from whichever recap names them: blog post, wrap-up page, recording and the rest. */
export function hackathonLinksMrkdwn(hackathon: Hackathon): string[] {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const recap of hackathon.recaps) {
    const url = recap.event.recapUrl;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const label = sourceKindLabel(recap.kind);
    parts.push(mrkdwnLink(url, label.charAt(0).toUpperCase() + label.slice(1)));
  }
  const { links } = hackathon;
  if (links.recordingUrl) parts.push(mrkdwnLink(links.recordingUrl, 'Recording'));
  if (links.summaryUrl) parts.push(mrkdwnLink(links.summaryUrl, 'Full summary'));
  if (links.planningUrl) parts.push(mrkdwnLink(links.planningUrl, 'Topic planning'));
  if (links.reviewUrl) parts.push(mrkdwnLink(links.reviewUrl, 'Review meeting'));
  return parts;
}

function summaryContext(hackathon: Hackathon, section: Section | undefined, shown: number): KnownBlock {
  const parts = [escapeMrkdwn(hackathonWhen(hackathon))];
  if (hackathon.place) {
    const place = truncate(oneLine(hackathon.place), SECTION_TITLE_MAX);
    parts.push(hackathon.placeUrl ? mrkdwnLink(hackathon.placeUrl, place) : escapeMrkdwn(place));
  }
  if (hackathon.organizer) {
    const organizer = truncate(oneLine(hackathon.organizer), SECTION_TITLE_MAX);
    parts.push(
      hackathon.organizerUrl ? mrkdwnLink(hackathon.organizerUrl, organizer) : escapeMrkdwn(organizer),
    );
  }
  if (section) {
    const emoji = section.emoji ? `${section.emoji} ` : '';
    parts.push(`${emoji}${escapeMrkdwn(truncate(oneLine(section.title), SECTION_TITLE_MAX))}`);
    parts.push(`${shown} of ${formatCount(hackathon.topics.length, 'topic')}`);
  } else if (hackathon.topics.length > 0) {
    parts.push(formatCount(shown, 'topic'));
  }
  parts.push(...hackathonLinksMrkdwn(hackathon));
  // A hackathon that states nothing about itself still gets a line: Slack refuses an empty text.
  const text = parts.filter((part) => part.trim()).join('  ·  ');
  return contextLine(text || formatCount(hackathon.topics.length, 'topic'));
}

function otherHackathonsContext(others: readonly Hackathon[], command: string): KnownBlock | undefined {
  const hints = others
    .map(hackathonCommandWords)
    .filter((words, i, all) => words && all.indexOf(words) === i)
    .slice(0, OTHER_HACKATHONS_MAX)
    .map((words) => `\`${escapeMrkdwn(oneLine(`${command} topics ${words}`))}\``);
  if (hints.length === 0) return undefined;
  return contextLine(`Also: ${hints.join('  ·  ')}`);
}

interface Page {
  /** Index in the flat topic list of the first and one past the last topic. */
  from: number;
  to: number;
  blocks: KnownBlock[];
}

/** Blocks each page keeps free for paging: the "Showing …" context and the Previous/Next actions block. */
const PAGING_BLOCKS = 2;
const PAGING_TEXT = 200;

/**
 * Cuts the grouped topics into pages greedily, in order, so page N is always the same slice. A page
 * repeats the heading of a section it continues; a hackathon without sections has no headings.
 */
function paginate(
  groups: Group[],
  roomBlocks: number,
  roomText: number,
  listValue: (page: number) => string | undefined,
): Page[] {
  const headings = groups.some((g) => g.section !== undefined);
  const pages: Page[] = [];
  let current: Page | undefined;
  let used = 0;
  let index = 0;
  for (const group of groups) {
    for (const [inGroup, topic] of group.topics.entries()) {
      const block = (page: number) => topicBlock(topic, index, listValue(page));
      let add: KnownBlock[] = [block(pages.length + 1)];
      if (current && inGroup === 0 && headings) {
        add = [{ type: 'divider' }, sectionHeading(group.section, false), ...add];
      }
      const fits =
        current &&
        current.blocks.length + add.length <= roomBlocks &&
        used + blockTextLength(add) <= roomText;
      if (!current || !fits) {
        if (current) pages.push(current);
        current = { from: index, to: index, blocks: [] };
        const first = block(pages.length + 1);
        add = headings ? [sectionHeading(group.section, inGroup > 0), first] : [first];
        used = 0;
      }
      current.blocks.push(...add);
      used += blockTextLength(add);
      index += 1;
      current.to = index;
    }
  }
  if (current) pages.push(current);
  return pages;
}

function fallbackText(hackathon: Hackathon, section: Section | undefined, topics: Topic[]): string {
  // Slack parses `text` as mrkdwn as well, so everything from the recaps is escaped.
  const where = section ? `${escapeMrkdwn(oneLine(section.title))} — ` : '';
  const titles = topics.map((t) => escapeMrkdwn(oneLine(t.title))).join(', ');
  const head = `${escapeMrkdwn(hackathonName(hackathon))}: ${where}${formatCount(topics.length, 'topic')}`;
  return truncate(titles ? `${head}: ${titles}` : head, Math.min(MAX_FALLBACK_TEXT, 1000));
}

/** Why a hackathon has no topics to list: it is still to come, on now, or not written up yet. */
function unwrittenSentence(hackathon: Hackathon, today: string | undefined): string {
  const timing = today ? timingOf(hackathon, today) : 'over';
  const when = escapeMrkdwn(hackathonWhen(hackathon));
  if (timing === 'upcoming') return `It is coming up, ${when}: its topics are written up after it.`;
  if (timing === 'on') return `It is on now, ${when}: its topics are written up after it.`;
  return hackathon.start
    ? `It took place ${when}; its write-up is still to come.`
    : 'Its write-up is still to come.';
}

/**
 * A hackathon whose page is published before its topics are written: what is known of it, said plainly,
 * and its topic planning page as a button, never an empty list.
 */
function unwrittenBlocks(hackathon: Hackathon, today: string | undefined): KnownBlock[] {
  const planning = hackathon.links.planningUrl;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*No topics are written up yet.* ${unwrittenSentence(hackathon, today)}${planning ? ' What the teams plan to work on is on the topic planning page.' : ''}`,
      },
    },
  ];
  const button = planning ? linkButton('Topic planning', planning, 'planning') : undefined;
  if (button) blocks.push({ type: 'actions', elements: [button] });
  return blocks;
}

function unwrittenText(hackathon: Hackathon, today: string | undefined): string {
  const url = hackathon.links.planningUrl;
  const planning = url ? ` ${mrkdwnLink(url, 'Topic planning')}` : '';
  const text = `${escapeMrkdwn(hackathonName(hackathon))}: no topics are written up yet. ${unwrittenSentence(hackathon, today)}${planning}`;
  return truncate(text, Math.min(MAX_FALLBACK_TEXT, 1000));
}

/** "Page 9 doesn't exist: this list has 2 pages. Here is the last one." */
export function missingPageNote(asked: number, pages: number): KnownBlock {
  return contextLine(
    `There is no page ${asked}: this list has ${formatCount(pages, 'page')}. Here is page ${pages}, the last one.`,
  );
}

/**
 * Previous / Next buttons (`topics_page` for Next, `topics_page:0` for Previous: ids must be unique), with
 * the range each one opens. None when there is no other page or no intent to render it.
 */
export function pagingActions(
  page: number,
  pages: readonly { from: number; to: number }[],
  total: number,
  pageValue: ((page: number) => string) | undefined,
  noun = 'topics',
): ActionsBlock | undefined {
  if (!pageValue) return undefined;
  const elements: Button[] = [];
  const previous = pages[page - 2];
  const next = pages[page];
  const button = (label: string, value: string, actionId: string): Button | undefined =>
    value.length <= MAX_BUTTON_VALUE
      ? { type: 'button', text: plainText(label, MAX_BUTTON_TEXT), action_id: actionId, value }
      : undefined;
  if (previous) {
    const b = button(
      `◀ Previous (${noun} ${formatRange(previous.from + 1, previous.to)})`,
      pageValue(page - 1),
      indexedAction(ACTION.page, 0),
    );
    if (b) elements.push(b);
  }
  if (next) {
    const b = button(
      `Next: ${noun} ${formatRange(next.from + 1, next.to)} of ${total} ▶`,
      pageValue(page + 1),
      ACTION.page,
    );
    if (b) elements.push(b);
  }
  return elements.length > 0 ? { type: 'actions', elements } : undefined;
}

/**
 * The topics of `hackathon` (or of one section) as a list with a Details button per topic. When they don't
 * fit in one message the view shows page `page` with Previous/Next buttons; nothing is cut silently, and
 * a page past the end says so.
 */
export function topicsView(hackathon: Hackathon, options: TopicsOptions = {}): SlackMessage {
  const { section, pageValue, otherHackathons = [], command = '/hackathon' } = options;
  const groups = groupTopics(hackathon, section);
  const topics = groups.flatMap((g) => g.topics);
  const title = hackathon.placeShort
    ? `${hackathonName(hackathon)} · ${hackathon.placeShort}`
    : hackathonName(hackathon);

  const head: KnownBlock[] = [
    { type: 'header', text: plainText(title, MAX_HEADER_TEXT, 'Hackathon') },
    summaryContext(hackathon, section, topics.length),
  ];
  const others = otherHackathonsContext(
    otherHackathons.filter((h) => h.id !== hackathon.id),
    command,
  );
  const tail: KnownBlock[] = others ? [others] : [];
  const fixedBlocks = head.length + tail.length;
  const fixedText = blockTextLength([...head, ...tail]);
  const listValue = (page: number) => pageValue?.(page);

  let pages = paginate(groups, VIEW_MAX_BLOCKS - fixedBlocks, VIEW_TEXT_BUDGET - fixedText, listValue);
  if (pages.length > 1) {
    pages = paginate(
      groups,
      VIEW_MAX_BLOCKS - fixedBlocks - PAGING_BLOCKS - 1,
      VIEW_TEXT_BUDGET - fixedText - PAGING_TEXT,
      listValue,
    );
  }

  if (pages.length === 0 && !section && hackathon.topics.length === 0) {
    const blocks = [...head, ...unwrittenBlocks(hackathon, options.today), ...tail];
    return fitMessage({ text: unwrittenText(hackathon, options.today), blocks });
  }
  if (pages.length === 0) {
    const empty = contextLine(section ? 'This section has no topics.' : 'This hackathon has no topics.');
    return fitMessage({ text: fallbackText(hackathon, section, topics), blocks: [...head, empty, ...tail] });
  }

  const asked = Math.max(1, Math.floor(options.page ?? 1) || 1);
  const pageNumber = Math.min(asked, pages.length);
  const page = pages[pageNumber - 1]!;
  const blocks: KnownBlock[] = [...head];
  if (asked > pages.length) blocks.push(missingPageNote(asked, pages.length));
  blocks.push(...page.blocks);
  if (pages.length > 1) {
    blocks.push(contextLine(`Showing topics ${formatRange(page.from + 1, page.to)} of ${topics.length}`));
    const actions = pagingActions(pageNumber, pages, topics.length, pageValue);
    if (actions) blocks.push(actions);
  }
  blocks.push(...tail);
  return fitMessage({ text: fallbackText(hackathon, section, topics), blocks }, VIEW_MAX_BLOCKS);
}
