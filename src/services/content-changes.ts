/**
 * What the bot does in Slack when its content changes while it runs: a hackathon new to it is announced
 * (in ANNOUNCE_CHANNEL with AUTO_ANNOUNCE, and in every subscribed channel), and the reminders are
 * re-planned when the next event or the latest recap changed. Slack stays the only store: whether a
 * channel already has an announcement is read from its history by `autoAnnounce`, so two instances that
 * see the same change announce it once between them, and a restart announces nothing twice.
 */
import type { WebClient } from '@slack/web-api';
import type { Hackathon } from '../content/model.js';
import { newlyWrittenUp } from '../content/timing.js';
import type { BotContext, LibraryChange, LibraryHolder } from '../context.js';
import type { Library } from '../library.js';
import { describeError } from '../slack-errors.js';
import { autoAnnounce } from './announce.js';
import type { BackgroundJobs } from './background.js';
import { subscribedChannels } from './subscriptions.js';

/**
 * The hackathons in `current` that `previous` did not tell the topics of: new ones, and ones whose page went
 * up before its topics did. An edited recap, or a second recap of a hackathon already there, is not new.
 */
export function newHackathons(previous: Library, current: Library): Hackathon[] {
  return newlyWrittenUp(previous.hackathons, current.hackathons);
}

export interface NewHackathonsSummary {
  channels: number;
  announced: number;
  failed: number;
}

/** Announces `hackathons` once in ANNOUNCE_CHANNEL (with AUTO_ANNOUNCE) and in every subscribed channel. Never throws. */
export async function announceNewHackathons(
  context: BotContext,
  client: WebClient,
  hackathons: readonly Hackathon[],
): Promise<NewHackathonsSummary> {
  const { settings, logger, botUserId } = context;
  const summary: NewHackathonsSummary = { channels: 0, announced: 0, failed: 0 };
  const announceIn = async (channel: string) => {
    summary.channels += 1;
    try {
      const result = await autoAnnounce(client, { channel, hackathons, botUserId, logger });
      summary.announced += result.announced.length;
      summary.failed += result.failed.length;
    } catch (error) {
      summary.failed += hackathons.length;
      logger.warn(`New hackathons: <#${channel}> failed (${describeError(error)})`);
    }
  };
  if (settings.autoAnnounce && settings.announceChannel) await announceIn(settings.announceChannel);
  let channels: string[] = [];
  try {
    channels = await subscribedChannels(client, context);
  } catch (error) {
    logger.warn(`New hackathons: could not list the subscribed channels (${describeError(error)})`);
  }
  // ANNOUNCE_CHANNEL's announcing is AUTO_ANNOUNCE's, as in the subscription pass.
  for (const channel of channels) if (channel !== settings.announceChannel) await announceIn(channel);
  return summary;
}

export interface ContentChangeFollower {
  /** Resolves when every change seen so far has been acted on (tests await it). */
  idle(): Promise<void>;
  stop(): void;
}

/**
 * Acts on each library change, one change after the other (a second instance's copy of an announcement is
 * withdrawn by `autoAnnounce`, but one instance never races itself).
 */
export function followContentChanges(
  context: BotContext,
  client: WebClient,
  holder: LibraryHolder,
  jobs: Pick<BackgroundJobs, 'recheck'>,
): ContentChangeFollower {
  let queue: Promise<void> = Promise.resolve();
  const act = async (change: LibraryChange) => {
    const fresh = newHackathons(change.previous, change.current);
    const latestChanged = change.previous.writtenUp[0]?.id !== change.current.writtenUp[0]?.id;
    if (fresh.length > 0) {
      context.logger.info(`New hackathon(s) in the content: ${fresh.map((h) => h.id).join(', ')}`);
      const summary = await announceNewHackathons(context, client, fresh);
      context.logger.info(
        `New hackathons: announced ${summary.announced} time(s) in ${summary.channels} channel(s), failed ${summary.failed}`,
      );
    }
    // Reminders name the next event and link the latest recap.
    if (change.nextChanged || latestChanged) await jobs.recheck();
  };
  const stopFollowing = holder.onChange((change) => {
    queue = queue.then(() =>
      act(change).catch((error: unknown) =>
        context.logger.error(`Acting on new content failed: ${(error as Error).message}`),
      ),
    );
  });
  return {
    idle: () => queue,
    stop: stopFollowing,
  };
}
