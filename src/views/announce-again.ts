/**
 * What `/hackathon announce #channel` adds to the preview: that a channel Slack could not resolve is
 * unknown, and that the recap is already in the channel, with a link to the earlier announcement and a
 * second question on Post.
 */
import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { ACTION } from './actions.js';
import type { SlackMessage } from './message.js';
import { mrkdwnLink, plainText, quoteUserText } from './mrkdwn.js';
import { textMessage } from './text-message.js';

/** `announce #no-such-channel`: Slack sent the name as typed because it knows no such channel. */
export function unknownChannelMessage(typed: string): SlackMessage {
  const name = quoteUserText(typed, 100);
  return textMessage(
    `I don't know the channel ${name}, so nothing was posted. Pick it from the list Slack offers as you type \`#\` (\`/hackathon announce #channel\`), or leave it out to use the announcement channel.`,
  );
}

export interface EarlierAnnouncement {
  channel: string;
  /** From `chat.getPermalink`; without it the preview still warns, just without a link. */
  permalink?: string;
}

function postAgain(button: Button): Button {
  return {
    ...button,
    confirm: {
      title: plainText('Post it again?', 100),
      text: plainText(
        'This recap was already announced in that channel. Posting puts a second copy there, with its thread.',
        300,
      ),
      confirm: plainText('Post again', 30),
      deny: plainText('Cancel', 30),
    },
  };
}

/** The preview, warning that the recap is already in the channel, and with Post asking once more. */
export function withEarlierAnnouncement(preview: SlackMessage, earlier: EarlierAnnouncement): SlackMessage {
  const where = `<#${earlier.channel}>`;
  const link = earlier.permalink ? `: ${mrkdwnLink(earlier.permalink, 'the earlier announcement')}` : '';
  const warning = `⚠️ This recap was already announced in ${where}${link}. *Post* asks once more before posting it again.`;
  const blocks = preview.blocks.map((block): KnownBlock => {
    if (block.type !== 'actions') return block;
    const elements = block.elements.map((element) =>
      element.type === 'button' && element.action_id === ACTION.announcePost ? postAgain(element) : element,
    );
    return { ...block, elements } as ActionsBlock;
  });
  const [first, ...rest] = blocks;
  return {
    text: `${preview.text} (already announced in ${where})`,
    blocks: [
      ...(first ? [first] : []),
      { type: 'section', text: { type: 'mrkdwn', text: warning } },
      ...rest,
    ],
  };
}
