/**
 * What Slack sends an app for what a person typed. Slack escapes `&`, `<` and `>` as HTML entities, and turns
 * the channels and people its editor recognised into links: in a slash command with `should_escape: true`
 * as `<#C123|general>` and `<@U123|max>`, in a message as `<#C123|general>` and `<@U123>`. A `#name` or
 * `@name` Slack does not know stays plain text, exactly as typed.
 */
import { escapeMrkdwn } from '../slack-text.js';
import type { Workspace } from './workspace.js';

export type TypedSurface = 'command' | 'message';

export interface TypedTextOptions {
  /** Extra names that mean a user (`hackathon` for the bot), lower case. */
  aliases?: Readonly<Record<string, string>>;
}

// A sigil at the start or after a space or an opening bracket, then a Slack name.
const REFERENCE = /(^|[\s(])([#@])([a-z0-9][a-z0-9._-]*)/gi;

function channelId(workspace: Workspace, name: string): string | undefined {
  return workspace.channels().find((c) => !c.is_im && c.name.toLowerCase() === name)?.id;
}

function userId(workspace: Workspace, name: string, options: TypedTextOptions): string | undefined {
  return options.aliases?.[name] ?? workspace.users().find((u) => u.name.toLowerCase() === name)?.id;
}

/** A known name as Slack links it, trying without trailing punctuation (`@max.` at a sentence's end). */
function link(
  workspace: Workspace,
  sigil: string,
  raw: string,
  surface: TypedSurface,
  options: TypedTextOptions,
): string | undefined {
  for (let name = raw; name !== ''; name = name.slice(0, -1)) {
    const rest = raw.slice(name.length);
    const lower = name.toLowerCase();
    if (sigil === '#') {
      const id = channelId(workspace, lower);
      if (id) return `<#${id}|${lower}>${rest}`;
    } else {
      const id = userId(workspace, lower, options);
      const user = id ? workspace.user(id) : undefined;
      if (id) return `${surface === 'command' ? `<@${id}|${user?.name ?? lower}>` : `<@${id}>`}${rest}`;
    }
    if (!/[._-]$/.test(name)) return undefined;
  }
  return undefined;
}

/** `typed` as Slack delivers it to the app from a command (`surface: 'command'`) or a message. */
export function slackTypedText(
  typed: string,
  workspace: Workspace,
  surface: TypedSurface,
  options: TypedTextOptions = {},
): string {
  // The three characters Slack escapes in anything a person types.
  return escapeMrkdwn(typed).replace(
    REFERENCE,
    (_whole, before: string, sigil: string, name: string) =>
      `${before}${link(workspace, sigil, name, surface, options) ?? `${sigil}${name}`}`,
  );
}
