import type { KnownBlock } from '@slack/types';
import type { SlackMessage } from './message.js';

/**
 * A readable rendering of a Block Kit message for a terminal (`preview --format text`): what a content
 * editor needs to check a recap, not a pixel copy of Slack.
 */
function mrkdwnToText(text: string): string {
  return text
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<@([A-Z0-9]+)(\|[^>]*)?>/g, '@$1')
    .replace(/<#([A-Z0-9]+)\|?([^>]*)>/g, (_, id: string, name: string) => `#${name || id}`)
    .replace(/<!(\w+)(\^[^|>]*)?(\|[^>]*)?>/g, '@$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function elementText(element: { type: string; text?: { text: string }; url?: string }): string {
  if (element.type === 'button') {
    const label = `[ ${element.text?.text ?? ''} ]`;
    return element.url ? `${label} → ${element.url}` : label;
  }
  if (element.type === 'image') return '[image]';
  return `[${element.type}]`;
}

function blockText(block: KnownBlock): string {
  switch (block.type) {
    case 'header':
      return `\n== ${block.text.text} ==`;
    case 'divider':
      return '  ------------------------------------------------------------';
    case 'section': {
      const parts = [block.text ? indent(mrkdwnToText(block.text.text)) : ''];
      for (const field of block.fields ?? []) parts.push(indent(mrkdwnToText(field.text), '  | '));
      if (block.accessory) parts.push(indent(elementText(block.accessory as { type: string }), '    '));
      return parts.filter(Boolean).join('\n');
    }
    case 'context':
      return indent(
        block.elements
          .map((e) => ('text' in e && typeof e.text === 'string' ? mrkdwnToText(e.text) : ''))
          .join('  ·  '),
        '  (',
      ).concat(')');
    case 'actions':
      return indent(block.elements.map((e) => elementText(e as { type: string })).join('\n'), '  ');
    case 'image':
      return `  [image: ${block.alt_text}]`;
    default:
      return `  [${block.type}]`;
  }
}

export function messageToText(message: SlackMessage): string {
  return [...message.blocks.map(blockText), '', `(fallback text: ${message.text})`].join('\n').trim();
}
