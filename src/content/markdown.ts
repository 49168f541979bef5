import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { escapeMrkdwn } from '../slack-text.js';
import type { RichText } from './model.js';

/**
 * mdast → Slack mrkdwn and plain text. Recaps link generously; Slack shows links as `<url|label>`, and
 * relative links (images, sibling posts) only make sense against the published post, so they are
 * resolved against `baseUrl` when there is one and reduced to their label otherwise.
 */
export interface RenderOptions {
  baseUrl?: string;
  /** Where a root-relative link (`/docs/…`) points when the page's own address (`baseUrl`) is unknown. */
  siteUrl?: string;
  /** Plain text instead of mrkdwn: no markers, no escaping, links as their label. */
  plain?: boolean;
}

const STRAY_CLOCK = /\n\s*\d{1,2}:\d{2}\s*$/;

const commonMark = unified().use(remarkParse).freeze();
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();

/** What only GitHub-flavoured Markdown reads: tables, ~~strike~~, task lists, footnotes, bare URLs. */
const NEEDS_GFM = /^\s*\|.*\||~~|^\s*[-*+] \[[ xX]\]|\[\^|(?:^|[\s(])(?:https?:\/\/|www\.)/m;

/**
 * Markdown → mdast. The GFM extensions roughly double the parse time, which is most of the bot's start-up
 * for a recap, so they are only switched on for text that uses them.
 */
export function parseMarkdown(markdown: string): Root {
  return (NEEDS_GFM.test(markdown) ? gfm : commonMark).parse(markdown) as Root;
}

export function absoluteUrl(url: string, baseUrl?: string, siteUrl?: string): string | undefined {
  try {
    const rootRelative = url.startsWith('/') && !url.startsWith('//');
    const u = new URL(url, baseUrl ?? (rootRelative ? siteUrl : undefined));
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'mailto:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A bold/italic/strike marker only works in Slack next to a word boundary: pad where needed. */
function wrap(marker: string, inner: string, options: RenderOptions): string {
  if (options.plain) return inner;
  const trimmed = inner.trim();
  if (!trimmed) return inner;
  const lead = inner.slice(0, inner.length - inner.trimStart().length);
  const trail = inner.slice(inner.trimEnd().length);
  return `${lead}${marker}${trimmed}${marker}${trail}`;
}

function phrasing(nodes: readonly PhrasingContent[], options: RenderOptions): string {
  return nodes.map((n) => inline(n, options)).join('');
}

function inline(node: PhrasingContent, options: RenderOptions): string {
  switch (node.type) {
    case 'text': {
      // Soft line breaks inside a Markdown paragraph are spaces when rendered.
      // A stray clock time on its own line ("15:55") is a paste accident seen in real recaps.
      const value = node.value.replace(STRAY_CLOCK, '').replace(/\s*\n\s*/g, ' ');
      return options.plain ? value : escapeMrkdwn(value);
    }
    case 'strong':
      return wrap('*', phrasing(node.children, options).replace(/\*/g, ''), options);
    case 'emphasis':
      return wrap('_', phrasing(node.children, options).replace(/_/g, ' '), options);
    case 'delete':
      return wrap('~', phrasing(node.children, options), options);
    case 'inlineCode':
      return options.plain ? node.value : `\`${escapeMrkdwn(node.value.replace(/`/g, "'"))}\``;
    case 'break':
      return '\n';
    case 'link': {
      if (options.plain) return phrasing(node.children, options);
      const label = phrasing(node.children, options).replace(/[|]/g, '∣').trim();
      const url = absoluteUrl(node.url, options.baseUrl, options.siteUrl);
      if (!url) return label;
      return `<${url.replace(/[|>]/g, encodeURIComponent)}|${label || url}>`;
    }
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'html':
      return '';
    default:
      return 'children' in node ? phrasing(node.children as PhrasingContent[], options) : '';
  }
}

function listItems(
  node: Extract<RootContent, { type: 'list' }>,
  options: RenderOptions,
  depth: number,
): string {
  const start = node.start ?? 1;
  return node.children
    .map((item, i) => {
      const bullet = node.ordered ? `${start + i}.` : '•';
      const body = item.children.map((child) => block(child, options, depth + 1)).filter(Boolean);
      const [first = '', ...rest] = body;
      const indent = '    '.repeat(depth);
      return [`${indent}${bullet} ${first}`, ...rest].join('\n');
    })
    .join('\n');
}

function block(node: RootContent, options: RenderOptions, depth = 0): string {
  switch (node.type) {
    case 'paragraph':
      return phrasing(node.children, options).trim();
    case 'heading':
      return wrap('*', phrasing(node.children, options).replace(/\*/g, ''), options);
    case 'list':
      return listItems(node, options, depth);
    case 'code':
      return options.plain ? node.value : `\`\`\`\n${escapeMrkdwn(node.value)}\n\`\`\``;
    case 'blockquote':
      return node.children
        .map((c) => block(c, options, depth))
        .join('\n')
        .split('\n')
        .map((line) => (options.plain ? line : `> ${line}`))
        .join('\n');
    case 'table':
      return node.children
        .map((row) => row.children.map((cell) => phrasing(cell.children, options).trim()).join(' · '))
        .join('\n');
    case 'thematicBreak':
    case 'html':
    case 'definition':
    case 'footnoteDefinition':
      return '';
    default:
      return 'children' in node
        ? (node.children as RootContent[]).map((c) => block(c, options, depth)).join('\n')
        : '';
  }
}

export function toMrkdwn(nodes: readonly RootContent[], options: RenderOptions = {}): string {
  return nodes
    .map((n) => block(n, options))
    .filter((s) => s.trim() !== '')
    .join('\n\n');
}

export function toPlain(nodes: readonly RootContent[]): string {
  return toMrkdwn(nodes, { plain: true });
}

export function richText(nodes: readonly RootContent[], options: RenderOptions = {}): RichText {
  return { text: toPlain(nodes), mrkdwn: toMrkdwn(nodes, options) };
}
