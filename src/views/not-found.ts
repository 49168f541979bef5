/** Nothing matched: say so kindly, offer the closest topics, and show where to look instead. */
import type { KnownBlock } from '@slack/types';
import type { Hackathon, HackathonTopic as Topic } from '../content/model.js';
import { choicesFallback, QUERY_ECHO_MAX, topicChoiceBlocks } from './candidates.js';
import { oneLine } from './format.js';
import { hackathonCommandWords, hackathonShortName } from './hackathon.js';
import { fitMessage, MAX_SECTION_TEXT, truncate, VIEW_MAX_BLOCKS } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, quoteUserText } from './mrkdwn.js';

export interface NotFoundOptions {
  /** Describes a suggestion under its title (its hackathon and section). */
  describe?: (t: Topic) => string;
  /** The slash command named in the hint. */
  command?: string;
  /** The hackathons there are, named when the query looked for one (`topics dec 2023`). */
  hackathons?: readonly Hackathon[];
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
    ...hackathonHint(options.hackathons ?? [], command),
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

/** "Hackathons here: June 2025 · Schelklingen (`/hackathon topics jun 2025`) …": where to look instead. */
function hackathonHint(hackathons: readonly Hackathon[], command: string): KnownBlock[] {
  if (hackathons.length === 0) return [];
  const names = hackathons.slice(0, 8).map((hackathon) => {
    const name = escapeMrkdwn(oneLine(hackathonShortName(hackathon)));
    return `${name} (\`${command} topics ${escapeMrkdwn(hackathonCommandWords(hackathon))}\`)`;
  });
  const more = hackathons.length > 8 ? ` · and ${hackathons.length - 8} more in \`${command} topics\`` : '';
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: truncate(`Hackathons here: ${names.join(' · ')}${more}`, MAX_SECTION_TEXT),
      },
    },
  ];
}
