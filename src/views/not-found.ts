/** Nothing matched: say so kindly, offer the closest topics, and show where to look instead. */
import type { KnownBlock } from '@slack/types';
import type { Topic } from '../content/model.js';
import { choicesFallback, QUERY_ECHO_MAX, topicChoiceBlocks } from './candidates.js';
import { oneLine } from './format.js';
import { fitMessage, VIEW_MAX_BLOCKS } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, quoteUserText } from './mrkdwn.js';

export interface NotFoundOptions {
  /** Describes a suggestion under its title (e.g. section · event). */
  describe?: (t: Topic) => string;
  /** The slash command named in the hint. */
  command?: string;
}

/** "Nothing matches “query”", the closest topics as buttons, and a hint to `topics` and `help`. */
export function notFoundView(
  query: string,
  suggestions: Topic[],
  options: NotFoundOptions = {},
): SlackMessage {
  const command = escapeMrkdwn(oneLine(options.command ?? '/hackathon')) || '/hackathon';
  const quoted = quoteUserText(query, QUERY_ECHO_MAX);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `Nothing matches ${quoted}.${suggestions.length > 0 ? ' Did you mean one of these?' : ''}`,
      },
    },
    ...topicChoiceBlocks(suggestions, options.describe, 'Show'),
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `\`${command} topics\` lists every topic  ·  \`${command} help\` shows what I can do`,
        },
      ],
    },
  ];
  const lead = `Nothing matches ${quoted}`;
  const text = suggestions.length > 0 ? choicesFallback(`${lead}. Closest`, suggestions) : lead;
  return fitMessage({ text, blocks }, VIEW_MAX_BLOCKS);
}
