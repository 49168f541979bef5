import type { Heading, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { classifyLink, parseVideo } from './links.js';
import { parseMarkdown, type RenderOptions, richText, toMrkdwn, toPlain } from './markdown.js';
import type { Link, RichText, Section, Topic, Video } from './model.js';

/**
 * Turns a recap's Markdown body into sections and topics. Gardener recaps come in a family of shapes,
 * and each is recognised by what marks a topic in it:
 * - a paragraph whose lead sentence holds a **bold title** (topics run until the next such paragraph);
 * - a list whose items lead with a bold title, often linked and with an emoji;
 * - a heading whose body has labelled parts (**Problem Statement:**, ### Achievements …);
 * - a heading with prose and no topic of its own: the heading is the topic.
 * Headings that hold topics are sections; frame headings (Conclusion, Looking Ahead …) never are topics.
 */

const LABEL =
  /^(problem( statement)?|motivation|context|background|goals?|objectives?|achievements?|results?|outcomes?|next steps?|code|code\s*(\/|&|and)\s*pull requests?|pull requests?|prs?|issues?|status|team|participants|people|members|summary|challenges?|learnings?|lessons learned|links?|references?|resources?|demo|presentation|recording|video|documentation|details)\s*:?$/i;

const FRAME =
  /^(conclusions?|summary|wrap[- ]?up|looking (ahead|forward)|outlook|what'?s next|next steps|(the )?next hackathon|introduction|intro|overview|about|thanks|thank you|acknowledge?ments?|closing( thoughts)?|final thoughts|(the )?team|participants|agenda|schedule|key achievements|highlights|results|topics)$/i;

const EMOJI =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3|\s)+/u;

const NEXT_HACKATHON = /\bnext (hackathon|hack the garden|event)\b/i;

export interface ParsedTopic extends Omit<Topic, 'id' | 'key' | 'recapId' | 'sectionId'> {
  /** Title of the heading that holds the topic; absent when no heading does. */
  sectionTitle?: string;
}

export interface ParsedBody {
  h1?: string;
  intro?: RichText;
  introLinks: Link[];
  /** The wrap-up recording, when the intro links a video. */
  introVideo?: Video;
  sections: Array<Omit<Section, 'id' | 'topicIds'>>;
  topics: ParsedTopic[];
  nextHackathon?: RichText;
}

interface Node {
  heading?: Heading;
  title: string;
  blocks: RootContent[];
  children: Node[];
}

interface TopicStart {
  index: number;
  title: string;
  emoji?: string;
  titleLink?: string;
  /** Blocks of the topic when it ends where it starts (list items); otherwise it runs to the next start. */
  only?: RootContent[];
}

export function splitEmoji(text: string): { emoji?: string; rest: string } {
  const match = EMOJI.exec(text);
  if (!match?.[0].trim()) return { rest: text.trim() };
  return { emoji: match[0].replace(/\s+/g, ''), rest: text.slice(match[0].length).trim() };
}

function headingText(node: Heading): string {
  return mdastToString(node).replace(/\s+/g, ' ').trim();
}

function isLabelText(text: string): boolean {
  return LABEL.test(splitEmoji(text).rest.replace(/[*_`]/g, '').trim());
}

function buildTree(root: Root): { tree: Node; h1?: string } {
  const tree: Node = { title: '', blocks: [], children: [] };
  const stack: Array<{ depth: number; node: Node }> = [{ depth: 0, node: tree }];
  let h1: string | undefined;
  for (const block of root.children) {
    if (block.type === 'heading') {
      const text = headingText(block);
      // The post's own title repeated as H1 is not a section.
      if (block.depth === 1 && h1 === undefined && tree.children.length === 0) {
        h1 = text;
        continue;
      }
      // A labelled part ("### Achievements") stays inside the topic it belongs to.
      if (isLabelText(text) && stack.length > 1) {
        stack[stack.length - 1]?.node.blocks.push(block);
        continue;
      }
      while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) >= block.depth) stack.pop();
      const node: Node = { heading: block, title: text, blocks: [], children: [] };
      stack[stack.length - 1]?.node.children.push(node);
      stack.push({ depth: block.depth, node });
      continue;
    }
    stack[stack.length - 1]?.node.blocks.push(block);
  }
  return { tree, h1 };
}

function firstStrong(
  children: readonly PhrasingContent[],
): { strong: Strong; before: string; link?: string } | undefined {
  let before = '';
  for (const child of children) {
    if (child.type === 'strong') return { strong: child, before };
    if (child.type === 'link') {
      const inner = firstStrong(child.children);
      if (inner) return { strong: inner.strong, before: before + inner.before, link: child.url };
    }
    before += mdastToString(child);
    if (before.length > 160) return undefined;
  }
  return undefined;
}

function cleanTitle(text: string): string {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/[\s:–—-]+$/u, '')
    .trim();
  return t.charAt(0).toLocaleUpperCase() + t.slice(1);
}

/** Bold that names a topic, as opposed to bold for emphasis ("we **really** need this"). */
function titleLikeLead(paragraph: Paragraph): TopicStart | undefined {
  const found = firstStrong(paragraph.children);
  if (!found) return undefined;
  const title = mdastToString(found.strong).trim();
  if (!title || isLabelText(title)) return undefined;
  // Only the lead sentence counts: bold further on is emphasis inside the topic.
  if (/[.!?]\s/.test(found.before)) return undefined;
  const afterIndex = paragraph.children.indexOf(found.strong);
  const rest = paragraph.children.slice(afterIndex + 1, afterIndex + 4);
  const videoFollows = rest.some((n) => n.type === 'link' && parseVideo(n.url));
  const words = title.split(/\s+/).length;
  const hasCode = found.strong.children.some((c) => c.type === 'inlineCode');
  const startsParagraph = splitEmoji(found.before).rest === '';
  if (!(videoFollows || startsParagraph || words >= 3 || hasCode)) return undefined;
  const { emoji } = splitEmoji(found.before);
  return { index: 0, title: cleanTitle(title), emoji, titleLink: found.link };
}

function listItemLead(item: ListItem): TopicStart | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const found = firstStrong(first.children);
  if (!found) return undefined;
  const lead = splitEmoji(found.before);
  // The bold must lead the item (after an optional emoji), or it is emphasis in a plain list.
  if (lead.rest !== '') return undefined;
  const title = mdastToString(found.strong).trim();
  if (!title || isLabelText(title)) return undefined;
  return { index: 0, title: cleanTitle(title), emoji: lead.emoji, titleLink: found.link };
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

function hasLabelledParts(blocks: readonly RootContent[]): boolean {
  return blocks.some((b) => {
    if (b.type === 'heading') return isLabelText(headingText(b));
    if (b.type !== 'paragraph') return false;
    const first = b.children[0];
    return first?.type === 'strong' && isLabelText(mdastToString(first));
  });
}

function topicStarts(blocks: readonly RootContent[]): TopicStart[] {
  if (hasLabelledParts(blocks)) return [];
  const starts: TopicStart[] = [];
  blocks.forEach((block, index) => {
    if (block.type === 'paragraph') {
      const lead = titleLikeLead(block);
      if (lead) starts.push({ ...lead, index });
    } else if (block.type === 'list') {
      const leads = block.children.map(listItemLead);
      // A list is a list of topics when most of its items lead with a bold title.
      if (leads.filter(Boolean).length * 2 > block.children.length) {
        block.children.forEach((item, i) => {
          const lead = leads[i];
          if (lead) starts.push({ ...lead, index, only: listItemSummaryBlocks(item) });
        });
      }
    }
  });
  return starts;
}

function linksOf(blocks: readonly RootContent[], options: RenderOptions): { links: Link[]; video?: Video } {
  const links: Link[] = [];
  let video: Video | undefined;
  const seen = new Set<string>();
  const visit = (node: RootContent | PhrasingContent | ListItem): void => {
    if (node.type === 'link') {
      let url: string;
      try {
        url = new URL(node.url, options.baseUrl).href;
      } catch {
        return;
      }
      if (!/^https?:/.test(url)) return;
      const parsedVideo = parseVideo(node.url);
      if (parsedVideo) {
        video ??= parsedVideo;
        return;
      }
      if (!seen.has(url)) {
        seen.add(url);
        links.push(classifyLink(url, mdastToString(node).replace(/\s+/g, ' ').trim() || url));
      }
    }
    if ('children' in node)
      for (const child of node.children as Array<RootContent | PhrasingContent>) visit(child);
  };
  for (const block of blocks) visit(block);
  return { links, video };
}

const WATCH_LINK = /\s*\(<[^|>]+\|[^>]*\b(watch|presentation|recording|video)\b[^>]*>\)/gi;
const WATCH_TEXT = /\s*\((watch|see) (the )?(presentation|recording|video)\)/gi;

function topicFrom(
  start: TopicStart,
  blocks: RootContent[],
  sectionTitle: string | undefined,
  options: RenderOptions,
  lineOffset: number,
): ParsedTopic {
  const { links, video } = linksOf(blocks, options);
  const summaryNodes = blocks;
  const mrkdwn = toMrkdwn(summaryNodes, options).replace(WATCH_LINK, '');
  const text = toPlain(summaryNodes).replace(WATCH_TEXT, '');
  const titleLink = start.titleLink
    ? new URL(start.titleLink, options.baseUrl ?? 'https://invalid.example/').href
    : '';
  const allLinks =
    titleLink && !titleLink.startsWith('https://invalid.example/') && !links.some((l) => l.url === titleLink)
      ? [classifyLink(titleLink, 'Topic details'), ...links]
      : links;
  const first = blocks[0];
  return {
    title: start.title,
    emoji: start.emoji,
    sectionTitle,
    summary: { text, mrkdwn },
    video,
    links: allLinks,
    fastTrack: /fast[- ]?track|🏎/iu.test(`${start.title} ${text}`),
    line: (first?.position?.start.line ?? 1) + lineOffset,
  };
}

function nextHackathonOf(blocks: readonly RootContent[], options: RenderOptions): RichText | undefined {
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    const mrkdwn = toMrkdwn([block], options);
    const sentences = mrkdwn.split(/(?<=[.!?])\s+(?=[A-Z<*_])/);
    const at = sentences.findIndex((s) => NEXT_HACKATHON.test(s));
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

function hasProse(blocks: readonly RootContent[]): boolean {
  return blocks.some((b) => b.type !== 'html' && b.type !== 'thematicBreak' && toPlain([b]).length > 0);
}

function allBlocks(node: Node): RootContent[] {
  return [
    ...node.blocks,
    ...node.children.flatMap((c) => [...(c.heading ? [c.heading] : []), ...allBlocks(c)]),
  ];
}

export function parseBody(
  markdown: string,
  options: RenderOptions & { lineOffset?: number } = {},
): ParsedBody {
  const root = parseMarkdown(markdown);
  const lineOffset = options.lineOffset ?? 0;
  const { tree, h1 } = buildTree(root);
  const sections: ParsedBody['sections'] = [];
  const topics: ParsedTopic[] = [];
  let nextHackathon: RichText | undefined;

  const sectionFor = (title: string | undefined, emoji?: string, intro?: RichText) => {
    if (title === undefined) return undefined;
    let section = sections.find((s) => s.title === title);
    if (!section) {
      section = { title, emoji, intro };
      sections.push(section);
    }
    return section;
  };

  // Each heading is asked about its topics by itself, its parent and its ancestors: work it out once.
  const starts = new Map<Node, TopicStart[]>();
  const startsOf = (node: Node): TopicStart[] => {
    let found = starts.get(node);
    if (!found) {
      found = topicStarts(node.blocks);
      starts.set(node, found);
    }
    return found;
  };
  const hasTopics = (node: Node): boolean =>
    startsOf(node).length > 0 || node.children.some(hasTopics) || isHeadingTopic(node);
  const isHeadingTopic = (node: Node): boolean =>
    node.heading !== undefined &&
    !FRAME.test(splitEmoji(node.title).rest) &&
    (hasLabelledParts(node.blocks) ||
      (hasProse(node.blocks) && startsOf(node).length === 0 && !node.children.some(hasTopics)));

  const visit = (node: Node, parentSection: { title?: string; emoji?: string }): void => {
    const own = splitEmoji(node.title);
    if (node !== tree && FRAME.test(own.rest)) nextHackathon ??= nextHackathonOf(allBlocks(node), options);
    if (isHeadingTopic(node)) {
      const section = sectionFor(parentSection.title, parentSection.emoji);
      const start: TopicStart = { index: 0, title: cleanTitle(own.rest), emoji: own.emoji };
      topics.push(topicFrom(start, allBlocks(node), section?.title, options, lineOffset));
      return;
    }
    const nodeStarts = startsOf(node);
    const title = node === tree ? undefined : own.rest || undefined;
    if (nodeStarts.length > 0) {
      const firstIndex = nodeStarts[0]?.index ?? 0;
      const introBlocks = node === tree ? [] : node.blocks.slice(0, firstIndex);
      const section = sectionFor(
        title,
        node === tree ? undefined : own.emoji,
        introBlocks.length ? richText(introBlocks, options) : undefined,
      );
      nodeStarts.forEach((start, i) => {
        const end = nodeStarts[i + 1]?.index ?? node.blocks.length;
        const blocks = start.only ?? node.blocks.slice(start.index, Math.max(end, start.index + 1));
        topics.push(topicFrom(start, blocks, section?.title, options, lineOffset));
      });
    }
    const childSection = node === tree ? {} : { title, emoji: own.emoji };
    for (const child of node.children) visit(child, childSection);
  };
  visit(tree, {});

  const firstTopicStart = startsOf(tree)[0]?.index ?? tree.blocks.length;
  const introBlocks = tree.blocks.slice(0, firstTopicStart);
  const intro = introBlocks.length ? richText(introBlocks, options) : undefined;
  nextHackathon ??= nextHackathonOf(
    [...tree.blocks.slice(firstTopicStart), ...tree.children.flatMap(allBlocks)].filter(
      (b) => b.type === 'paragraph',
    ),
    options,
  );
  const introLinks = linksOf(introBlocks, options);
  return {
    h1,
    intro,
    introLinks: introLinks.links,
    introVideo: introLinks.video,
    sections: sections.filter((s) => topics.some((t) => t.sectionTitle === s.title)),
    topics,
    nextHackathon,
  };
}
