/** Nothing matched: say so kindly, offer the closest topics, and show where to look instead. */
import type { KnownBlock } from '@slack/types';
import type { Recap, Topic } from '../content/model.js';
import { choicesFallback, QUERY_ECHO_MAX, topicChoiceBlocks } from './candidates.js';
import { formatDate, oneLine, recapCommandWords } from './format.js';
import { fitMessage, VIEW_MAX_BLOCKS } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, quoteUserText } from './mrkdwn.js';

export interface NotFoundOptions {
  /** Describes a suggestion under its title (e.g. section · event). */
  describe?: (t: Topic) => string;
  /** The slash command named in the hint. */
  command?: string;
  /** The recaps there are, named when the query looked for a recap (`topics dec 2023`). */
  recaps?: readonly Recap[];
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
    ...recapHint(options.recaps ?? [], command),
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

/** "Recaps here: June 17, 2025 (`/hackathon topics jun 2025`) …": where the person can look instead. */
function recapHint(recaps: readonly Recap[], command: string): KnownBlock[] {
  if (recaps.length === 0) return [];
  const names = recaps.slice(0, 8).map((recap) => {
    const words = recapCommandWords(recap.event.date);
    const date = escapeMrkdwn(formatDate(recap.event.date));
    return words ? `${date} (\`${command} topics ${escapeMrkdwn(words)}\`)` : date;
  });
  return [{ type: 'section', text: { type: 'mrkdwn', text: `Recaps here: ${names.join(' · ')}` } }];
}
