/**
 * Building Slack mrkdwn and plain_text safely. Slack parses `<…>` as links and mentions, so anything a
 * person typed, or a title the bot did not write, is escaped before it is placed in mrkdwn.
 */
import type { PlainTextElement } from '@slack/types';
import { escapeMrkdwn } from '../slack-text.js';
import { oneLine } from './format.js';
import { truncate } from './limits.js';

export { escapeMrkdwn };

/** Characters that would end or break `<url|label>`, percent-encoded as a browser would. */
function encodeUrl(url: string): string {
  return url.replace(/[\s<>|"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * `<url|label>` with the label escaped. A `|` in a label would read as a second separator and `>` would
 * end the link, so `|` becomes `∣` and `>` is escaped; an empty label shows the URL itself.
 */
export function mrkdwnLink(url: string, label: string): string {
  const target = escapeMrkdwn(encodeUrl(url.trim()));
  const words = escapeMrkdwn(oneLine(label).replace(/\|/g, '∣'));
  if (!target) return words;
  return words ? `<${target}|${words}>` : `<${target}>`;
}

/**
 * What someone typed, ready to echo inside mrkdwn: on one line, escaped, shortened to `max` characters
 * (quotes included) and quoted, as in `Nothing matches “wiregaurd”`.
 */
export function quoteUserText(text: string, max: number): string {
  return `“${truncate(escapeMrkdwn(oneLine(text)), Math.max(1, max - 2))}”`;
}

/**
 * A plain_text object that Slack accepts: shortened to `max`, never empty (Slack rejects empty text,
 * so `fallback` stands in).
 */
export function plainText(text: string, max: number, fallback = '–'): PlainTextElement {
  const shown = truncate(oneLine(text), max);
  return { type: 'plain_text', text: shown || truncate(fallback, max) || '–', emoji: true };
}

const SAFE_LINK = /^<(?:https?:\/\/|mailto:)[^<>\s|]*(?:\|[^<>]*)?>$/;

/**
 * Recap mrkdwn with everything but web links made inert. The loader writes links as `<url|label>`; a
 * recap that says `<!channel>` or `<@U123>` must not ping anyone when a topic is shown. Stray `<`, `>`
 * and `&` are escaped; existing `&amp;`, `&lt;`, `&gt;` are kept.
 */
export function sanitizeMrkdwn(mrkdwn: string): string {
  return mrkdwn.replace(/<[^<>\n]*>|&(?:amp|lt|gt);|[<>&]/g, (piece) => {
    if (piece.startsWith('<') && piece.length > 1) return SAFE_LINK.test(piece) ? piece : escapeMrkdwn(piece);
    return piece.length > 1 ? piece : escapeMrkdwn(piece);
  });
}
