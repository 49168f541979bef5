import type { KnownBlock } from '@slack/types';
import type { Recap, Topic } from '../content/model.js';
import { ACTION, indexedAction } from './actions.js';
import { formatCount, formatDate, oneLine } from './format.js';
import { fitMessage, MAX_SECTION_TEXT, splitMrkdwn, truncate, VIEW_MAX_BLOCKS } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink, plainText } from './mrkdwn.js';
import { videoLinkMrkdwn } from './topics.js';

/** A topic line in an overview: long titles are cut so a whole recap fits a few blocks. */
const LINE_TITLE_MAX = 150;
/** Recaps beyond this are named in a closing line rather than listed. */
const MAX_RECAPS = 6;

/**
 * A recap's topics as compact lines, one block per section (split only if a section outgrows a block):
 * the whole recap fits in a handful of blocks, which is what the App Home and the overview need.
 */
export function compactTopicBlocks(recap: Recap): KnownBlock[] {
  const line = (topic: Topic): string => {
    const video = videoLinkMrkdwn(topic);
    const fast = topic.fastTrack ? ' 🏎️' : '';
    const emoji = topic.emoji ? `${topic.emoji} ` : '';
    return `• ${emoji}${escapeMrkdwn(truncate(oneLine(topic.title), LINE_TITLE_MAX))}${fast}${video ? `  ${video}` : ''}`;
  };
  const groups = recap.sections.map((section) => ({
    title: `*${section.emoji ? `${section.emoji} ` : ''}${escapeMrkdwn(oneLine(section.title))}*`,
    topics: section.topicIds
      .map((id) => recap.topics.find((t) => t.id === id))
      .filter((t) => t !== undefined),
  }));
  // Topics no heading holds are listed as they are, without an invented heading.
  const headless = recap.topics.filter((t) => t.sectionId === undefined);
  if (headless.length > 0) groups.push({ title: '', topics: headless });
  return groups.flatMap(({ title, topics }) =>
    splitMrkdwn([title, ...topics.map(line)].filter(Boolean).join('\n'), MAX_SECTION_TEXT).map(
      (text): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } }),
    ),
  );
}

/** "June 17, 2025 · 15 topics · ▶ wrap-up recording", with the title linked to the post when known. */
export function recapSummaryLine(recap: Recap): string {
  const { event } = recap;
  const parts = [
    event.recapUrl
      ? mrkdwnLink(event.recapUrl, truncate(oneLine(event.title), 300))
      : `*${escapeMrkdwn(oneLine(event.title))}*`,
    escapeMrkdwn(formatDate(event.date)),
    formatCount(recap.topics.length, 'topic'),
  ];
  if (event.recordingUrl) parts.push(mrkdwnLink(event.recordingUrl, '▶ wrap-up recording'));
  return parts.join(' · ');
}

/**
 * `/hackathon topics` when the content holds several recaps: every recap, newest first, its topics as
 * lines, and a button per recap that opens its detailed list (with a Details button per topic).
 */
export function recapsOverviewView(
  recaps: readonly Recap[],
  topicsIntent: (recap: Recap) => string,
): SlackMessage {
  const shown = recaps.slice(0, MAX_RECAPS);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`${formatCount(recaps.length, 'hackathon recap')}`, 150) },
  ];
  shown.forEach((recap, i) => {
    blocks.push(
      { type: 'divider' },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(recapSummaryLine(recap), MAX_SECTION_TEXT) },
        accessory: {
          type: 'button',
          text: plainText('Topic details', 75),
          action_id: indexedAction(ACTION.page, i),
          value: topicsIntent(recap),
        },
      },
      ...compactTopicBlocks(recap),
    );
  });
  if (recaps.length > shown.length) {
    const rest = recaps.slice(shown.length).map((r) => escapeMrkdwn(formatDate(r.event.date)));
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(`Also: ${rest.join(' · ')}`, 2000) }],
    });
  }
  const text = `${formatCount(recaps.length, 'hackathon recap')}: ${shown.map((r) => escapeMrkdwn(oneLine(r.event.title))).join('; ')}`;
  return fitMessage({ text: truncate(text, 1000), blocks }, VIEW_MAX_BLOCKS);
}
