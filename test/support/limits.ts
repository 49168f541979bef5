/**
 * Whether a view keeps Slack's rules, as the Slack stand-in checks them (src/standin/block-kit.ts), plus the
 * bot's own stricter limits from src/views/limits.ts: a fallback text short enough for a notification, block
 * text inside the budget that keeps clear of `msg_blocks_too_long`, and action_ids unique across a message
 * (Slack only asks per block; the playground and the share button find a control by its action_id alone).
 */
import type { KnownBlock } from '@slack/types';
import { homeViewProblems, messageProblems, slackMessage } from '../../src/standin/block-kit.js';
import { BLOCK_TEXT_BUDGET, blockTextLength, MAX_FALLBACK_TEXT } from '../../src/views/limits.js';

type Loose = Record<string, unknown>;

function isLoose(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function duplicateActionIds(blocks: unknown[]): string[] {
  const seen = new Map<string, string>();
  const problems: string[] = [];
  blocks.forEach((block, i) => {
    if (!isLoose(block)) return;
    const elements = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory];
    for (const element of elements) {
      if (!isLoose(element) || typeof element.action_id !== 'string') continue;
      const first = seen.get(element.action_id);
      if (first !== undefined)
        problems.push(`block ${i}: duplicate action_id "${element.action_id}" (also ${first})`);
      else seen.set(element.action_id, `block ${i}`);
    }
  });
  return problems;
}

/** Every way `view` breaks Slack's rules or the bot's own limits, one readable line each; empty when fine. */
export function limitProblems(view: unknown): string[] {
  if (!isLoose(view)) return ['the view is not an object'];
  const home = view.type === 'home';
  const problems = (home ? homeViewProblems(view) : messageProblems(view)).map(slackMessage);
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  problems.push(...duplicateActionIds(blocks));
  if (home) return problems;
  if (typeof view.text !== 'string' || view.text.trim() === '')
    problems.push('message: missing or empty text');
  else if (view.text.length > MAX_FALLBACK_TEXT) {
    problems.push(`message: text of ${view.text.length} characters exceeds ${MAX_FALLBACK_TEXT}`);
  }
  const length = blockTextLength(blocks as KnownBlock[]);
  if (length > BLOCK_TEXT_BUDGET) {
    problems.push(`message: ${length} characters of block text exceed the budget of ${BLOCK_TEXT_BUDGET}`);
  }
  return problems;
}
