/** Replies that are a few lines of mrkdwn, with an optional quiet note below: most task replies. */
import type { KnownBlock } from '@slack/types';
import { MAX_FALLBACK_TEXT, MAX_SECTION_TEXT, splitMrkdwn, truncate } from './limits.js';
import type { SlackMessage } from './message.js';

/** `body` as sections (split at Slack's 3,000 characters), `note` as context; the body is the fallback text. */
export function textMessage(body: string, options: { note?: string; text?: string } = {}): SlackMessage {
  const blocks: KnownBlock[] = splitMrkdwn(body, MAX_SECTION_TEXT).map(
    (chunk): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }),
  );
  if (options.note) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(options.note, MAX_SECTION_TEXT) }],
    });
  }
  return { text: truncate(options.text ?? body, MAX_FALLBACK_TEXT), blocks };
}

export function somethingWentWrongMessage(): SlackMessage {
  return textMessage('Sorry, something went wrong on my side. Please try again in a moment.');
}
