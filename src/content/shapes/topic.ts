import type { Heading, ListItem, PhrasingContent, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { classifyLink, parseVideo } from '../links.js';
import { absoluteUrl, type RenderOptions, toMrkdwn, toPlain } from '../markdown.js';
import type { Link, RichText, Topic, Video } from '../model.js';
import { FAST_TRACK_MARK, splitEmoji, splitTrailingEmoji } from '../vocabulary.js';
import { cleanTitle, type TopicStart } from './leads.js';

/** A topic as the parser sees it: no ids yet, and its section by title (absent when no heading holds it). */
export interface ParsedTopic extends Omit<Topic, 'id' | 'key' | 'recapId' | 'sectionId'> {
  sectionTitle?: string;
}

const WATCH_LINK = /\s*\(<[^|>]+\|[^>]*\b(watch|presentation|recording|video)\b[^>]*>\)/gi;
const WATCH_TEXT = /\s*\((watch|see) (the )?(presentation|recording|video)\)/gi;
/** "(#52)", "(Issue #11025)" after a heading's title: the link stays among the topic's links. */
const TRAILING_REFERENCE = /\s*\((?:issue|pr|pull request|tracking)?\s*#\d+\)\s*$/i;

/** Every link in `nodes` but videos, each once, and the first video (a presentation). */
export function linksOf(
  nodes: ReadonlyArray<RootContent | Heading>,
  options: RenderOptions,
): { links: Link[]; video?: Video } {
  const links: Link[] = [];
  let video: Video | undefined;
  const seen = new Set<string>();
  const visit = (node: RootContent | PhrasingContent | ListItem): void => {
    if (node.type === 'link') {
      const url = absoluteUrl(node.url, options.baseUrl, options.siteUrl);
      if (!url || !/^https?:/.test(url)) return;
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
  for (const node of nodes) visit(node);
  return { links, video };
}

function summaryOf(blocks: readonly RootContent[], options: RenderOptions): RichText {
  return {
    text: toPlain(blocks).replace(WATCH_TEXT, ''),
    mrkdwn: toMrkdwn(blocks, options).replace(WATCH_LINK, ''),
  };
}

function isFastTrack(title: string, blocks: readonly RootContent[]): boolean {
  // The mark sits in the title or the lead ("A quick win, marked as a 🏎️ fast-track item, …"); a later
  // mention ("we fast-tracked the review") does not make the topic one.
  const lead = blocks[0];
  return FAST_TRACK_MARK.test(title) || (lead !== undefined && FAST_TRACK_MARK.test(toPlain([lead])));
}

/** A topic that starts at a bold title (or a fast-track item) and spans `blocks`. */
export function topicFromStart(
  start: TopicStart,
  blocks: readonly RootContent[],
  sectionTitle: string | undefined,
  options: RenderOptions & { lineOffset: number },
): ParsedTopic {
  const { links, video } = linksOf(blocks, options);
  const titleLink = start.titleLink
    ? absoluteUrl(start.titleLink, options.baseUrl, options.siteUrl)
    : undefined;
  const allLinks =
    titleLink && /^https?:/.test(titleLink) && !links.some((l) => l.url === titleLink)
      ? [classifyLink(titleLink, 'Topic details'), ...links]
      : links;
  const first = blocks[0];
  return {
    title: start.title,
    emoji: start.emoji,
    sectionTitle,
    summary: summaryOf(blocks, options),
    video,
    links: allLinks,
    fastTrack: start.fastTrack === true || isFastTrack(start.title, blocks),
    line: (first?.position?.start.line ?? 1) + options.lineOffset,
  };
}

/** A topic that is a heading and everything under it (its parts, sub-headings, lists, tables). */
export function topicFromHeading(
  heading: Heading,
  title: string,
  blocks: readonly RootContent[],
  sectionTitle: string | undefined,
  options: RenderOptions & { lineOffset: number; fastTrack?: boolean },
): ParsedTopic {
  const { emoji, rest } = splitEmoji(title);
  const trailing = splitTrailingEmoji(rest);
  const marked = trailing.emoji !== undefined && FAST_TRACK_MARK.test(trailing.emoji);
  // A heading is written as a title: it keeps its case.
  const name = cleanTitle((marked ? trailing.rest : rest).replace(TRAILING_REFERENCE, ''), false);
  // The heading's own links ("IPv6 Support On [IronCore](…)") belong to the topic too.
  const { links, video } = linksOf([heading, ...blocks], options);
  return {
    title: name,
    emoji,
    sectionTitle,
    summary: summaryOf(blocks, options),
    video,
    links,
    fastTrack: marked || options.fastTrack === true || isFastTrack(name, blocks),
    line: (heading.position?.start.line ?? 1) + options.lineOffset,
  };
}
