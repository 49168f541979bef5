/**
 * Block Kit and mrkdwn → HTML, as plain string functions so they run the same in the page and in vitest.
 *
 * Everything that comes from a message is untrusted: the bot under test may echo user input, so every piece of
 * text goes through `escapeHtml` and every href/src through an allow-list before it reaches the markup.
 */
import { isRecord, type Rec } from '../../records.js';
import { parsePermalink } from '../../standin/permalinks.js';
import type { PlaygroundMessage } from './types.js';

/** Names the renderer can show instead of raw ids in mentions; all optional. */
export interface RenderContext {
  userNames?: Readonly<Record<string, string>>;
  channelNames?: Readonly<Record<string, string>>;
  /** The stand-in workspace's address: its permalinks lead to the message here, not to a Slack that isn't there. */
  workspaceUrl?: string;
}

export interface RenderMessageOptions extends RenderContext {
  /** IANA zone for the message time; the page leaves it unset (browser zone), tests pin it. */
  timeZone?: string;
  locale?: string;
  /** Messages shown inside the thread pane get no "Reply" / "View thread" controls. */
  inThread?: boolean;
  /** Keeps the "Block Kit JSON" toggle open across re-renders. */
  jsonOpen?: boolean;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => {
    switch (ch) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

/** Slack escapes only these three in message text; a single pass keeps `&amp;lt;` as the literal `&lt;`. */
function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_m, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : '>',
  );
}

/** A link target is used only when it cannot run script: http(s) and mailto, anything else stays text. */
export function safeHref(url: string): string | null {
  return /^(?:https?:\/\/|mailto:)/i.test(url) ? url : null;
}

function safeImageSrc(url: string): string | null {
  return /^https?:\/\//i.test(url) ? url : null;
}

const EMOJI: Readonly<Record<string, string>> = {
  '+1': '👍',
  '-1': '👎',
  '100': '💯',
  alarm_clock: '⏰',
  arrow_right: '➡️',
  books: '📚',
  bell: '🔔',
  bulb: '💡',
  busts_in_silhouette: '👥',
  bust_in_silhouette: '👤',
  calendar: '📆',
  clap: '👏',
  clock3: '🕒',
  computer: '💻',
  construction: '🚧',
  date: '📅',
  dart: '🎯',
  eyes: '👀',
  fire: '🔥',
  gardener: '🧑‍🌾',
  gear: '⚙️',
  globe_with_meridians: '🌐',
  hammer_and_wrench: '🛠️',
  handshake: '🤝',
  heart: '❤️',
  heavy_check_mark: '✔️',
  hourglass: '⌛',
  information_source: 'ℹ️',
  key: '🔑',
  link: '🔗',
  lock: '🔒',
  loudspeaker: '📢',
  mag: '🔍',
  mega: '📣',
  memo: '📝',
  movie_camera: '🎥',
  no_entry: '⛔',
  ok_hand: '👌',
  package: '📦',
  page_facing_up: '📄',
  pencil: '📝',
  point_right: '👉',
  pushpin: '📌',
  question: '❓',
  raised_hands: '🙌',
  robot_face: '🤖',
  rocket: '🚀',
  seedling: '🌱',
  slightly_smiling_face: '🙂',
  smile: '😄',
  sparkles: '✨',
  speech_balloon: '💬',
  spiral_calendar_pad: '🗓️',
  star: '⭐',
  tada: '🎉',
  thinking_face: '🤔',
  thumbsup: '👍',
  trophy: '🏆',
  tv: '📺',
  video_camera: '📹',
  warning: '⚠️',
  wave: '👋',
  white_check_mark: '✅',
  wrench: '🔧',
  x: '❌',
  zap: '⚡',
};

/** Works on already-escaped text: shortcodes contain no characters that escaping touches. */
function replaceEmoji(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) =>
    Object.hasOwn(EMOJI, name) ? EMOJI[name]! : whole,
  );
}

function plainToHtml(text: string, emoji = true): string {
  const escaped = escapeHtml(text);
  return (emoji ? replaceEmoji(escaped) : escaped).replace(/\r?\n/g, '<br>');
}

// ---------------------------------------------------------------------------------------------------------------
// mrkdwn

/*
 * Angle tokens and code spans are rendered first and parked behind private-use placeholders, so the emphasis
 * pass can wrap them (`*<https://x|bold link>*` is common) without ever seeing their markup. Private-use
 * characters in the input are replaced beforehand, so input can never forge a placeholder.
 */
const PH_OPEN = '\uE000';
const PH_CLOSE = '\uE001';
const PH_PATTERN = /\uE000(\d+)\uE001/g;

function mentionSpan(kind: string, label: string, title?: string): string {
  const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
  return `<span class="mention mention-${kind}"${titleAttr}>${escapeHtml(label)}</span>`;
}

function renderLink(url: string, labelHtml: string, ctx: RenderContext): string {
  const target = ctx.workspaceUrl ? parsePermalink(ctx.workspaceUrl, url) : undefined;
  if (target) {
    const thread = target.threadTs ? ` data-permalink-thread="${escapeHtml(target.threadTs)}"` : '';
    return `<a class="permalink" href="#channel/${encodeURIComponent(target.channel)}" data-permalink-channel="${escapeHtml(target.channel)}" data-permalink-ts="${escapeHtml(target.ts)}"${thread}>${labelHtml}</a>`;
  }
  const href = safeHref(url);
  if (!href) return `<span class="link-blocked">${labelHtml}</span>`;
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${labelHtml}</a>`;
}

/** `inner` is what sits between `<` and `>`, still carrying Slack's entity escapes. */
function renderAngleToken(inner: string, ctx: RenderContext): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : decodeSlackEntities(inner.slice(bar + 1));

  if (target.startsWith('@')) {
    const id = target.slice(1);
    return mentionSpan('user', `@${label ?? ctx.userNames?.[id] ?? id}`, id);
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return mentionSpan('channel', `#${label ?? ctx.channelNames?.[id] ?? id}`, id);
  }
  if (target.startsWith('!')) {
    const [command = '', arg] = target.slice(1).split('^');
    if (command === 'here' || command === 'channel' || command === 'everyone') {
      return mentionSpan('broadcast', `@${command}`);
    }
    if (command === 'subteam') return mentionSpan('group', label ?? `@${arg ?? 'group'}`);
    if (command === 'date') {
      const seconds = Number(arg);
      const iso = Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : undefined;
      const text = escapeHtml(label ?? arg ?? '');
      return iso
        ? `<time class="date" datetime="${iso}">${text}</time>`
        : `<span class="date">${text}</span>`;
    }
    return mentionSpan('special', label ?? `@${command}`);
  }
  const url = decodeSlackEntities(target).trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return renderLink(url, replaceEmoji(escapeHtml(label ?? url)), ctx);
  }
  // Not a Slack control sequence (e.g. a raw `<script>` the bot forgot to escape): show it literally.
  return escapeHtml(`<${decodeSlackEntities(inner)}>`);
}

const WORD = '\\p{L}\\p{N}_';
const EMPHASIS: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(`(?<![${WORD}*])\\*(?!\\s)([^*\\n]+?)(?<!\\s)\\*(?![${WORD}*])`, 'gu'), 'strong'],
  [new RegExp(`(?<![${WORD}])_(?!\\s)([^_\\n]+?)(?<!\\s)_(?![${WORD}])`, 'gu'), 'em'],
  [new RegExp(`(?<![${WORD}~])~(?!\\s)([^~\\n]+?)(?<!\\s)~(?![${WORD}~])`, 'gu'), 'del'],
];

/** One line of mrkdwn (no newlines) → HTML. */
function renderInline(line: string, ctx: RenderContext): string {
  const stash: string[] = [];
  const park = (html: string): string => {
    stash.push(html);
    return `${PH_OPEN}${stash.length - 1}${PH_CLOSE}`;
  };

  const source = line.replace(/[\uE000\uE001]/g, '\uFFFD');
  let rest = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '<') {
      const close = source.indexOf('>', i + 1);
      const inner = close === -1 ? '' : source.slice(i + 1, close);
      if (close !== -1 && inner.length > 0 && !inner.includes('<')) {
        rest += park(renderAngleToken(inner, ctx));
        i = close + 1;
        continue;
      }
    } else if (ch === '`') {
      const close = source.indexOf('`', i + 1);
      if (close > i + 1) {
        rest += park(`<code>${escapeHtml(decodeSlackEntities(source.slice(i + 1, close)))}</code>`);
        i = close + 1;
        continue;
      }
    }
    rest += ch;
    i += 1;
  }

  let html = replaceEmoji(escapeHtml(decodeSlackEntities(rest)));
  for (const [pattern, tag] of EMPHASIS) {
    html = html.replace(pattern, (_m, inner: string) => `<${tag}>${inner}</${tag}>`);
  }
  return html.replace(PH_PATTERN, (_m, index: string) => stash[Number(index)] ?? '');
}

const QUOTE_LINE = /^(?:>|&gt;)(?!>|&gt;) ?/;
const QUOTE_REST = /^(?:>>>|&gt;&gt;&gt;) ?/;

/** Lines outside code blocks: quotes are grouped into one blockquote, everything else is a `<br>`-separated line. */
function renderLines(segment: string, ctx: RenderContext): string {
  const out: string[] = [];
  let lines: string[] = [];
  let quote: string[] = [];
  const flushLines = (): void => {
    if (lines.length > 0) out.push(lines.join('<br>'));
    lines = [];
  };
  const flushQuote = (): void => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };

  const all = segment.split(/\r?\n/);
  for (let index = 0; index < all.length; index += 1) {
    const line = all[index]!;
    const restMarker = QUOTE_REST.exec(line);
    if (restMarker) {
      // Slack's `>>>` quotes everything after it, to the end of the text.
      flushLines();
      quote.push(
        ...[line.slice(restMarker[0].length), ...all.slice(index + 1)].map((l) => renderInline(l, ctx)),
      );
      break;
    }
    const marker = QUOTE_LINE.exec(line);
    if (marker) {
      flushLines();
      quote.push(renderInline(line.slice(marker[0].length), ctx));
    } else {
      flushQuote();
      lines.push(renderInline(line, ctx));
    }
  }
  flushLines();
  flushQuote();
  return out.join('');
}

/** Slack mrkdwn → HTML fragment; safe to assign to `innerHTML`. */
export function renderMrkdwn(text: string, ctx: RenderContext = {}): string {
  const out: string[] = [];
  const fence = /```([\s\S]*?)```/g;
  let last = 0;
  let afterFence = false;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    // A pre block is block-level already, so the newlines right around it would only add blank lines.
    let before = text.slice(last, match.index);
    if (afterFence) before = before.replace(/^\r?\n/, '');
    before = before.replace(/\r?\n$/, '');
    if (before) out.push(renderLines(before, ctx));
    const body = (match[1] ?? '').replace(/^\r?\n/, '').replace(/\r?\n$/, '');
    out.push(`<pre class="pre">${escapeHtml(decodeSlackEntities(body))}</pre>`);
    last = match.index + match[0].length;
    afterFence = true;
  }
  let tail = text.slice(last);
  if (afterFence) tail = tail.replace(/^\r?\n/, '');
  if (tail || !afterFence) out.push(renderLines(tail, ctx));
  return out.join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Block Kit

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function note(text: string): string {
  return `<div class="blk blk-unsupported">${escapeHtml(text)}</div>`;
}

/** A Block Kit text object (mrkdwn or plain_text) → HTML; anything else renders nothing. */
function renderText(value: unknown, ctx: RenderContext): string {
  if (!isRecord(value)) return '';
  const text = str(value.text);
  if (text === undefined) return '';
  if (value.type === 'mrkdwn') return renderMrkdwn(text, ctx);
  if (value.type === 'plain_text') return plainToHtml(text, value.emoji !== false);
  return '';
}

/** Text objects as plain strings, for attributes and option labels. */
function textOf(value: unknown): string {
  return isRecord(value) ? (str(value.text) ?? '') : '';
}

function dataAttrs(
  actionId: string | undefined,
  value: string | undefined,
  blockId: string | undefined,
): string {
  let attrs = '';
  if (actionId !== undefined) attrs += ` data-action-id="${escapeHtml(actionId)}"`;
  if (value !== undefined) attrs += ` data-value="${escapeHtml(value)}"`;
  if (blockId !== undefined) attrs += ` data-block-id="${escapeHtml(blockId)}"`;
  return attrs;
}

function confirmAttr(confirm: unknown): string {
  if (!isRecord(confirm)) return '';
  const message = [textOf(confirm.title), textOf(confirm.text)].filter(Boolean).join('\n\n');
  return message ? ` data-confirm="${escapeHtml(message)}"` : '';
}

function renderImageElement(el: Rec, className: string): string {
  const url = str(el.image_url);
  const alt = str(el.alt_text) ?? '';
  const src = url ? safeImageSrc(url) : null;
  if (!src) return `<span class="${className} img-missing">${escapeHtml(alt || 'image')}</span>`;
  return `<img class="${className}" src="${escapeHtml(src)}" alt="${escapeHtml(alt)}" loading="lazy" referrerpolicy="no-referrer">`;
}

function renderButton(el: Rec, blockId: string | undefined): string {
  const label = renderText(el.text, {}) || 'Button';
  const style = el.style === 'primary' || el.style === 'danger' ? ` btn-${el.style}` : '';
  const attrs =
    dataAttrs(str(el.action_id), str(el.value), blockId) +
    confirmAttr(el.confirm) +
    (str(el.accessibility_label) ? ` aria-label="${escapeHtml(str(el.accessibility_label)!)}"` : '');
  const url = str(el.url);
  const href = url ? safeHref(url) : null;
  if (href) {
    return `<a class="btn${style}" href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer"${attrs}>${label}<span class="btn-ext" aria-hidden="true"> ↗</span></a>`;
  }
  return `<button type="button" class="btn${style}"${attrs}>${label}</button>`;
}

function renderOverflow(el: Rec, blockId: string | undefined): string {
  const actionId = str(el.action_id);
  const items = list(el.options)
    .filter(isRecord)
    .map((option) => {
      const text = textOf(option.text);
      const url = str(option.url);
      const href = url ? safeHref(url) : null;
      const urlAttr = href ? ` data-url="${escapeHtml(href)}"` : '';
      return `<li><button type="button" class="overflow-option" data-kind="overflow"${dataAttrs(actionId, str(option.value), blockId)} data-option-text="${escapeHtml(text)}"${urlAttr}>${plainToHtml(text)}</button></li>`;
    })
    .join('');
  return `<details class="overflow"><summary class="btn btn-overflow" aria-label="More actions">⋯</summary><ul class="overflow-menu">${items}</ul></details>`;
}

function renderOption(option: Rec, selected: string | undefined): string {
  const value = str(option.value) ?? '';
  const isSelected = selected !== undefined && value === selected ? ' selected' : '';
  return `<option value="${escapeHtml(value)}"${isSelected}>${escapeHtml(textOf(option.text))}</option>`;
}

function renderStaticSelect(el: Rec, blockId: string | undefined): string {
  const placeholder = textOf(el.placeholder) || 'Select an option';
  const initial = isRecord(el.initial_option) ? str(el.initial_option.value) : undefined;
  const options = list(el.options)
    .filter(isRecord)
    .map((option) => renderOption(option, initial))
    .join('');
  const groups = list(el.option_groups)
    .filter(isRecord)
    .map(
      (group) =>
        `<optgroup label="${escapeHtml(textOf(group.label))}">${list(group.options)
          .filter(isRecord)
          .map((option) => renderOption(option, initial))
          .join('')}</optgroup>`,
    )
    .join('');
  const empty = `<option value=""${initial === undefined ? ' selected' : ''} disabled>${escapeHtml(placeholder)}</option>`;
  return `<select class="select" data-kind="static_select"${dataAttrs(str(el.action_id), undefined, blockId)} aria-label="${escapeHtml(placeholder)}">${empty}${options}${groups}</select>`;
}

/** Interactive and image elements, as they appear in actions blocks and section accessories. */
function renderElement(el: unknown, blockId: string | undefined): string {
  if (!isRecord(el)) return '';
  switch (el.type) {
    case 'button':
      return renderButton(el, blockId);
    case 'overflow':
      return renderOverflow(el, blockId);
    case 'static_select':
      return renderStaticSelect(el, blockId);
    case 'image':
      return renderImageElement(el, 'accessory-img');
    default: {
      const type = str(el.type) ?? 'element';
      const placeholder = textOf(el.placeholder);
      return `<span class="element-unsupported" title="Not interactive in the playground">${escapeHtml(placeholder || type)} <small>(${escapeHtml(type)})</small></span>`;
    }
  }
}

function renderSection(block: Rec, blockId: string | undefined, ctx: RenderContext): string {
  const text = renderText(block.text, ctx);
  const fields = list(block.fields)
    .map((field) => renderText(field, ctx))
    .filter(Boolean)
    .map((html) => `<div class="field">${html}</div>`)
    .join('');
  const accessory = block.accessory === undefined ? '' : renderElement(block.accessory, blockId);
  if (!text && !fields && !accessory) return note('Empty section block');
  return `<div class="blk blk-section"><div class="section-main">${text ? `<div class="mrkdwn">${text}</div>` : ''}${fields ? `<div class="fields">${fields}</div>` : ''}</div>${accessory ? `<div class="accessory">${accessory}</div>` : ''}</div>`;
}

function renderContext(block: Rec, ctx: RenderContext): string {
  const elements = list(block.elements)
    .map((el) => {
      if (!isRecord(el)) return '';
      if (el.type === 'image') return renderImageElement(el, 'context-img');
      const html = renderText(el, ctx);
      return html ? `<span class="context-text">${html}</span>` : '';
    })
    .filter(Boolean)
    .join('');
  return `<div class="blk blk-context">${elements}</div>`;
}

function renderImageBlock(block: Rec, ctx: RenderContext): string {
  const title = renderText(block.title, ctx);
  return `<figure class="blk blk-image">${title ? `<figcaption>${title}</figcaption>` : ''}${renderImageElement(block, 'block-img')}</figure>`;
}

function renderVideo(block: Rec, ctx: RenderContext): string {
  const title = renderText(block.title, ctx) || 'Video';
  const url = str(block.title_url) ?? str(block.video_url) ?? '';
  const thumb = str(block.thumbnail_url);
  const img = thumb
    ? renderImageElement({ image_url: thumb, alt_text: str(block.alt_text) ?? '' }, 'block-img')
    : '';
  return `<figure class="blk blk-video"><figcaption>${renderLink(url, title, ctx)}</figcaption>${img}</figure>`;
}

// rich_text ------------------------------------------------------------------------------------------------------

function styled(html: string, style: unknown): string {
  if (!isRecord(style)) return html;
  let out = html;
  if (style.code === true) out = `<code>${out}</code>`;
  if (style.bold === true) out = `<strong>${out}</strong>`;
  if (style.italic === true) out = `<em>${out}</em>`;
  if (style.strike === true) out = `<del>${out}</del>`;
  return out;
}

function emojiFromUnicode(unicode: string | undefined): string | undefined {
  if (!unicode || !/^[0-9a-f]{1,6}(?:-[0-9a-f]{1,6})*$/i.test(unicode)) return undefined;
  try {
    return String.fromCodePoint(...unicode.split('-').map((hex) => Number.parseInt(hex, 16)));
  } catch {
    return undefined;
  }
}

function renderRichInline(el: unknown, ctx: RenderContext): string {
  if (!isRecord(el)) return '';
  switch (el.type) {
    case 'text':
      return styled(plainToHtml(str(el.text) ?? '', false), el.style);
    case 'link': {
      const url = str(el.url) ?? '';
      return styled(renderLink(url, escapeHtml(str(el.text) ?? url), ctx), el.style);
    }
    case 'user': {
      const id = str(el.user_id) ?? '';
      return mentionSpan('user', `@${ctx.userNames?.[id] ?? id}`, id);
    }
    case 'channel': {
      const id = str(el.channel_id) ?? '';
      return mentionSpan('channel', `#${ctx.channelNames?.[id] ?? id}`, id);
    }
    case 'usergroup':
      return mentionSpan('group', `@${str(el.usergroup_id) ?? 'group'}`);
    case 'broadcast':
      return mentionSpan('broadcast', `@${str(el.range) ?? 'here'}`);
    case 'emoji': {
      const name = str(el.name) ?? '';
      return escapeHtml(emojiFromUnicode(str(el.unicode)) ?? EMOJI[name] ?? `:${name}:`);
    }
    case 'date': {
      const text = str(el.fallback) ?? String(el.timestamp ?? '');
      return `<span class="date">${escapeHtml(text)}</span>`;
    }
    default:
      return '';
  }
}

function renderRichInlines(elements: unknown, ctx: RenderContext): string {
  return list(elements)
    .map((el) => renderRichInline(el, ctx))
    .join('');
}

function renderRichElement(el: unknown, ctx: RenderContext): string {
  if (!isRecord(el)) return '';
  switch (el.type) {
    case 'rich_text_section':
      return `<div class="rt-section">${renderRichInlines(el.elements, ctx)}</div>`;
    case 'rich_text_preformatted':
      return `<pre class="pre">${renderRichInlines(el.elements, ctx)}</pre>`;
    case 'rich_text_quote':
      return `<blockquote>${renderRichInlines(el.elements, ctx)}</blockquote>`;
    case 'rich_text_list': {
      const tag = el.style === 'ordered' ? 'ol' : 'ul';
      const indent = typeof el.indent === 'number' ? Math.max(0, Math.min(6, Math.floor(el.indent))) : 0;
      const items = list(el.elements)
        .map((item) => (isRecord(item) ? `<li>${renderRichInlines(item.elements, ctx)}</li>` : ''))
        .join('');
      return `<${tag} class="rt-list rt-indent-${indent}">${items}</${tag}>`;
    }
    default:
      return '';
  }
}

// ---------------------------------------------------------------------------------------------------------------

function renderBlock(block: unknown, ctx: RenderContext): string {
  if (!isRecord(block)) return note('Unsupported block (not an object)');
  const blockId = str(block.block_id);
  switch (block.type) {
    case 'header':
      return `<div class="blk blk-header" role="heading" aria-level="3">${renderText(block.text, ctx)}</div>`;
    case 'section':
      return renderSection(block, blockId, ctx);
    case 'divider':
      return '<hr class="blk blk-divider">';
    case 'context':
      return renderContext(block, ctx);
    case 'image':
      return renderImageBlock(block, ctx);
    case 'actions':
      return `<div class="blk blk-actions">${list(block.elements)
        .map((el) => renderElement(el, blockId))
        .join('')}</div>`;
    case 'rich_text':
      return `<div class="blk blk-rich-text">${list(block.elements)
        .map((el) => renderRichElement(el, ctx))
        .join('')}</div>`;
    case 'video':
      return renderVideo(block, ctx);
    default: {
      const type = str(block.type);
      return note(type ? `Unsupported block: ${type}` : 'Unsupported block (no type)');
    }
  }
}

/** Block Kit blocks → HTML. Input is validated piece by piece, so malformed blocks become notes, never throws. */
export function renderBlocks(blocks: unknown[], ctx: RenderContext = {}): string {
  if (!Array.isArray(blocks)) return note('Blocks are not an array');
  return blocks
    .map((block) => {
      try {
        return renderBlock(block, ctx);
      } catch {
        return note('Block could not be rendered');
      }
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

/** Slack timestamps are "seconds.micros" strings. */
export function tsToDate(ts: string): Date | null {
  const seconds = Number(ts);
  return Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
}

export function formatTime(date: Date, options: { timeZone?: string; locale?: string } = {}): string {
  try {
    return new Intl.DateTimeFormat(options.locale, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: options.timeZone,
    }).format(date);
  } catch {
    return date.toISOString().slice(11, 16);
  }
}

function avatarColor(key: string): number {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return hash % 8;
}

/** Exactly what the app posted, as Slack would receive it. */
function messageJson(message: PlaygroundMessage): string {
  const payload =
    message.blocks === undefined ? { text: message.text } : { text: message.text, blocks: message.blocks };
  try {
    return JSON.stringify(payload, null, 2);
  } catch {
    return '(not serialisable)';
  }
}

export function renderMessage(message: PlaygroundMessage, options: RenderMessageOptions = {}): string {
  const author = message.isBot
    ? (message.userName ?? 'hackathon-bot')
    : (message.userName ?? message.user ?? 'Unknown user');
  const avatar = message.isBot
    ? '<div class="msg-avatar avatar-bot" aria-hidden="true">🤖</div>'
    : `<div class="msg-avatar avatar-c${avatarColor(message.user ?? author)}" aria-hidden="true">${escapeHtml(
        Array.from(author)[0]?.toUpperCase() ?? '?',
      )}</div>`;

  const date = tsToDate(message.ts);
  const time = date
    ? `<time class="msg-time" datetime="${date.toISOString()}">${escapeHtml(formatTime(date, options))}</time>`
    : '';

  const blocks = Array.isArray(message.blocks) && message.blocks.length > 0 ? message.blocks : undefined;
  const content = blocks
    ? renderBlocks(blocks, options)
    : `<div class="mrkdwn">${renderMrkdwn(message.text, options)}</div>`;

  const ephemeral = message.ephemeral
    ? '<div class="msg-ephemeral-note"><span aria-hidden="true">👁</span> Only visible to you</div>'
    : '';

  const isReply = message.threadTs !== undefined && message.threadTs !== message.ts;
  const replies = message.replyCount ?? 0;
  let thread = '';
  if (!options.inThread && !message.ephemeral && !isReply) {
    const ts = escapeHtml(message.ts);
    thread =
      replies > 0
        ? `<button type="button" class="msg-thread-link" data-open-thread="${ts}" data-channel="${escapeHtml(message.channel)}">${replies} ${replies === 1 ? 'reply' : 'replies'} · View thread</button>`
        : `<button type="button" class="msg-reply" data-open-thread="${ts}" data-channel="${escapeHtml(message.channel)}" aria-label="Reply in thread">Reply</button>`;
  }

  const id = escapeHtml(message.id);
  const json = `<details class="msg-json" data-json-for="${id}"${options.jsonOpen ? ' open' : ''}><summary>Block Kit JSON</summary><pre class="json"><code>${escapeHtml(messageJson(message))}</code></pre></details>`;

  const classes = ['msg', message.isBot ? 'msg-bot' : 'msg-user', message.ephemeral ? 'msg-ephemeral' : '']
    .filter(Boolean)
    .join(' ');
  const badge = message.isBot ? ' <span class="badge-app">APP</span>' : '';
  return `<article class="${classes}" data-message-id="${id}" data-channel="${escapeHtml(message.channel)}" data-ts="${escapeHtml(message.ts)}">${avatar}<div class="msg-body"><div class="msg-meta"><span class="msg-author">${escapeHtml(author)}</span>${badge} ${time}</div>${ephemeral}<div class="msg-content">${content}</div>${thread}${json}</div></article>`;
}

/** The scheduled-reminders list; times are shown in the viewer's zone unless `timeZone` pins one. */
export function renderScheduled(
  items: ReadonlyArray<{ id: string; channel: string; postAt: number; text: string }>,
  channels: ReadonlyArray<{ id: string; name: string; kind: string }>,
  options: RenderContext & { timeZone?: string; locale?: string } = {},
): string {
  if (items.length === 0) {
    return '<p class="empty">Nothing scheduled. Reminders the app schedules with chat.scheduleMessage show up here.</p>';
  }
  const rows = [...items]
    .sort((a, b) => a.postAt - b.postAt)
    .map((item) => {
      const date = new Date(item.postAt * 1000);
      const valid = Number.isFinite(date.getTime());
      let when = valid ? date.toISOString() : String(item.postAt);
      if (valid) {
        try {
          when = new Intl.DateTimeFormat(options.locale, {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: options.timeZone,
          }).format(date);
        } catch {
          // An unknown zone or locale falls back to the ISO time above.
        }
      }
      const channel = channels.find((c) => c.id === item.channel);
      const where = channel ? (channel.kind === 'im' ? channel.name : `#${channel.name}`) : item.channel;
      const time = valid
        ? `<time datetime="${date.toISOString()}">${escapeHtml(when)}</time>`
        : `<span>${escapeHtml(when)}</span>`;
      return `<li class="scheduled-item" data-scheduled-id="${escapeHtml(item.id)}"><div class="scheduled-meta">${time} <span class="scheduled-channel">${escapeHtml(where)}</span></div><div class="mrkdwn">${renderMrkdwn(item.text, options)}</div></li>`;
    })
    .join('');
  return `<ul class="scheduled-list">${rows}</ul>`;
}
