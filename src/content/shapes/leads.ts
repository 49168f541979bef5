import type { ListItem, Paragraph, PhrasingContent, RootContent, Strong } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { parseVideo } from '../links.js';
import { isCallout, isLabel, splitEmoji } from '../vocabulary.js';
import { headingText } from './tree.js';

/**
 * Where topics start inside one run of blocks (a heading's own blocks, or the recap's before its first
 * heading). A topic starts at
 * - a paragraph that leads with a **bold title** (after an optional emoji or "The"): "**Gardener API
 *   Types** were split …";
 * - a paragraph whose lead sentence names the topic in bold with its presentation right after it:
 *   "One major undertaking was the **replacement of OpenVPN** ([watch presentation](https://youtu.be/…))";
 * - beside such topics, a paragraph whose lead sentence ends with the bold name ("Progress was also made
 *   on **GEP-32**.");
 * - each item of a list whose items mostly lead with a bold title;
 * - each item of a fast-track list (under a "Fast Tracks" heading), bold or not.
 * Bold anywhere else is emphasis: "… but **CPU time dropped from ~65 to 3 minutes** …" is no topic.
 */
export interface TopicStart {
  /** Index of the block the topic starts at. */
  index: number;
  title: string;
  emoji?: string;
  /** Where the title links to ("[🗃️ **OCI Helm Release**](…#oci-helm)"). */
  titleLink?: string;
  fastTrack?: boolean;
  /** The topic's blocks when it ends where it starts (a list item); otherwise it runs to the next start. */
  only?: RootContent[];
}

interface StrongFound {
  strong: Strong;
  /** Text before the bold in the paragraph. */
  before: string;
  /** Index of the paragraph child that holds the bold (the bold itself, or a link around it). */
  at: number;
  link?: string;
}

/** Text before the first bold is this short, or it is not a lead. */
const LEAD_WINDOW = 160;

function firstStrong(children: readonly PhrasingContent[]): StrongFound | undefined {
  let before = '';
  for (const [at, child] of children.entries()) {
    if (child.type === 'strong') return { strong: child, before, at };
    if (child.type === 'link') {
      const inner = firstStrong(child.children);
      if (inner) return { strong: inner.strong, before: before + inner.before, at, link: child.url };
    }
    before += mdastToString(child);
    if (before.length > LEAD_WINDOW) return undefined;
  }
  return undefined;
}

/**
 * A title as a list shows it: one line, no trailing colon or dash. A bold name taken from inside a
 * sentence ("the **replacement of OpenVPN**") gets its capital; code (`gardener-node-agent`) keeps its case.
 */
export function cleanTitle(text: string, capitalize = true): string {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/[\s:–—-]+$/u, '')
    .trim();
  return capitalize ? t.charAt(0).toLocaleUpperCase() + t.slice(1) : t;
}

function startsWithCode(strong: Strong): boolean {
  return strong.children[0]?.type === 'inlineCode';
}

/** Bold that can name a topic: not a part label, not a call-out, not a whole sentence. */
function isTitle(text: string): boolean {
  return text !== '' && !isLabel(text) && !isCallout(text) && !/[.!?]$/.test(text);
}

/** A bold label opens the block: `**Problem Statement:** …`, `📝 **Achievements**: …`. */
function leadsWithLabel(children: readonly PhrasingContent[]): boolean {
  const first = children[0];
  const lead = first?.type === 'text' && splitEmoji(first.value).rest === '' ? children[1] : first;
  return lead?.type === 'strong' && isLabel(mdastToString(lead));
}

/** Blocks that read as the parts of one topic (Problem Statement, Achievements, Next Steps …). */
export function hasLabelledParts(blocks: readonly RootContent[]): boolean {
  return blocks.some((b) => {
    if (b.type === 'heading') return isLabel(headingText(b));
    if (b.type === 'paragraph') return leadsWithLabel(b.children);
    if (b.type === 'blockquote') {
      const first = b.children[0];
      return first?.type === 'paragraph' && leadsWithLabel(first.children);
    }
    return false;
  });
}

type Strength = 'leads' | 'presented' | 'closes';

/** How surely a paragraph starts a topic; undefined when its bold is emphasis. */
function paragraphLead(paragraph: Paragraph): { start: TopicStart; strength: Strength } | undefined {
  const found = firstStrong(paragraph.children);
  if (!found) return undefined;
  const title = mdastToString(found.strong).replace(/\s+/g, ' ').trim();
  if (!isTitle(title)) return undefined;
  // Only the lead sentence can name the topic.
  if (/[.!?]\s/.test(found.before)) return undefined;
  const lead = splitEmoji(found.before);
  const start: TopicStart = {
    index: 0,
    title: cleanTitle(title, !startsWithCode(found.strong)),
    emoji: lead.emoji,
    titleLink: found.link,
  };
  if (/^(?:(?:the|a|an)\s*)?$/i.test(lead.rest.trim())) return { start, strength: 'leads' };
  const after = paragraph.children.slice(found.at + 1);
  if (after.slice(0, 3).some((n) => n.type === 'link' && parseVideo(n.url)))
    return { start, strength: 'presented' };
  const rest = after.map((n) => mdastToString(n)).join('');
  if (/^\s*(?:\([^)]*\)\s*)*(?:[.!?:](?:\s|$)|$)/.test(rest)) return { start, strength: 'closes' };
  return undefined;
}

function listItemLead(item: ListItem): TopicStart | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const found = firstStrong(first.children);
  if (!found) return undefined;
  const lead = splitEmoji(found.before);
  // The bold must lead the item (after an optional emoji), or it is emphasis in a plain list.
  if (lead.rest !== '') return undefined;
  const title = mdastToString(found.strong).replace(/\s+/g, ' ').trim();
  if (!isTitle(title)) return undefined;
  return {
    index: 0,
    title: cleanTitle(title, !startsWithCode(found.strong)),
    emoji: lead.emoji,
    titleLink: found.link,
  };
}

/** Item body without its lead: the title (and its link) is shown separately. */
function listItemSummaryBlocks(item: ListItem): RootContent[] {
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph') return item.children;
  const children = [...first.children];
  const leadIndex = children.findIndex(
    (c) => c.type === 'strong' || (c.type === 'link' && firstStrong(c.children)),
  );
  const remaining = children.slice(leadIndex + 1);
  const head = remaining[0];
  if (head?.type === 'text') {
    remaining[0] = { ...head, value: head.value.replace(/^[\s:–—-]+/u, '') };
  }
  return [{ ...first, children: remaining }, ...rest];
}

/** A fast-track item without a bold title: its words (bare URLs left out) are the title. */
function plainItemLead(item: ListItem): TopicStart | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const words = first.children
    .filter((c) => !(c.type === 'link' && /^(?:https?:\/\/|www\.)/.test(mdastToString(c))))
    .map((c) => mdastToString(c))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/[\s:,;–—-]+$/u, '')
    .trim();
  const { emoji, rest } = splitEmoji(words);
  return rest ? { index: 0, title: cleanTitle(rest), emoji, fastTrack: true } : undefined;
}

/**
 * The topic starts in `blocks`, in order. `fastTrack` says the blocks sit under a fast-track heading,
 * where every item of a list is a (fast-track) topic.
 */
export function topicStarts(blocks: readonly RootContent[], fastTrack = false): TopicStart[] {
  if (hasLabelledParts(blocks)) return [];
  const sure: TopicStart[] = [];
  const closing: TopicStart[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'paragraph') {
      const lead = paragraphLead(block);
      if (lead) (lead.strength === 'closes' ? closing : sure).push({ ...lead.start, index, fastTrack });
    } else if (block.type === 'list') {
      const leads = block.children.map(listItemLead);
      // A list is a list of topics when most of its items lead with a bold title.
      if (leads.filter(Boolean).length * 2 > block.children.length) {
        block.children.forEach((item, i) => {
          const lead = leads[i];
          if (lead) sure.push({ ...lead, index, fastTrack, only: listItemSummaryBlocks(item) });
        });
      } else if (fastTrack) {
        for (const item of block.children) {
          const lead = plainItemLead(item);
          if (lead) sure.push({ ...lead, index, only: item.children });
        }
      }
    }
  });
  // A bold name that merely ends a sentence is a topic only beside topics that are surely topics.
  if (sure.length === 0) return [];
  return [...sure, ...closing].sort((a, b) => a.index - b.index);
}
