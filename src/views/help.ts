/** What the bot understands, as data (for the manifest's usage hint and the docs) and as the help view. */
import type { KnownBlock } from '@slack/types';
import { oneLine } from './format.js';
import { fitMessage, MAX_HEADER_TEXT, MAX_SECTION_TEXT, splitMrkdwn, VIEW_MAX_BLOCKS } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, plainText } from './mrkdwn.js';

export type SubcommandGroup = 'find' | 'next' | 'reminders' | 'announce';

export interface Subcommand {
  /** What follows the command, with placeholders in `<…>` and options in `[…]`. */
  usage: string;
  /** What it does, in a few words. */
  description: string;
  /** Complete examples of what follows the command. */
  examples: string[];
  group: SubcommandGroup;
  /** Only announcers may use it. */
  announcers?: boolean;
}

export const SUBCOMMANDS: readonly Subcommand[] = [
  {
    usage: 'topics',
    description: 'every topic of the latest hackathon',
    examples: ['topics'],
    group: 'find',
  },
  {
    usage: 'topics <section or event>',
    description: 'the topics of one section or of another hackathon',
    examples: ['topics security', 'topics dec 2024'],
    group: 'find',
  },
  {
    usage: '<keyword…>',
    description: 'find a topic by words, GEP or pull request number',
    examples: ['wireguard', 'gep 32', '#12252'],
    group: 'find',
  },
  {
    usage: 'next',
    description: 'when and where the next hackathon takes place',
    examples: ['next', 'when is the next hackathon?'],
    group: 'next',
  },
  { usage: 'help', description: 'this overview', examples: ['help'], group: 'next' },
  {
    usage: 'remind me [7d 1d]',
    description: 'a direct message before the next hackathon (days before it, 120 at most)',
    examples: ['remind me', 'remind me 7d 1d'],
    group: 'reminders',
  },
  {
    usage: 'remind me off',
    description: 'no more reminders for you',
    examples: ['remind me off'],
    group: 'reminders',
  },
  {
    usage: 'subscribe',
    description: 'this channel gets each new recap once and the reminders before the next hackathon',
    examples: ['subscribe'],
    group: 'announce',
    announcers: true,
  },
  {
    usage: 'unsubscribe',
    description: 'this channel stops getting them; its scheduled reminders are removed',
    examples: ['unsubscribe'],
    group: 'announce',
    announcers: true,
  },
  {
    usage: 'announce [#channel]',
    description: "preview, then post the latest recap's highlights in a channel (topics in a thread)",
    examples: ['announce', 'announce #gardener'],
    group: 'announce',
    announcers: true,
  },
  {
    usage: 'reminders',
    description: 'the scheduled channel reminders',
    examples: ['reminders'],
    group: 'announce',
    announcers: true,
  },
  {
    usage: 'reminders cancel',
    description: 'cancel the scheduled channel reminders',
    examples: ['reminders cancel'],
    group: 'announce',
    announcers: true,
  },
];

const GROUP_TITLES: Record<SubcommandGroup, string> = {
  find: '🔎 *Find topics*',
  next: '📅 *The next hackathon*',
  reminders: '⏰ *Reminders for you*',
  announce: '📣 *For announcers*',
};

/** The slash command's usage hint for the app manifest: the common sub-commands, announcer ones left out. */
export function usageHint(): string {
  return SUBCOMMANDS.filter((c) => !c.announcers)
    .map((c) => c.usage)
    .join(' | ');
}

function line(command: string, sub: Subcommand): string {
  const examples = sub.examples
    .filter((e) => e !== sub.usage)
    .map((e) => `\`${command} ${escapeMrkdwn(e)}\``)
    .join(', ');
  const lock = sub.announcers ? '🔒 ' : '';
  return `• ${lock}\`${command} ${escapeMrkdwn(sub.usage)}\` — ${sub.description}${examples ? ` (e.g. ${examples})` : ''}`;
}

/** Every sub-command with an example, grouped; announcer-only ones marked with 🔒. */
export function helpView(command = '/hackathon'): SlackMessage {
  const cmd = escapeMrkdwn(oneLine(command)) || '/hackathon';
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(`What ${oneLine(command)} can do`, MAX_HEADER_TEXT) },
  ];
  for (const group of Object.keys(GROUP_TITLES) as SubcommandGroup[]) {
    const lines = SUBCOMMANDS.filter((c) => c.group === group).map((c) => line(cmd, c));
    if (lines.length === 0) continue;
    for (const chunk of splitMrkdwn([GROUP_TITLES[group], ...lines].join('\n'), MAX_SECTION_TEXT)) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk } });
    }
  }
  blocks.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `💬 *In a channel*\n• \`@hackathon-bot ${escapeMrkdwn('<keyword>')}\` — I answer in a thread (e.g. \`@hackathon-bot wireguard\`)`,
    },
  });
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: '🔒 only for announcers  ·  answers to commands are visible only to you' },
    ],
  });
  const text = `${cmd}: ${SUBCOMMANDS.map((c) => escapeMrkdwn(c.usage)).join(', ')}`;
  return fitMessage({ text, blocks }, VIEW_MAX_BLOCKS);
}
