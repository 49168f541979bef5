import type { Blockquote, Root, RootContent } from 'mdast';
import { archiveLinkFacts, isWrapUpTitle, type ProseBlock, proseFacts, type StatedFacts } from './facts.js';
import { parseVideo } from './links.js';
import { parseMarkdown, type RenderOptions, richText, toMrkdwn, toPlain } from './markdown.js';
import type { Link, RichText, Video } from './model.js';
import { takeMetadata } from './shapes/metadata.js';
import { readStructure, type SectionDraft } from './shapes/structure.js';
import type { ParsedTopic } from './shapes/topic.js';
import { linksOf } from './shapes/topic.js';
import { blocksUnder, buildTree, type HeadingTree, hasProse, headingText } from './shapes/tree.js';
import { isPlaceholder, NEXT_HACKATHON } from './vocabulary.js';

/**
 * Turns a recap's Markdown body into what it says: the hackathon's facts, its sections and topics. One
 * Markdown parse per recap; the family of shapes is read in steps, each in its own module:
 * 1. `shapes/metadata` takes a wrap-up page's metadata bullets (Date, Location, Organizer …) out;
 * 2. `shapes/tree` arranges the blocks under their headings;
 * 3. `shapes/structure` decides which heading is a frame, a topic or a section, and `shapes/leads`
 *    where topics start inside a heading (bold-led paragraphs and list items, fast-track lists);
 * 4. `facts` reads dates, place and organizer from the title and the opening paragraphs.
 */

export type { ParsedTopic } from './shapes/topic.js';
export { splitEmoji } from './vocabulary.js';

export interface ParsedBody {
  h1?: string;
  /** The page is a wrap-up page: it has the metadata bullets, or a wrap-up title. */
  wrapUp: boolean;
  intro?: RichText;
  introLinks: Link[];
  /** The wrap-up recording: a video the intro or a metadata bullet links. */
  introVideo?: Video;
  sections: SectionDraft[];
  topics: ParsedTopic[];
  nextHackathon?: RichText;
  /** What the metadata bullets say (wrap-up pages). */
  metadata?: StatedFacts;
  /** What the title and the opening paragraphs say. */
  prose: StatedFacts;
  /** What a link to the hackathon's archive page says (its month, its town). */
  archive: StatedFacts;
}

export interface ParseOptions extends RenderOptions {
  /** Lines before the body (the front matter), so topics and problems name lines of the file. */
  lineOffset?: number;
  /** Publication date `YYYY-MM-DD`, to complete a date written without its year ("November 24–28"). */
  published?: string;
  /** The front matter title, for a wrap-up title when the body has no H1. */
  title?: string;
}

const ALERT = /^\s*\[!(?:note|tip|important|warning|caution)\]\s*/i;

/** GitHub alerts (`> [!TIP]`) render as plain quotes elsewhere: drop the marker, keep the text. */
function dropAlertMarkers(nodes: readonly RootContent[]): void {
  for (const node of nodes) {
    if (node.type === 'blockquote') {
      const first = (node as Blockquote).children[0];
      const text = first?.type === 'paragraph' ? first.children[0] : undefined;
      if (first?.type === 'paragraph' && text?.type === 'text' && ALERT.test(text.value)) {
        text.value = text.value.replace(ALERT, '');
        if (text.value === '' && first.children[1]?.type === 'break') first.children.splice(0, 2);
        else if (text.value === '') first.children.shift();
        if (first.children.length === 0) node.children.shift();
      }
    }
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading')
      dropAlertMarkers(node.children as RootContent[]);
  }
}

function nextHackathonOf(blocks: readonly RootContent[], options: RenderOptions): RichText | undefined {
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    const mrkdwn = toMrkdwn([block], options);
    const sentences = mrkdwn.split(/(?<=[.!?])\s+(?=[A-Z<*_])/);
    const at = sentences.findIndex((s) => NEXT_HACKATHON.test(s.replace(/[*_~]/g, '')));
    if (at < 0) continue;
    const kept = [sentences[at] ?? ''];
    for (const s of sentences.slice(at + 1)) {
      if (/\b(join|sign[- ]?up|register|slack|meet)\b/i.test(s)) kept.push(s);
      else break;
    }
    const text = kept.join(' ');
    return { mrkdwn: text, text: text.replace(/<[^|>]+\|([^>]+)>/g, '$1').replace(/[*_~]/g, '') };
  }
  return undefined;
}

/** A paragraph as its reader sees it, with its links, for the facts it states. */
function proseBlock(block: RootContent, options: ParseOptions): ProseBlock {
  // As a reader sees it: images (and their alt text) are not part of what the recap says.
  const text = toPlain([block]).replace(/\s+/g, ' ').trim();
  const line = block.position ? block.position.start.line + (options.lineOffset ?? 0) : undefined;
  return { text, links: linksOf([block], options).links, line };
}

function closingOf(tree: HeadingTree, frames: ReturnType<typeof readStructure>['frames'], after: number) {
  return [
    ...frames.flatMap((f) => blocksUnder(tree, f)),
    ...tree.root.blocks.slice(after),
    ...tree.root.children.flatMap((c) => blocksUnder(tree, c)),
  ];
}

export function parseBody(markdown: string, options: ParseOptions = {}): ParsedBody {
  const lineOffset = options.lineOffset ?? 0;
  const root: Root = parseMarkdown(markdown);
  dropAlertMarkers(root.children);
  const metadata = takeMetadata(root.children, { ...options, lineOffset });
  const tree = buildTree(root);
  const h1 = tree.h1 ? headingText(tree.h1) : undefined;
  const wrapUp = metadata !== undefined || isWrapUpTitle(h1 ?? options.title ?? '');
  const structure = readStructure(tree, { ...options, lineOffset, wrapUp });

  const firstTopic = structure.firstRootTopic ?? tree.root.blocks.length;
  const introBlocks = tree.root.blocks.slice(0, firstTopic);
  const introLinks = linksOf(introBlocks, options);
  const closing = closingOf(tree, structure.frames, firstTopic).filter((b) => b.type === 'paragraph');
  const introProse = introBlocks.filter((b) => b.type === 'paragraph').map((b) => proseBlock(b, options));
  const prose = proseFacts(
    introProse,
    h1 && tree.h1 ? { text: h1, line: (tree.h1.position?.start.line ?? 1) + lineOffset } : undefined,
    options.published,
  );
  // The archive link sits in the intro or in a frame's own words ("A full summary … can be found in …").
  const frameProse = structure.frames
    .flatMap((f) => f.blocks)
    .filter((b) => b.type === 'paragraph')
    .map((b) => proseBlock(b, options));
  return {
    h1,
    wrapUp,
    intro: hasProse(introBlocks) ? richText(introBlocks, options) : undefined,
    introLinks: introLinks.links,
    introVideo: introLinks.video ?? (metadata?.recordingUrl ? parseVideo(metadata.recordingUrl) : undefined),
    sections: structure.sections,
    // "**Coming soon:** …" on a page published before its topics are written is not a topic.
    topics: structure.topics.filter((t) => !isPlaceholder(t.title)),
    nextHackathon: nextHackathonOf(closing, options),
    metadata,
    prose,
    archive: archiveLinkFacts([...introProse, ...frameProse]),
  };
}
