import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Hackathon, HackathonTopic } from '../content/model.js';
import { formatCount } from '../words.js';
import { ACTION, indexedAction } from './actions.js';
import { formatRange, oneLine } from './format.js';
import { hackathonLine, hackathonName, hackathonStatus, hackathonWhen } from './hackathon.js';
import {
  fitMessage,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  MAX_TEXT_OBJECT,
  splitMrkdwn,
  truncate,
  VIEW_MAX_BLOCKS,
} from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink, plainText } from './mrkdwn.js';
import { hackathonLinksMrkdwn, missingPageNote, pagingActions, videoLinkMrkdwn } from './topics.js';

/** A topic line in a compact list: long titles are cut so a whole hackathon fits a few blocks. */
const LINE_TITLE_MAX = 150;
/** Hackathons on one page of the overview: each is one block, so any number pages cleanly. */
export const HACKATHONS_PER_PAGE = 15;
/** A hackathon's entry names its first topics, to recognise it by. */
const PREVIEW_TOPICS = 3;
const PREVIEW_MAX = 300;

function compactLine(topic: HackathonTopic): string {
  const video = videoLinkMrkdwn(topic);
  const fast = topic.fastTrack ? ' 🏎️' : '';
  const emoji = topic.emoji ? `${topic.emoji} ` : '';
  return `• ${emoji}${escapeMrkdwn(truncate(oneLine(topic.title), LINE_TITLE_MAX))}${fast}${video ? `  ${video}` : ''}`;
}

/**
 * A hackathon's topics as compact lines, one block per section (split only if a section outgrows a block);
 * a hackathon without sections is one list. What the App Home needs: a whole hackathon in a few blocks.
 */
export function compactTopicBlocks(hackathon: Hackathon): KnownBlock[] {
  const byId = new Map(hackathon.topics.map((t) => [t.id, t]));
  const placed = new Set<string>();
  const groups: { title?: string; topics: HackathonTopic[] }[] = [];
  for (const section of hackathon.sections) {
    const topics = section.topicIds.flatMap((id) => {
      const topic = byId.get(id);
      if (!topic || placed.has(id)) return [];
      placed.add(id);
      return [topic];
    });
    const title = `*${section.emoji ? `${section.emoji} ` : ''}${escapeMrkdwn(oneLine(section.title))}*`;
    if (topics.length > 0) groups.push({ title, topics });
  }
  const rest = hackathon.topics.filter((t) => !placed.has(t.id));
  if (rest.length > 0) groups.push({ title: groups.length > 0 ? '*Other topics*' : undefined, topics: rest });
  return groups.flatMap(({ title, topics }) =>
    splitMrkdwn([...(title ? [title] : []), ...topics.map(compactLine)].join('\n'), MAX_SECTION_TEXT).map(
      (text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } }),
    ),
  );
}

/** "*June 2025* · 2–6 June 2025 · Schelklingen · x-cellent · 15 topics · Blog post · Recording". */
export function hackathonSummaryLine(hackathon: Hackathon): string {
  const parts = [`*${escapeMrkdwn(hackathonName(hackathon))}*`, escapeMrkdwn(hackathonWhen(hackathon))];
  if (hackathon.place) parts.push(escapeMrkdwn(oneLine(hackathon.place)));
  if (hackathon.organizer) parts.push(escapeMrkdwn(oneLine(hackathon.organizer)));
  parts.push(hackathonStatus(hackathon));
  parts.push(...hackathonLinksMrkdwn(hackathon));
  return parts.join(' · ');
}

function entryBlock(
  hackathon: Hackathon,
  index: number,
  topicsValue: string,
  today: string | undefined,
): SectionBlock {
  const preview = hackathon.topics
    .slice(0, PREVIEW_TOPICS)
    .map((t) => oneLine(t.title))
    .join(', ');
  const more = hackathon.topics.length > PREVIEW_TOPICS ? ', …' : '';
  const blog = hackathon.recaps.find((r) => r.event.recapUrl)?.event.recapUrl;
  const line = truncate(hackathonLine(hackathon, today), 500);
  const written = hackathon.topics.length > 0;
  const planning = hackathon.links.planningUrl;
  const lines = [
    blog ? `*${mrkdwnLink(blog, line)}*` : `*${escapeMrkdwn(line)}*`,
    // A hackathon without topics names its days in its status already.
    ...(hackathon.start && written ? [escapeMrkdwn(hackathonWhen(hackathon))] : []),
    ...(preview ? [`_${escapeMrkdwn(truncate(`${preview}${more}`, PREVIEW_MAX))}_`] : []),
    ...(!written && planning ? [mrkdwnLink(planning, 'Topic planning')] : []),
  ];
  const block: SectionBlock = {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(lines.join('\n'), MAX_SECTION_TEXT) },
  };
  if (topicsValue.length <= MAX_BUTTON_VALUE) {
    block.accessory = {
      type: 'button',
      text: plainText('Topics', MAX_BUTTON_TEXT),
      // Numbered from 1: `topics_page:0` is the Previous button of the paging row.
      action_id: indexedAction(ACTION.page, index + 1),
      value: topicsValue,
    };
  }
  return block;
}

export interface HackathonsOptions {
  /** 1-based; a page past the end shows the last page and says so. */
  page?: number;
  /** The intent text of a page of this overview; without it there are no Previous/Next buttons. */
  pageValue?: (page: number) => string;
  /** `YYYY-MM-DD`: a hackathon without topics then says whether it is still to come or on now. */
  today?: string;
}

/**
 * `/hackathon topics` when the content tells of several hackathons: one entry per hackathon, newest first
 * ("June 2025 · Schelklingen · x-cellent · 15 topics") with a button to its topics, paged with
 * Previous/Next so any number of hackathons stays inside Slack's limits.
 */
export function hackathonsView(
  hackathons: readonly Hackathon[],
  topicsValue: (hackathon: Hackathon) => string,
  options: HackathonsOptions = {},
): SlackMessage {
  const pages = Array.from(
    { length: Math.max(1, Math.ceil(hackathons.length / HACKATHONS_PER_PAGE)) },
    (_, i) => ({
      from: i * HACKATHONS_PER_PAGE,
      to: Math.min(hackathons.length, (i + 1) * HACKATHONS_PER_PAGE),
    }),
  );
  const asked = Math.max(1, Math.floor(options.page ?? 1) || 1);
  const pageNumber = Math.min(asked, pages.length);
  const page = pages[pageNumber - 1] ?? { from: 0, to: 0 };
  const shown = hackathons.slice(page.from, page.to);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(formatCount(hackathons.length, 'hackathon'), MAX_HEADER_TEXT) },
  ];
  if (asked > pages.length) blocks.push(missingPageNote(asked, pages.length));
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: truncate(
          pages.length > 1
            ? `Newest first · showing ${formatRange(page.from + 1, page.to)} of ${hackathons.length} · *Topics* opens a hackathon's list`
            : 'Newest first · *Topics* opens a hackathon’s list',
          MAX_TEXT_OBJECT,
        ),
      },
    ],
  });
  shown.forEach((hackathon, i) => {
    blocks.push(entryBlock(hackathon, i, topicsValue(hackathon), options.today));
  });
  const actions = pagingActions(pageNumber, pages, hackathons.length, options.pageValue, 'hackathons');
  if (actions) blocks.push(actions);
  const names = shown.map((h) => escapeMrkdwn(oneLine(hackathonLine(h, options.today)))).join('; ');
  const text = `${formatCount(hackathons.length, 'hackathon')}, newest first: ${names}`;
  return fitMessage({ text: truncate(text, 1000), blocks }, VIEW_MAX_BLOCKS);
}
