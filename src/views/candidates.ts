/** "Several topics match": one line per candidate with a button that opens its card. */
import type { KnownBlock, SectionBlock } from '@slack/types';
import type { Hackathon, HackathonTopic as Topic } from '../content/model.js';
import { ACTION, indexedAction } from './actions.js';
import { oneLine } from './format.js';
import { hackathonLine, hackathonWhen } from './hackathon.js';
import {
  fitMessage,
  MAX_BUTTON_TEXT,
  MAX_BUTTON_VALUE,
  MAX_FALLBACK_TEXT,
  truncate,
  VIEW_MAX_BLOCKS,
} from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, plainText, quoteUserText } from './mrkdwn.js';

/** A choice is read at a glance: more than this many is a list, which `topics` already is. */
export const MAX_CHOICES = 10;
/** How much of a query is echoed back. */
export const QUERY_ECHO_MAX = 100;
const CHOICE_TITLE_MAX = 200;
const CHOICE_DESCRIPTION_MAX = 300;

/**
 * One section per topic, `*title*` over its description, with a button (`pick_topic:<i>`, value the topic
 * key) that opens the topic's card. Shared by the candidates and the not-found views.
 */
export function topicChoiceBlocks(
  topics: readonly Topic[],
  describe: ((t: Topic) => string) | undefined,
  buttonLabel: string,
): SectionBlock[] {
  return topics.slice(0, MAX_CHOICES).map((topic, i) => {
    const emoji = topic.emoji ? `${topic.emoji} ` : '';
    const title = truncate(oneLine(topic.title), CHOICE_TITLE_MAX) || 'Untitled topic';
    const description = describe ? truncate(oneLine(describe(topic)), CHOICE_DESCRIPTION_MAX) : '';
    const text = `${emoji}*${escapeMrkdwn(title)}*${description ? `\n${escapeMrkdwn(description)}` : ''}`;
    const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text } };
    if (topic.key && topic.key.length <= MAX_BUTTON_VALUE) {
      block.accessory = {
        type: 'button',
        text: plainText(buttonLabel, MAX_BUTTON_TEXT),
        action_id: indexedAction(ACTION.pickTopic, i),
        value: topic.key,
      };
    }
    return block;
  });
}

/**
 * The fallback lists the titles, so a notification or screen reader still names the choices. Slack
 * parses `text` as mrkdwn too, so `lead` comes escaped and titles are escaped here.
 */
export function choicesFallback(lead: string, topics: readonly Topic[]): string {
  const titles = topics
    .slice(0, MAX_CHOICES)
    .map((t) => escapeMrkdwn(oneLine(t.title)))
    .filter(Boolean);
  return truncate(
    titles.length > 0 ? `${lead}: ${titles.join(', ')}` : lead,
    Math.min(1000, MAX_FALLBACK_TEXT),
  );
}

/** Several topics match `query` about equally well: let the person pick one. */
export function candidatesView(query: string, topics: Topic[], describe: (t: Topic) => string): SlackMessage {
  const quoted = quoteUserText(query, QUERY_ECHO_MAX);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `Several topics match ${quoted}. Which one do you mean?` },
    },
    ...topicChoiceBlocks(topics, describe, 'Show'),
  ];
  if (topics.length > MAX_CHOICES) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `…and ${topics.length - MAX_CHOICES} more. Add a word to narrow it down.` },
      ],
    });
  }
  const lead = `Several topics match ${quoted}`;
  return fitMessage({ text: choicesFallback(lead, topics), blocks }, VIEW_MAX_BLOCKS);
}

/**
 * Words that fit several hackathons (`topics 2024`, `topics schelklingen`): one line per hackathon, each
 * named so they can be told apart, with a button that opens its topics. Nothing is picked silently.
 */
export function hackathonChoiceView(
  query: string,
  hackathons: readonly Hackathon[],
  topicsValue: (hackathon: Hackathon) => string,
  /** `YYYY-MM-DD`: a hackathon without topics then says whether it is to come. */
  today?: string,
): SlackMessage {
  const quoted = quoteUserText(query, QUERY_ECHO_MAX);
  const shown = hackathons.slice(0, MAX_CHOICES);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `${hackathons.length} hackathons fit ${quoted}. Which one do you mean?`,
      },
    },
    ...shown.map((hackathon, i): SectionBlock => {
      const line = escapeMrkdwn(truncate(hackathonLine(hackathon, today), CHOICE_TITLE_MAX));
      const when = hackathon.start ? `\n${escapeMrkdwn(hackathonWhen(hackathon))}` : '';
      const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: `*${line}*${when}` } };
      const value = topicsValue(hackathon);
      if (value.length <= MAX_BUTTON_VALUE) {
        block.accessory = {
          type: 'button',
          text: plainText('Topics', MAX_BUTTON_TEXT),
          action_id: indexedAction(ACTION.page, i),
          value,
        };
      }
      return block;
    }),
  ];
  if (hackathons.length > shown.length) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `…and ${hackathons.length - shown.length} more. Add a month or a year to narrow it down.`,
        },
      ],
    });
  }
  const names = shown.map((h) => escapeMrkdwn(oneLine(hackathonLine(h, today)))).join('; ');
  const text = truncate(
    `${hackathons.length} hackathons fit ${quoted}: ${names}`,
    Math.min(1000, MAX_FALLBACK_TEXT),
  );
  return fitMessage({ text, blocks }, VIEW_MAX_BLOCKS);
}
