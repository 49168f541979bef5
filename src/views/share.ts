/**
 * Answers to a command are ephemeral; "Share in channel" posts a visible copy. The private answer carries
 * the button, the visible copy drops everything that only makes sense to the person who asked.
 */
import type { KnownBlock } from '@slack/types';
import { USER_ID } from '../slack-ids.js';
import { ACTION } from './actions.js';
import { fitMessage, MAX_BLOCKS_MESSAGE, MAX_BUTTON_VALUE } from './limits.js';
import type { SlackMessage } from './message.js';

/** Blocks whose `block_id` starts with this exist only in the private answer. */
export const PRIVATE_BLOCK_PREFIX = 'private:';
const SHARE_ACTIONS_ID = `${PRIVATE_BLOCK_PREFIX}share`;
const SHARE_NOTE_ID = `${PRIVATE_BLOCK_PREFIX}share-note`;
/** Buttons that act on the private answer itself (paging and Back, numbered or not): pressed in a channel they would make no sense. */
const PRIVATE_ACTIONS: ReadonlySet<string> = new Set([ACTION.share, ACTION.page]);

function isPrivateBlock(block: KnownBlock): boolean {
  return block.block_id?.startsWith(PRIVATE_BLOCK_PREFIX) ?? false;
}

/**
 * `message` with a "Share in channel" button whose value is the intent text that re-renders the same
 * view, and a quiet note that only the reader sees it. Applying it twice keeps one button. A value Slack
 * cannot carry (empty or over 2,000 characters) would share something else, so then no button is added.
 */
export function withShareButton(message: SlackMessage, value: string): SlackMessage {
  const base = message.blocks.filter((b) => !isPrivateBlock(b));
  if (value.trim() === '' || value.length > MAX_BUTTON_VALUE) return { text: message.text, blocks: base };
  const fitted = fitMessage({ text: message.text, blocks: base }, MAX_BLOCKS_MESSAGE - 2);
  return {
    text: fitted.text,
    blocks: [
      ...fitted.blocks,
      {
        type: 'actions',
        block_id: SHARE_ACTIONS_ID,
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Share in channel', emoji: true },
            action_id: ACTION.share,
            value,
          },
        ],
      },
      {
        type: 'context',
        block_id: SHARE_NOTE_ID,
        elements: [{ type: 'mrkdwn', text: 'Only you can see this — share it to show the channel.' }],
      },
    ],
  };
}

/**
 * The copy posted in the channel: without the share and paging buttons or other private-only blocks,
 * with "Shared by @someone" at the end.
 */
export function asShared(message: SlackMessage, userId: string): SlackMessage {
  const blocks: KnownBlock[] = [];
  for (const block of message.blocks) {
    if (isPrivateBlock(block)) continue;
    if (block.type === 'actions') {
      const elements = block.elements.filter(
        (e) => !('action_id' in e && PRIVATE_ACTIONS.has((e.action_id ?? '').replace(/:\d+$/, ''))),
      );
      if (elements.length > 0) blocks.push({ ...block, elements });
      continue;
    }
    blocks.push(block);
  }
  const who = USER_ID.test(userId) ? `<@${userId}>` : 'someone';
  const fitted = fitMessage({ text: message.text, blocks }, MAX_BLOCKS_MESSAGE - 1);
  return {
    text: fitted.text,
    blocks: [...fitted.blocks, { type: 'context', elements: [{ type: 'mrkdwn', text: `Shared by ${who}` }] }],
  };
}
