import type { KnownBlock } from '@slack/types';
import type { Library } from '../library.js';
import { hackathonCommandWords, hackathonShortName } from './hackathon.js';
import { latestRef } from './latest-recap.js';
import { MAX_BLOCKS_HOME, MAX_SECTION_TEXT, splitMrkdwn, truncate } from './limits.js';
import type { HomeView } from './message.js';
import { escapeMrkdwn, plainText } from './mrkdwn.js';
import { nextEventBlocks } from './next-event.js';
import { compactTopicBlocks, hackathonSummaryLine } from './overview.js';

/** Sub-commands worth a line on the Home tab; `/hackathon help` has them all. */
const HOW_TO = [
  ['/hackathon topics', 'every hackathon, newest first, and what was built at each'],
  ['/hackathon wireguard', 'one topic: summary, presentation video, pull requests'],
  ['/hackathon next', 'when and where the next hackathon is, with an Add to calendar link'],
  ['/hackathon help', 'every command, with examples'],
  ['@hackathon-bot <keyword>', 'the same answers in a channel thread'],
] as const;

function header(text: string): KnownBlock {
  return { type: 'header', text: plainText(text, 150) };
}

function sectionText(mrkdwn: string): KnownBlock[] {
  return splitMrkdwn(mrkdwn, MAX_SECTION_TEXT).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
}

/**
 * The App Home tab: the latest hackathon with its merged topics (never a page still without topics), the next
 * hackathon (from the event file, or a wrap-up page published ahead), and how to use the bot.
 * Home tabs allow 100 blocks; the topics take one block per section, so even a large hackathon leaves room.
 */
export function homeView(library: Library, now: Date): HomeView {
  const latest = library.latest;
  const blocks: KnownBlock[] = [
    header('🌱 Hack The Garden'),
    ...sectionText(hackathonSummaryLine(latest)),
    { type: 'divider' },
    ...compactTopicBlocks(latest),
    { type: 'divider' },
    ...nextEventBlocks(library.next, now, latestRef(library.past(now), now), library.coming(now)),
    { type: 'divider' },
    header('How to use hackathon-bot'),
    ...sectionText(HOW_TO.map(([command, what]) => `\`${command}\` — ${what}`).join('\n')),
  ];
  // Hackathons with topics to look at: a page still waiting for its topics is in `next` instead.
  const earlier = library.writtenUp.filter((h) => h !== latest).slice(0, 5);
  if (earlier.length > 0) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: truncate(
            `Earlier hackathons: ${earlier.map((h) => escapeMrkdwn(hackathonShortName(h))).join(' · ')} — try \`/hackathon topics ${escapeMrkdwn(hackathonCommandWords(earlier[0]!))}\``,
            3000,
          ),
        },
      ],
    });
  }
  if (blocks.length > MAX_BLOCKS_HOME) {
    const kept = blocks.slice(0, MAX_BLOCKS_HOME - 1);
    kept.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'More in `/hackathon topics`.' }] });
    return { type: 'home', blocks: kept };
  }
  return { type: 'home', blocks };
}
