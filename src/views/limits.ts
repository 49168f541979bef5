/**
 * Slack's Block Kit limits, and the tools that keep views inside them: clean truncation, splitting long
 * mrkdwn into sections, a checker that lists every violation, and a last-resort guard.
 * Slack counts characters; JavaScript's `length` counts UTF-16 units, which is never fewer, so every
 * check here is on the safe side.
 */
import type { KnownBlock } from '@slack/types';
import type { HomeView, SlackMessage } from './message.js';

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
// Checking.

/** A loose view of a block or element: the checker must look at any shape Slack might receive. */
interface Loose {
  [key: string]: unknown;
}

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

function textOf(value: unknown): string | undefined {
  return isLoose(value) && typeof value.text === 'string' ? value.text : undefined;
}

function isHome(view: SlackMessage | HomeView): view is HomeView {
  return 'type' in view && view.type === 'home';
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

class Checker {
  readonly problems: string[] = [];
  private readonly actionIds = new Map<string, string>();
  private readonly blockIds = new Map<string, string>();

  report(where: string, message: string): void {
    this.problems.push(`${where}: ${message}`);
  }

  text(where: string, value: unknown, max: number, type?: 'plain_text' | 'mrkdwn'): void {
    if (!isLoose(value)) {
      this.report(where, 'missing text object');
      return;
    }
    if (value.type !== 'plain_text' && value.type !== 'mrkdwn') {
      this.report(where, `text object of unknown type ${String(value.type)}`);
      return;
    }
    if (type && value.type !== type) this.report(where, `must be ${type}, is ${value.type}`);
    const text = textOf(value);
    if (text === undefined || text.trim() === '') {
      this.report(where, 'empty text');
      return;
    }
    if (text.length > max) this.report(where, `text of ${text.length} characters exceeds ${max}`);
  }

  blockId(where: string, id: unknown): void {
    if (id === undefined) return;
    if (typeof id !== 'string' || id === '') {
      this.report(where, 'block_id must be a non-empty string');
      return;
    }
    if (id.length > MAX_BLOCK_ID) this.report(where, `block_id longer than ${MAX_BLOCK_ID}`);
    const first = this.blockIds.get(id);
    if (first) this.report(where, `duplicate block_id "${id}" (also ${first})`);
    else this.blockIds.set(id, where);
  }

  element(where: string, element: unknown): void {
    if (!isLoose(element)) {
      this.report(where, 'element is not an object');
      return;
    }
    const id = element.action_id;
    if (id !== undefined) {
      if (typeof id !== 'string' || id === '') this.report(where, 'action_id must be a non-empty string');
      else {
        if (id.length > MAX_ACTION_ID) this.report(where, `action_id longer than ${MAX_ACTION_ID}`);
        const first = this.actionIds.get(id);
        if (first) this.report(where, `duplicate action_id "${id}" (also ${first})`);
        else this.actionIds.set(id, where);
      }
    }
    if (element.type !== 'button') return;
    this.text(`${where} text`, element.text, MAX_BUTTON_TEXT, 'plain_text');
    const { value, url } = element;
    if (value !== undefined) {
      if (typeof value !== 'string') this.report(where, 'button value must be a string');
      else if (value.length > MAX_BUTTON_VALUE)
        this.report(where, `button value longer than ${MAX_BUTTON_VALUE}`);
    }
    if (url !== undefined) {
      if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) {
        this.report(where, `button url is not an http(s) URL: ${String(url).slice(0, 80)}`);
      } else if (url.length > MAX_BUTTON_URL) this.report(where, `button url longer than ${MAX_BUTTON_URL}`);
    }
  }

  block(where: string, block: unknown): void {
    if (!isLoose(block)) {
      this.report(where, 'block is not an object');
      return;
    }
    this.blockId(where, block.block_id);
    switch (block.type) {
      case 'section': {
        const fields = Array.isArray(block.fields) ? block.fields : undefined;
        if (block.text === undefined && !fields) this.report(where, 'section without text or fields');
        if (block.text !== undefined) this.text(`${where} text`, block.text, MAX_SECTION_TEXT);
        if (fields) {
          if (fields.length === 0 || fields.length > MAX_SECTION_FIELDS) {
            this.report(where, `${fields.length} fields, allowed 1–${MAX_SECTION_FIELDS}`);
          }
          fields.forEach((field, i) => {
            this.text(`${where} field ${i}`, field, MAX_FIELD_TEXT);
          });
        }
        if (block.accessory !== undefined) this.element(`${where} accessory`, block.accessory);
        return;
      }
      case 'header':
        this.text(`${where} header`, block.text, MAX_HEADER_TEXT, 'plain_text');
        return;
      case 'context':
        this.elements(where, block.elements, MAX_CONTEXT_ELEMENTS, (w, element) => {
          if (isLoose(element) && element.type === 'image') this.image(w, element);
          else this.text(w, element, MAX_TEXT_OBJECT);
        });
        return;
      case 'actions':
        this.elements(where, block.elements, MAX_ACTIONS_ELEMENTS, (w, element) => {
          this.element(w, element);
        });
        return;
      case 'image':
        this.image(where, block);
        return;
      case 'divider':
        return;
      default:
        // Other block types are not used by the views; their own limits are not checked here.
        if (Array.isArray(block.elements)) {
          block.elements.forEach((e, i) => {
            this.element(`${where} element ${i}`, e);
          });
        }
    }
  }

  private elements(
    where: string,
    elements: unknown,
    max: number,
    check: (w: string, e: unknown) => void,
  ): void {
    if (!Array.isArray(elements) || elements.length === 0) {
      this.report(where, 'no elements');
      return;
    }
    if (elements.length > max) this.report(where, `${elements.length} elements, allowed ${max}`);
    elements.forEach((element, i) => {
      check(`${where} element ${i}`, element);
    });
  }

  private image(where: string, image: Loose): void {
    const alt = image.alt_text;
    if (typeof alt !== 'string' || alt === '') this.report(where, 'image without alt_text');
    else if (alt.length > MAX_IMAGE_ALT_TEXT)
      this.report(where, `alt_text longer than ${MAX_IMAGE_ALT_TEXT}`);
  }
}

/** Every way `view` breaks Slack's limits (or the bot's stricter ones), one readable line each; empty when fine. */
export function limitProblems(view: SlackMessage | HomeView): string[] {
  const checker = new Checker();
  const home = isHome(view);
  if (!home) {
    const { text } = view as Partial<SlackMessage>;
    if (typeof text !== 'string' || text.trim() === '') checker.report('message', 'missing or empty text');
    else if (text.length > MAX_FALLBACK_TEXT) {
      checker.report('message', `text of ${text.length} characters exceeds ${MAX_FALLBACK_TEXT}`);
    }
  }
  const blocks: unknown = view.blocks;
  if (!Array.isArray(blocks)) {
    checker.report(home ? 'home' : 'message', 'blocks is not an array');
    return checker.problems;
  }
  const maxBlocks = home ? MAX_BLOCKS_HOME : MAX_BLOCKS_MESSAGE;
  if (blocks.length > maxBlocks)
    checker.report(home ? 'home' : 'message', `${blocks.length} blocks, allowed ${maxBlocks}`);
  if (!home) {
    const length = blockTextLength(blocks as KnownBlock[]);
    if (length > BLOCK_TEXT_BUDGET) {
      checker.report(
        'message',
        `${length} characters of block text exceed the budget of ${BLOCK_TEXT_BUDGET}`,
      );
    }
  }
  blocks.forEach((block, i) => {
    const type = isLoose(block) ? String(block.type) : typeof block;
    checker.block(`block ${i} (${type})`, block);
  });
  return checker.problems;
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
        text: `✂️ Shortened: ${dropped} more ${dropped === 1 ? 'block' : 'blocks'} did not fit in one message.`,
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
