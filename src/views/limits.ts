/**
 * Slack's Block Kit limits, and the tools that keep views inside them: clean truncation, splitting long
 * mrkdwn into sections, measuring block text, and a last-resort guard. Whether a view keeps them is checked
 * where Slack checks it: by the Slack stand-in (src/standin/block-kit.ts), which the tests post to.
 * Slack counts characters; JavaScript's `length` counts UTF-16 units, which is never fewer, so every
 * check here is on the safe side.
 */
import type { ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { formatCount } from '../words.js';
import type { SlackMessage } from './message.js';

export const MAX_BLOCKS_MESSAGE = 50;
export const MAX_BLOCKS_HOME = 100;
export const MAX_SECTION_TEXT = 3000;
/** Any text object outside a section (context elements): Slack's general text object limit. */
export const MAX_TEXT_OBJECT = 3000;
export const MAX_HEADER_TEXT = 150;
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
export const MAX_BUTTON_URL = 3000;
export const MAX_ACTION_ID = 255;
export const MAX_BLOCK_ID = 255;
export const MAX_SECTION_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
export const MAX_ACTIONS_ELEMENTS = 25;
export const MAX_CONTEXT_ELEMENTS = 10;
export const MAX_IMAGE_ALT_TEXT = 2000;
/**
 * Slack answers `msg_blocks_too_long` somewhere near 12,000 characters of block text; this keeps a margin.
 * Counted over every text object (section, fields, header, context, button labels).
 */
export const BLOCK_TEXT_BUDGET = 11_000;
/**
 * Slack accepts 40,000 characters of `text`, but a fallback that long is useless in a notification;
 * our own, stricter limit.
 */
export const MAX_FALLBACK_TEXT = 4000;

/**
 * What a view may use, so the caller can still append a Share actions block, its context and a
 * "shortened" note without crossing Slack's limits.
 */
export const VIEW_MAX_BLOCKS = 45;
export const VIEW_TEXT_BUDGET = 10_000;

const ELLIPSIS = '…';

// ---------------------------------------------------------------------------------------------------------
// Atoms: the pieces that must never be cut apart.

/** A Slack link or mention (`<url|label>`, `<@U1>`) or an HTML entity (`&amp;`, `&#39;`). */
const UNSPLITTABLE = /<[^<>\n]+>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Where the text may be cut: the end of every link, entity and grapheme cluster (emoji, flags, ZWJ). */
function cutPoints(text: string): number[] {
  const points: number[] = [];
  const addGraphemes = (from: number, to: number): void => {
    for (const { index, segment } of graphemes.segment(text.slice(from, to))) {
      points.push(from + index + segment.length);
    }
  };
  let last = 0;
  for (const match of text.matchAll(UNSPLITTABLE)) {
    addGraphemes(last, match.index);
    last = match.index + match[0].length;
    points.push(last);
  }
  addGraphemes(last, text.length);
  return points;
}

/** The visible words of a link (`<url|label>` → `label`, `<url>` → `url`): what survives when it can't fit. */
function linkLabel(link: string): string {
  const inner = link.slice(1, -1);
  const bar = inner.indexOf('|');
  return bar >= 0 ? inner.slice(bar + 1) : inner;
}

/** Links longer than `limit` can never be kept whole, so they give way to their label. */
function degradeLongLinks(text: string, limit: number): string {
  return text.replace(/<[^<>\n]+>/g, (link) => (link.length > limit ? linkLabel(link) : link));
}

/** The last cut point ≤ `limit`, preferring one before a boundary `preferred` accepts if not too far back. */
function bestCut(text: string, points: number[], limit: number, preferred: RegExp[]): number {
  let hard = 0;
  for (const p of points) {
    if (p > limit) break;
    hard = p;
  }
  for (const boundary of preferred) {
    let found = 0;
    for (const p of points) {
      if (p > limit) break;
      if (boundary.test(text.slice(p, p + 2))) found = p;
    }
    // Cutting at a boundary that far back wastes more than it gains in readability.
    if (found > 0 && found >= limit * 0.5) return found;
  }
  return hard;
}

/**
 * `text` shortened to at most `max` characters: cut at a word boundary where one is near, marked with `…`,
 * and never inside an emoji, a `<url|label>` link or an `&amp;` entity.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  const budget = max - ELLIPSIS.length;
  const source = degradeLongLinks(text, Math.max(1, Math.floor(budget / 2)));
  if (source.length <= max) return source;
  // Links are now at most budget/2 long, so one starting before the cut ends inside this window.
  const window = source.slice(0, budget + Math.ceil(budget / 2) + 16);
  const cut = bestCut(window, cutPoints(window), budget, [/^\s/]);
  return `${source.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Long mrkdwn as several chunks of at most `max` characters, split at paragraphs, then lines, then
 * words, and never inside a link, entity or emoji. Nothing is dropped except the whitespace at a split.
 */
export function splitMrkdwn(text: string, max: number): string[] {
  if (max < 1) return [];
  let rest = degradeLongLinks(text.trim(), max);
  const chunks: string[] = [];
  while (rest.length > max) {
    // Links are at most `max` long, so one starting before the cut ends inside this window.
    const window = rest.slice(0, 2 * max + 16);
    let cut = bestCut(window, cutPoints(window), max, [/^\n\n/, /^\n/, /^\s/]);
    // A single grapheme longer than `max` (stacked combining marks) has to be split: at a code point.
    if (cut === 0) cut = max > 1 && /[\uD800-\uDBFF]/.test(rest.charAt(max - 1)) ? max - 1 : max;
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

// ---------------------------------------------------------------------------------------------------------
// Measuring. (Slack's own rules are checked by the Slack stand-in, src/standin/block-kit.ts.)

function isLoose(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function textOf(value: unknown): string | undefined {
  return isLoose(value) && typeof value.text === 'string' ? value.text : undefined;
}

/** Every character of block text Slack will count toward `msg_blocks_too_long`. */
export function blockTextLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  const add = (value: unknown): void => {
    total += textOf(value)?.length ?? 0;
  };
  for (const block of blocks as readonly unknown[]) {
    if (!isLoose(block)) continue;
    add(block.text);
    if (Array.isArray(block.fields)) for (const field of block.fields) add(field);
    if (isLoose(block.accessory)) add(block.accessory.text);
    if (Array.isArray(block.elements)) {
      for (const element of block.elements) {
        add(element);
        if (isLoose(element)) add(element.text);
      }
    }
  }
  return total;
}

/**
 * The last guard before posting: keeps the leading blocks that fit within `maxBlocks` and the text budget,
 * and says so in a closing context line when something had to go, so nothing disappears silently.
 */
export function fitMessage(message: SlackMessage, maxBlocks: number = MAX_BLOCKS_MESSAGE): SlackMessage {
  const text = truncate(message.text.trim() === '' ? 'Hackathon bot' : message.text, MAX_FALLBACK_TEXT);
  const fits = message.blocks.length <= maxBlocks && blockTextLength(message.blocks) <= BLOCK_TEXT_BUDGET;
  if (fits) return { text, blocks: message.blocks };

  const note = (dropped: number): KnownBlock => ({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `✂️ Shortened: ${formatCount(dropped, 'more block')} did not fit in one message.`,
      },
    ],
  });
  const room = BLOCK_TEXT_BUDGET - blockTextLength([note(message.blocks.length)]);
  const kept: KnownBlock[] = [];
  let used = 0;
  for (const block of message.blocks) {
    const length = blockTextLength([block]);
    if (kept.length >= maxBlocks - 1 || used + length > room) break;
    kept.push(block);
    used += length;
  }
  return { text, blocks: [...kept, note(message.blocks.length - kept.length)] };
}

/** A mrkdwn section, its text cut to what Slack takes. */
export function mrkdwnSection(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, MAX_SECTION_TEXT) } };
}

/** A one-line mrkdwn context, its text cut to what Slack takes. */
export function contextLine(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, MAX_TEXT_OBJECT) }] };
}
