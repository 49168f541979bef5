/** The topics of one recap, grouped by section, one block per topic, paged when a message can't hold them. */
import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import type { Recap, Section, Topic } from '../content/model.js';
import { ACTION, indexedAction } from './actions.js';
import {
  formatCount,
  formatDate,
  formatRange,
  formatTimestamp,
  oneLine,
  recapCommandWords,
} from './format.js';
import {
  blockTextLength,
  fitMessage,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_FALLBACK_TEXT,
  MAX_HEADER_TEXT,
  MAX_TEXT_OBJECT,
  truncate,
  VIEW_MAX_BLOCKS,
  VIEW_TEXT_BUDGET,
} from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink, plainText } from './mrkdwn.js';

export interface TopicsOptions {
  /** Only this section's topics. */
  section?: Section;
  /** 1-based; clamped to the pages there are. */
  page?: number;
  /** The intent text that renders a given page; without it there is no "More topics" button. */
  pageValue?: (page: number) => string;
  /** Other recaps to point to in a closing line. */
  otherRecaps?: Recap[];
  /** The slash command, for the hint that names other recaps. */
  command?: string;
}

/** A topic title in a list is a line, not an essay: long ones are cut so a page holds a fair number. */
const LIST_TITLE_MAX = 200;
const SECTION_TITLE_MAX = 200;
const OTHER_RECAPS_MAX = 8;

interface Group {
  section: Section | undefined;
  topics: Topic[];
}

/** The topics in recap order, grouped by their section; topics whose section is unknown come last. */
function groupTopics(recap: Recap, only: Section | undefined): Group[] {
  const byId = new Map(recap.topics.map((t) => [t.id, t]));
  const placed = new Set<string>();
  const groups: Group[] = [];
  const sections = only ? [only] : recap.sections;
  for (const section of sections) {
    const topics: Topic[] = [];
    for (const id of section.topicIds) {
      const topic = byId.get(id);
      if (topic && !placed.has(topic.id)) {
        topics.push(topic);
        placed.add(topic.id);
      }
    }
    // A section whose topicIds are stale still finds its topics through `sectionId`.
    for (const topic of recap.topics) {
      if (topic.sectionId === section.id && !placed.has(topic.id)) {
        topics.push(topic);
        placed.add(topic.id);
      }
    }
    if (topics.length > 0) groups.push({ section, topics });
  }
  if (!only) {
    const rest = recap.topics.filter((t) => !placed.has(t.id));
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
export function videoLinkMrkdwn(topic: Topic): string | undefined {
  if (!topic.video) return undefined;
  const label = topic.video.startSeconds > 0 ? formatTimestamp(topic.video.startSeconds) : 'video';
  return `▶ ${mrkdwnLink(topic.video.url, label)}`;
}

/** `index` is the topic's place in the whole list, so Details ids stay unique and stable across pages. */
function topicBlock(topic: Topic, index: number): SectionBlock {
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
      value: topic.key,
    };
    block.accessory = details;
  }
  return block;
}

function context(text: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, MAX_TEXT_OBJECT) }] };
}

function summaryContext(recap: Recap, section: Section | undefined, shown: number): KnownBlock {
  const { event } = recap;
  const parts = [escapeMrkdwn(formatDate(event.date))];
  if (section) {
    const emoji = section.emoji ? `${section.emoji} ` : '';
    parts.push(`${emoji}${escapeMrkdwn(truncate(oneLine(section.title), SECTION_TITLE_MAX))}`);
    parts.push(`${shown} of ${formatCount(recap.topics.length, 'topic')}`);
  } else {
    parts.push(formatCount(shown, 'topic'));
  }
  if (event.recapUrl) parts.push(mrkdwnLink(event.recapUrl, 'Recap'));
  if (event.recordingUrl) parts.push(mrkdwnLink(event.recordingUrl, 'Recording'));
  if (event.summaryUrl) parts.push(mrkdwnLink(event.summaryUrl, 'Full summary'));
  return context(parts.join('  ·  '));
}

function otherRecapsContext(others: Recap[], command: string): KnownBlock | undefined {
  const hints = others
    .map((r) => recapCommandWords(r.event.date) ?? r.id)
    .filter((words, i, all) => words && all.indexOf(words) === i)
    .slice(0, OTHER_RECAPS_MAX)
    .map((words) => `\`${escapeMrkdwn(oneLine(`${command} topics ${words}`))}\``);
  if (hints.length === 0) return undefined;
  return context(`Also: ${hints.join('  ·  ')}`);
}

interface Page {
  /** Index in the flat topic list of the first and one past the last topic. */
  from: number;
  to: number;
  blocks: KnownBlock[];
}

/** Blocks each page keeps free for paging: the "Showing …" context and the "More topics" actions block. */
const PAGING_BLOCKS = 2;
const PAGING_TEXT = 120;

/**
 * Cuts the grouped topics into pages greedily, in order, so page N is always the same slice. A page
 * repeats the heading of a section it continues.
 */
function paginate(groups: Group[], roomBlocks: number, roomText: number): Page[] {
  const pages: Page[] = [];
  let current: Page | undefined;
  let used = 0;
  let index = 0;
  for (const group of groups) {
    for (const [inGroup, topic] of group.topics.entries()) {
      const block = topicBlock(topic, index);
      let add: KnownBlock[] = [block];
      // A recap without headings lists its topics without a heading of its own.
      const heading = (continued: boolean) =>
        group.section || groups.length > 1 ? [sectionHeading(group.section, continued)] : [];
      if (current && inGroup === 0) add = [{ type: 'divider' }, ...heading(false), block];
      const fits =
        current &&
        current.blocks.length + add.length <= roomBlocks &&
        used + blockTextLength(add) <= roomText;
      if (!current || !fits) {
        if (current) pages.push(current);
        current = { from: index, to: index, blocks: [] };
        add = [...heading(inGroup > 0), block];
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

function fallbackText(recap: Recap, section: Section | undefined, topics: Topic[]): string {
  // Slack parses `text` as mrkdwn as well, so everything from the recap is escaped.
  const where = section ? `${escapeMrkdwn(oneLine(section.title))} — ` : '';
  const titles = topics.map((t) => escapeMrkdwn(oneLine(t.title))).join(', ');
  const head = `${escapeMrkdwn(oneLine(recap.event.title) || recap.id)}: ${where}${formatCount(topics.length, 'topic')}`;
  return truncate(titles ? `${head}: ${titles}` : head, Math.min(MAX_FALLBACK_TEXT, 1000));
}

/**
 * The topics of `recap` (or of one section) as a list with a Details button per topic. When they don't
 * fit in one message the view shows page `page` and a "More topics" button; nothing is cut silently.
 */
export function topicsView(recap: Recap, options: TopicsOptions = {}): SlackMessage {
  const { section, pageValue, otherRecaps = [], command = '/hackathon' } = options;
  const groups = groupTopics(recap, section);
  const topics = groups.flatMap((g) => g.topics);

  const head: KnownBlock[] = [
    { type: 'header', text: plainText(recap.event.title, MAX_HEADER_TEXT, 'Hackathon recap') },
    summaryContext(recap, section, topics.length),
  ];
  const others = otherRecapsContext(
    otherRecaps.filter((r) => r.id !== recap.id),
    command,
  );
  const tail: KnownBlock[] = others ? [others] : [];
  const fixedBlocks = head.length + tail.length;
  const fixedText = blockTextLength([...head, ...tail]);

  let pages = paginate(groups, VIEW_MAX_BLOCKS - fixedBlocks, VIEW_TEXT_BUDGET - fixedText);
  if (pages.length > 1) {
    pages = paginate(
      groups,
      VIEW_MAX_BLOCKS - fixedBlocks - PAGING_BLOCKS,
      VIEW_TEXT_BUDGET - fixedText - PAGING_TEXT,
    );
  }

  if (pages.length === 0) {
    const empty = context(section ? 'This section has no topics.' : 'This recap has no topics.');
    return fitMessage({ text: fallbackText(recap, section, topics), blocks: [...head, empty, ...tail] });
  }

  const pageNumber = Math.min(Math.max(1, Math.floor(options.page ?? 1) || 1), pages.length);
  const page = pages[pageNumber - 1]!;
  const blocks: KnownBlock[] = [...head, ...page.blocks];
  if (pages.length > 1) {
    blocks.push(context(`Showing topics ${formatRange(page.from + 1, page.to)} of ${topics.length}`));
    const next = pages[pageNumber];
    const value = next && pageValue ? pageValue(pageNumber + 1) : undefined;
    if (next && value && value.length <= MAX_BUTTON_VALUE) {
      blocks.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: plainText(
              `More topics (${formatRange(next.from + 1, next.to)} of ${topics.length})`,
              MAX_BUTTON_TEXT,
            ),
            action_id: ACTION.page,
            value,
          },
        ],
      });
    }
  }
  blocks.push(...tail);
  return fitMessage({ text: fallbackText(recap, section, topics), blocks }, VIEW_MAX_BLOCKS);
}
