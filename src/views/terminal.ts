/**
 * A readable rendering of a Block Kit message for a terminal (`preview --format text`): what a content
 * editor needs to check a recap, not a pixel copy of Slack. Slack's markup becomes plain text (links as
 * "label (url)"); bold and italics become ANSI styles when `ansi` is on, and vanish otherwise.
 */
import type { KnownBlock } from '@slack/types';
import { unescapeSlackText } from '../slack-text.js';
import type { SlackMessage } from './message.js';

export interface TerminalOptions {
  /** Bold and italics as ANSI escapes: only for a terminal, never for a file or a pipe. */
  ansi?: boolean;
}

const ANSI = { bold: ['\u001b[1m', '\u001b[22m'], italic: ['\u001b[3m', '\u001b[23m'] } as const;

/** `*bold*`, `_italic_`, `~strike~` as Slack reads them: the marks hug the text and stand at word edges. */
function markup(mark: string): RegExp {
  const m = `\\${mark}`;
  return new RegExp(`(^|[\\s(\\[{“"'>•·])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?=$|[\\s.,;:!?)\\]}”"'<·])`, 'gm');
}
const BOLD = markup('*');
const ITALIC = markup('_');
const STRIKE = markup('~');

function style(kind: keyof typeof ANSI, ansi: boolean) {
  return (_: string, before: string, text: string) =>
    ansi ? `${before}${ANSI[kind][0]}${text}${ANSI[kind][1]}` : `${before}${text}`;
}

export function mrkdwnToText(text: string, options: TerminalOptions = {}): string {
  const ansi = options.ansi ?? false;
  return unescapeSlackText(
    text
      .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, '$2 ($1)')
      .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
      .replace(/<@([A-Z0-9_]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `@${name || id}`)
      .replace(/<#([A-Z0-9_]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || id}`)
      .replace(
        /<!(\w+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g,
        (_, what: string, label?: string) => label || `@${what}`,
      )
      .replace(BOLD, style('bold', ansi))
      .replace(ITALIC, style('italic', ansi))
      .replace(STRIKE, '$1$2'),
  );
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

function blockText(block: KnownBlock, options: TerminalOptions): string {
  const mrkdwnToText = (text: string) => toText(text, options);
  switch (block.type) {
    case 'header':
      return options.ansi
        ? `\n${ANSI.bold[0]}${block.text.text}${ANSI.bold[1]}`
        : `\n== ${block.text.text} ==`;
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

const toText = mrkdwnToText;

export function messageToText(message: SlackMessage, options: TerminalOptions = {}): string {
  return [
    ...message.blocks.map((block) => blockText(block, options)),
    '',
    `(fallback text: ${toText(message.text, options)})`,
  ]
    .join('\n')
    .trim();
}
