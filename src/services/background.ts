import type { WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';
import { type ReconcileSummary, reminderChannel } from '../reminders/reconcile.js';
import { type AutoAnnounceSummary, autoAnnounce } from './announce.js';
import { reconcileChannelReminders } from './channel-reminders.js';
import { personalRemindersPass } from './personal-reminders.js';
import { subscriptionPass } from './subscriptions.js';

export interface BackgroundJobs {
  /** The start-up passes; resolves when they are done (they never reject). */
  readonly started: Promise<void>;
  /** Runs the reminder passes again now, or right after the one in flight: the content changed. */
  recheck(): Promise<void>;
  stop(): void;
}

/** One reminder pass with the current content and clock; undefined when there is nothing to reconcile. */
export async function reminderPass(
  context: BotContext,
  client: WebClient,
): Promise<ReconcileSummary | undefined> {
  const library = context.library();
  const event = library.next;
  const channel = reminderChannel(context.settings, event);
  if (!event) return undefined;
  if (!channel) {
    if (event.start) {
      context.logger.warn(
        'Reminders: no channel to post them in; set ANNOUNCE_CHANNEL or `channel:` in next-hackathon.md',
      );
    }
    return undefined;
  }
  return reconcileChannelReminders(client, context, channel, event);
}

export async function autoAnnouncePass(
  context: BotContext,
  client: WebClient,
): Promise<AutoAnnounceSummary | undefined> {
  const { settings } = context;
  if (!settings.autoAnnounce) return undefined;
  if (!settings.announceChannel) {
    context.logger.warn('AUTO_ANNOUNCE is on but ANNOUNCE_CHANNEL is not set: nothing is announced');
    return undefined;
  }
  return autoAnnounce(client, {
    channel: settings.announceChannel,
    hackathons: context.library().hackathons,
    botUserId: context.botUserId,
    logger: context.logger,
  });
}

/**
 * Reminder reconciling (at start-up, then every REMINDER_CHECK_HOURS) and the auto-announcement (once at
 * start-up). Scheduled messages live in Slack, so a pass missed while the bot is down costs nothing; the
 * timer is unref'd so it never keeps the process alive on its own.
 */
export function startBackgroundJobs(context: BotContext, client: WebClient): BackgroundJobs {
  let stopped = false;
  let running: Promise<unknown> | undefined;
  let queued: Promise<void> | undefined;
  const guard = async <T>(name: string, job: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await job();
    } catch (error) {
      context.logger.error(`${name} failed: ${(error as Error).message}`);
      return undefined;
    }
  };
  // A slow pass must not overlap the next one: both would schedule, and both would have to clean up.
  const remind = async (): Promise<void> => {
    if (stopped || running) return;
    // One after the other: run together they would burst past the tier-3 limits the WebClient then waits out.
    running = guard('Reminder pass', () => reminderPass(context, client))
      .then(() => guard('Personal reminders pass', () => personalRemindersPass(context, client)))
      .then(() => guard('Subscription pass', () => subscriptionPass(context, client)));
    await running;
    running = undefined;
  };
  // A pass in flight may have read the content before it changed: one more follows it.
  const recheck = (): Promise<void> => {
    if (!running) return remind();
    queued ??= running.then(() => {
      queued = undefined;
      return remind();
    });
    return queued;
  };

  const started = Promise.all([
    remind(),
    guard('Auto-announce', () => autoAnnouncePass(context, client)),
  ]).then(() => undefined);
  const timer = setInterval(() => void remind(), context.settings.reminderCheckHours * 3_600_000);
  timer.unref();
  return {
    started,
    recheck,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
