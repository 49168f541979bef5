import { PUBLIC_OR_PRIVATE_CHANNEL_ID } from './slack-ids.js';
import type { ChannelMention } from './slack-text.js';

/**
 * What a person asked for, from the text after `/hackathon` (or after an @-mention), decoded from Slack's
 * escaping (`decodeSlackText`). Pure: the same text always means the same intent, which is why buttons
 * carry intent text and re-render views from it.
 */
export type Intent =
  | { kind: 'help' }
  | { kind: 'topics'; filter?: string; page: number }
  /** `back`: the intent text of the list the topic was opened from (its Back button). */
  | { kind: 'topic'; key: string; back?: string }
  | { kind: 'search'; query: string }
  | { kind: 'next' }
  | {
      kind: 'announce';
      /** The channel ID Slack resolved (`<#C123|name>`), or one typed as `#C123`. */
      channel?: string;
      /** What was typed where a channel belongs but Slack resolved none (`#no-such-channel`). */
      unknownChannel?: string;
    }
  | { kind: 'reminders'; cancel: boolean }
  | { kind: 'remind-me'; off: boolean; days?: number[]; problem?: RemindMeProblem }
  | { kind: 'subscribe' }
  | { kind: 'unsubscribe' };

/** Why `remind me …` cannot be done as asked: answered with the forms it takes. */
export type RemindMeProblem =
  | { kind: 'not-understood'; words: string }
  /** More days before the hackathon than Slack's scheduling window (`MAX_REMINDER_DAYS`). */
  | { kind: 'too-far'; days: number };

/** Slack schedules messages at most 120 days ahead, so no personal reminder is offered earlier than that. */
export const MAX_REMINDER_DAYS = 120;

/** Intents that only read content: answered from memory, and shareable into the channel. */
export type ReadIntent = Extract<Intent, { kind: 'help' | 'topics' | 'topic' | 'search' | 'next' }>;

export function isReadIntent(intent: Intent): intent is ReadIntent {
  return ['help', 'topics', 'topic', 'search', 'next'].includes(intent.kind);
}

/** Longest text we look at: Slack allows 4,000 characters, no query needs more than this. */
const MAX_TEXT = 500;

function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/**
 * A number of days or weeks before the hackathon: `7d`, `7 days`, `1 day`, `2w`, `2 weeks`. Weeks have a
 * digit less, so any span is at most four digits of days and reads back as `NNNNd`.
 */
const SPAN_SOURCE = String.raw`(?:(\d{1,4})\s*(?:d|days?)|(\d{1,3})\s*(?:w|weeks?))(?=\s|$)`;
const SPAN = new RegExp(SPAN_SOURCE, 'g');
const ONLY_SPANS = new RegExp(String.raw`^(?:\s*${SPAN_SOURCE})+\s*$`);

/** `7d 1d`, `7 days, 1 day and the first day`, `2w`: days before the hackathon, largest first; undefined for other words. */
function parseDays(words: string): number[] | undefined {
  const spans = words
    .toLowerCase()
    .replace(/\b(?:on )?(?:the )?first day\b/g, ' 0d ')
    .replace(/,|\band\b|\bbefore\b/g, ' ');
  if (!ONLY_SPANS.test(spans)) return undefined;
  const days = [...spans.matchAll(SPAN)].map((m) => (m[1] ? Number(m[1]) : Number(m[2]) * 7));
  return [...new Set(days)].sort((a, b) => b - a);
}

function remindMe(args: string): Intent {
  if (args === '') return { kind: 'remind-me', off: false };
  if (/^(off|stop|cancel|none)$/i.test(args)) return { kind: 'remind-me', off: true };
  const days = parseDays(args);
  if (!days) return { kind: 'remind-me', off: false, problem: { kind: 'not-understood', words: args } };
  const farthest = days[0] ?? 0;
  if (farthest > MAX_REMINDER_DAYS)
    return { kind: 'remind-me', off: false, problem: { kind: 'too-far', days: farthest } };
  return { kind: 'remind-me', off: false, days };
}

/**
 * `announce #general`: Slack sends a channel it resolved as `<#C123|general>` (decoded to `#general`
 * with the mention beside it) and one it could not as plain `#general`. An ID typed as `#C123` is taken
 * as is: channel names are lowercase, so it cannot be a name.
 */
function announce(word: string | undefined, channels: readonly ChannelMention[]): Intent {
  if (word === undefined) return { kind: 'announce' };
  const name = word.startsWith('#') ? word.slice(1) : undefined;
  const mentioned = name ? channels.find((c) => c.name === name || c.id === name) : undefined;
  if (mentioned) return { kind: 'announce', channel: mentioned.id };
  if (name && PUBLIC_OR_PRIVATE_CHANNEL_ID.test(name)) return { kind: 'announce', channel: name };
  return { kind: 'announce', unknownChannel: word };
}

/** Words a question about the next hackathon is made of, besides `next` itself. */
const NEXT_QUESTION_WORDS = new Set(
  'when whens is are will be it the a an next upcoming coming up one hackathon hackathons hack garden event date what whats where and'.split(
    ' ',
  ),
);

/** "when is the next one", "next hackathon?", "when's the next Hack The Garden": the `next` answer. */
function asksForNextHackathon(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[\s?!.,:;]+/)
    .filter(Boolean);
  return (
    words.some((w) => w === 'next' || w === 'upcoming') && words.every((w) => NEXT_QUESTION_WORDS.has(w))
  );
}

/**
 * `text` is what the person typed, decoded (see `decodeSlackText`); `mentions.channels` the channels Slack
 * resolved in it, which only `announce #channel` needs.
 */
export function parseIntent(text: string, mentions: { channels?: readonly ChannelMention[] } = {}): Intent {
  const clean = text.slice(0, MAX_TEXT).replace(/\s+/g, ' ').trim();
  const [first = '', ...rest] = words(clean);
  const head = first.toLowerCase();
  const tail = rest.join(' ');
  if (asksForNextHackathon(clean)) return { kind: 'next' };
  switch (head) {
    case '':
    case 'help':
    case '?':
    case '-h':
    case '--help':
      return { kind: 'help' };
    case 'topics':
    case 'topic':
    case 'list':
    case 'all': {
      if (head === 'topic') {
        // `topic 2025-06/wireguard from topics 2025-06 page 2`: opened from that list, which Back shows again.
        const opened = /^([\w.-]+\/[\w-]+)(?: from (topics\b.*))?$/.exec(tail);
        if (opened?.[1])
          return opened[2]
            ? { kind: 'topic', key: opened[1], back: opened[2] }
            : { kind: 'topic', key: opened[1] };
      }
      const paged = /^(.*?)\s*\bpage (\d{1,3})$/i.exec(tail);
      const filter = (paged ? paged[1] : tail)?.trim();
      const page = paged ? Math.max(1, Number(paged[2])) : 1;
      return filter ? { kind: 'topics', filter, page } : { kind: 'topics', page };
    }
    case 'next':
    case 'when':
      return tail ? { kind: 'search', query: clean } : { kind: 'next' };
    case 'announce':
      return announce(rest[0], mentions.channels ?? []);
    case 'reminders':
      return { kind: 'reminders', cancel: /^(cancel|off|clear|delete|remove)$/i.test(tail) };
    case 'remind': {
      const [me = '', ...args] = rest;
      if (me.toLowerCase() !== 'me') break;
      return remindMe(args.join(' '));
    }
    case 'subscribe':
      return { kind: 'subscribe' };
    case 'unsubscribe':
      return { kind: 'unsubscribe' };
  }
  return { kind: 'search', query: clean };
}

/** The text that parses back to `intent`: what buttons carry so a view can be rendered again. */
export function intentText(intent: Intent): string {
  switch (intent.kind) {
    case 'help':
    case 'next':
    case 'subscribe':
    case 'unsubscribe':
      return intent.kind;
    case 'topics':
      return ['topics', intent.filter, intent.page > 1 ? `page ${intent.page}` : undefined]
        .filter(Boolean)
        .join(' ');
    case 'topic':
      return intent.back ? `topic ${intent.key} from ${intent.back}` : `topic ${intent.key}`;
    case 'search':
      return intent.query;
    case 'announce':
      if (intent.channel) return `announce #${intent.channel}`;
      return intent.unknownChannel ? `announce ${intent.unknownChannel}` : 'announce';
    case 'reminders':
      return intent.cancel ? 'reminders cancel' : 'reminders';
    case 'remind-me':
      if (intent.off) return 'remind me off';
      if (intent.problem?.kind === 'not-understood') return `remind me ${intent.problem.words}`;
      if (intent.problem?.kind === 'too-far') return `remind me ${intent.problem.days}d`;
      return ['remind me', ...(intent.days ?? []).map((d) => `${d}d`)].join(' ');
  }
}
