/**
 * The stand-in's Block Kit validator: what Slack checks on every surface that takes blocks (messages through
 * the Web API, response_url posts, command acknowledgements, the Home tab), answered the way Slack answers.
 *
 * One rule goes beyond Slack: a message with blocks must carry a `text` fallback. Slack only recommends it
 * (notifications and screen readers show nothing without it); the project requires it, so the stand-in
 * refuses such a message with `no_text` and says why.
 */
import { isRecord } from '../records.js';
import { type BlockKitProblem, slackMessage } from './block-kit-check.js';
import { BLOCK_KIT_LIMITS, BlocksCheck } from './block-kit-rules.js';

export { type BlockKitProblem, slackMessage } from './block-kit-check.js';
export { BLOCK_KIT_LIMITS } from './block-kit-rules.js';

/** views.publish answers `view_too_large` beyond 250 kB of view JSON. */
export const MAX_VIEW_BYTES = 250 * 1024;

const FALLBACK_POINTER = '/text';
const FALLBACK_MESSAGE =
  'missing required field: text (Slack only recommends a fallback with blocks; this project requires one)';

/** A message as chat.postMessage, a response_url or a command acknowledgement takes it. */
export interface MessagePayload {
  text?: unknown;
  blocks?: unknown;
}

/** Every rule the message's blocks break, and the missing fallback text; empty when Slack would take it. */
export function messageProblems(message: MessagePayload): BlockKitProblem[] {
  const check = new BlocksCheck();
  if (message.blocks !== undefined) check.blocks('/blocks', message.blocks, BLOCK_KIT_LIMITS.messageBlocks);
  const hasBlocks = Array.isArray(message.blocks) && message.blocks.length > 0;
  if (hasBlocks && (typeof message.text !== 'string' || message.text.trim() === '')) {
    check.fail(FALLBACK_POINTER, FALLBACK_MESSAGE);
  }
  return check.problems;
}

/** Every rule a Home tab view breaks, pointed at as views.publish does (`/view/blocks/…`). */
export function homeViewProblems(view: unknown): BlockKitProblem[] {
  const check = new BlocksCheck();
  if (!check.object('/view', view)) return check.problems;
  if (check.required('/view', view, 'type')) check.oneOf('/view/type', view.type, ['home']);
  for (const [key, max] of [
    ['private_metadata', 3000],
    ['callback_id', 255],
    ['external_id', 255],
  ] as const) {
    check.optionalString(`/view/${key}`, view[key], { max, min: 0 });
  }
  if (check.required('/view', view, 'blocks'))
    check.blocks('/view/blocks', view.blocks, BLOCK_KIT_LIMITS.homeBlocks);
  return check.problems;
}

export function viewTooLarge(view: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(view)) > MAX_VIEW_BYTES;
}

/** Slack's answer to a message it refuses: the code, and each problem in `errors` and `response_metadata`. */
export type RefusedAnswer = {
  ok: false;
  error: string;
  errors: string[];
  response_metadata: { messages: string[] };
};

/**
 * `invalid_blocks` when any Slack rule is broken; `no_text` when only the project's fallback rule is.
 * Views take `invalid_arguments` instead, as views.publish answers.
 */
export function refusal(problems: readonly BlockKitProblem[], surface: 'message' | 'view'): RefusedAnswer {
  const onlyFallback = problems.every(
    (p) => p.pointer === FALLBACK_POINTER && p.message === FALLBACK_MESSAGE,
  );
  const error = surface === 'view' ? 'invalid_arguments' : onlyFallback ? 'no_text' : 'invalid_blocks';
  return {
    ok: false,
    error,
    errors: problems.map((p) => `${p.message} [json-pointer:${p.pointer}]`),
    response_metadata: { messages: problems.map(slackMessage) },
  };
}

/**
 * What Slack shows of a slash command's acknowledgement body: plain text as it is, JSON as a message.
 * Problems are empty for an empty body (Slack shows nothing) and for anything Slack would display.
 */
export function acknowledgementProblems(body: string): BlockKitProblem[] {
  if (body.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  if (!isRecord(parsed)) return [];
  return messageProblems(parsed);
}
