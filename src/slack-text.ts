/**
 * Text as Slack carries it, both ways. Slack sends what a person typed HTML-escaped (`R&D` arrives as
 * `R&amp;D`, a typed `<!channel>` as `&lt;!channel&gt;`), and with `should_escape` it turns channels,
 * people and links into `<#C123|name>`, `<@U123|name>`, `<https://…|label>`. `decodeSlackText` undoes that
 * once, where a request comes in; `escapeMrkdwn` escapes once, where text goes into mrkdwn (and where the
 * playground and the tests type as Slack sends).
 */

/** A channel the person named and Slack resolved: `<#C123|general>`. */
export interface ChannelMention {
  id: string;
  /** The name Slack put in the mention; empty when it gave none (`<#C123>`, `<#C123|>`). */
  name: string;
}

/** What a person typed, as they see it (`#general`, `@max`, `R&D`), and the channels Slack resolved in it. */
export interface SlackInput {
  text: string;
  channels: ChannelMention[];
}

/** Slack's escaping: only these three characters, so `<!channel>`, `<@U123>` or `<url|label>` typed by someone show as text. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The reverse of `escapeMrkdwn`; `&amp;` last, so `&amp;lt;` becomes `&lt;` and not `<`. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** One `<…>` entity as a person would read it. */
function readEntity(inner: string, channels: ChannelMention[], dropUser?: string): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? '' : unescapeSlackText(inner.slice(bar + 1));
  if (target.startsWith('#')) {
    const id = target.slice(1);
    channels.push({ id, name: label });
    return `#${label || id}`;
  }
  if (target.startsWith('@')) {
    if (dropUser && target.slice(1) === dropUser) return ' ';
    return `@${label || target.slice(1)}`;
  }
  if (target.startsWith('!')) {
    // `<!here>`, `<!subteam^S123|@team>`, `<!date^1392734382^{date}|Feb 18, 2014>`: the label when given.
    if (label) return label.startsWith('@') || target.startsWith('!date') ? label : `@${label}`;
    return `@${target.slice(1).split('^')[0]}`;
  }
  // A link: what the person typed is the label (`github.com/x` for `<http://github.com/x|github.com/x>`).
  return label || unescapeSlackText(target);
}

/**
 * What a person typed, from the text Slack sent: entities become what Slack shows (`#general`, `@max`,
 * the link's text) and `&amp;`, `&lt;`, `&gt;` the characters typed. A raw `<` can only start an entity,
 * since a typed one arrives escaped. `dropUser` removes a mention of that user (the bot's own @-mention).
 */
export function decodeSlackText(wire: string, options: { dropUser?: string } = {}): SlackInput {
  const channels: ChannelMention[] = [];
  let text = '';
  let at = 0;
  for (const match of wire.matchAll(/<([^<>]*)>/g)) {
    text += unescapeSlackText(wire.slice(at, match.index));
    text += readEntity(match[1] ?? '', channels, options.dropUser);
    at = match.index + match[0].length;
  }
  text += unescapeSlackText(wire.slice(at));
  return { text, channels };
}
