/**
 * What a person sees of a Slack message, for assertions: the text objects Slack renders (headers, sections,
 * fields, context, button labels, options), never ids, values or URLs hidden behind them.
 */
import type { Button } from '@slack/types';

type Node = Record<string, unknown>;

const TEXT_TYPES = new Set(['plain_text', 'mrkdwn', 'text']);

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

function walk(value: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (!isNode(value)) return;
  visit(value);
  for (const child of Object.values(value)) walk(child, visit);
}

/** The blocks of a message, a view (`{ view: { blocks } }`, as `views.publish` takes it) or a bare array. */
function blocksOf(message: unknown): unknown[] {
  if (Array.isArray(message)) return message;
  if (!isNode(message)) return [];
  if (Array.isArray(message.blocks)) return message.blocks;
  if (isNode(message.view) && Array.isArray(message.view.blocks)) return message.view.blocks;
  return [];
}

/**
 * The visible text of a message, one text object a line: its `text` (the notification, and what shows
 * where blocks cannot), then every text object in its blocks. Mrkdwn is kept as written (`*bold*`, `<#C1>`),
 * since that is what the tests spell out.
 */
export function visibleText(message: unknown): string {
  const texts: string[] = [];
  if (isNode(message) && typeof message.text === 'string') texts.push(message.text);
  walk(blocksOf(message), (node) => {
    if (typeof node.type === 'string' && TEXT_TYPES.has(node.type) && typeof node.text === 'string')
      texts.push(node.text);
  });
  return texts.join('\n');
}

/** Every button of a message as Slack has it (actions rows and accessories), for its action id, value or url. */
export function buttonsIn(message: unknown): Button[] {
  const found: Button[] = [];
  walk(blocksOf(message), (node) => {
    if (node.type === 'button') found.push(node as unknown as Button);
  });
  return found;
}

export interface VisibleButton {
  label: string;
  actionId?: string;
  value?: string;
  url?: string;
}

/** Every button in a message's blocks (actions rows and accessories), with its label as a person reads it. */
export function buttonsOf(message: unknown): VisibleButton[] {
  return buttonsIn(message).map((button) => ({
    label: typeof button.text?.text === 'string' ? button.text.text : '',
    ...(button.action_id !== undefined ? { actionId: button.action_id } : {}),
    ...(button.value !== undefined ? { value: button.value } : {}),
    ...(button.url !== undefined ? { url: button.url } : {}),
  }));
}
