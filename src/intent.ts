import { CHANNEL_MENTION } from './slack-ids.js';

/**
 * What a person asked for, from the text after `/hackathon` (or after an @-mention). Pure: the same text
 * always means the same intent, which is why buttons carry intent text and re-render views from it.
 */
export type Intent =
  | { kind: 'help' }
  | { kind: 'topics'; filter?: string; page: number }
  /** `back`: the intent text of the list the topic was opened from (its Back button). */
  | { kind: 'topic'; key: string; back?: string }
  | { kind: 'search'; query: string }
  | { kind: 'next' }
  | { kind: 'announce'; channel?: string }
  | { kind: 'reminders'; cancel: boolean }
  | { kind: 'remind-me'; off: boolean; days?: number[] }
  | { kind: 'subscribe' }
  | { kind: 'unsubscribe' };

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

function parseDays(tokens: string[]): number[] | undefined {
  const days = tokens
    .map((t) => /^(\d{1,3})\s*d(ays?)?$/i.exec(t)?.[1])
    .filter((d): d is string => d !== undefined);
  if (days.length === 0 || days.length !== tokens.length) return undefined;
  return [...new Set(days.map(Number))].sort((a, b) => b - a);
}

export function parseIntent(text: string): Intent {
  const clean = text.slice(0, MAX_TEXT).replace(/\s+/g, ' ').trim();
  const [first = '', ...rest] = words(clean);
  const head = first.toLowerCase();
  const tail = rest.join(' ');
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
    case 'announce': {
      const channel = CHANNEL_MENTION.exec(rest[0] ?? '')?.[1];
      return channel ? { kind: 'announce', channel } : { kind: 'announce' };
    }
    case 'reminders':
      return { kind: 'reminders', cancel: /^(cancel|off|clear|delete|remove)$/i.test(tail) };
    case 'remind': {
      const [me = '', ...args] = rest;
      if (me.toLowerCase() !== 'me') break;
      if (args.length === 1 && /^(off|stop|cancel|none)$/i.test(args[0] ?? ''))
        return { kind: 'remind-me', off: true };
      const days = parseDays(args);
      return days ? { kind: 'remind-me', off: false, days } : { kind: 'remind-me', off: false };
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
      return intent.channel ? `announce <#${intent.channel}>` : 'announce';
    case 'reminders':
      return intent.cancel ? 'reminders cancel' : 'reminders';
    case 'remind-me':
      return intent.off
        ? 'remind me off'
        : ['remind me', ...(intent.days ?? []).map((d) => `${d}d`)].join(' ');
  }
}
