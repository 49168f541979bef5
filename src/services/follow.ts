/**
 * `/hackathon remind me [7d 1d | off]` and the follower pass. Slack is the only store: a follower is a DM
 * holding scheduled messages with a follow marker, so one paged `chat.scheduledMessages.list` over all
 * channels finds every follower at once, and several instances agree without sharing anything.
 */
import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import { IANAZone } from 'luxon';
import type { NextEvent } from '../content/model.js';
import type { BotContext } from '../context.js';
import type { Intent } from '../intent.js';
import {
  currentRequest,
  decideFollower,
  type FollowerMessage,
  type FollowRequest,
  followerDuplicates,
  groupByChannel,
  keeperPostAt,
  parseFollowMarker,
  planPersonalReminders,
} from '../reminders/personal.js';
import { type PlannedReminder, parseReminderMarker, type ReminderPlan } from '../reminders/plan.js';
import { deleteScheduledReminders, postAtSeconds, type ScheduledReminder } from '../reminders/reconcile.js';
import { describeError } from '../slack-errors.js';
import {
  followOffView,
  followUnavailableView,
  followView,
  keeperMessage,
  personalReminderMessage,
} from '../views/follow.js';
import type { TaskRequest } from './tasks.js';

/**
 * Followers reconciled at once. `chat.scheduleMessage` and `chat.deleteScheduledMessage` are tier 3
 * (about 50 a minute): a few in flight keep a pass short without bursting far past that, and the WebClient
 * waits out any 429's Retry-After before it retries.
 */
export const FOLLOWER_CONCURRENCY = 3;
const LIST_PAGE_SIZE = 100;

const NO_DATE: ReminderPlan = { due: [], later: [], past: [], status: 'no-date' };

/** Scheduled messages with a follow marker, in one DM or (without `channel`) in every conversation. */
export async function listFollowerMessages(client: WebClient, channel?: string): Promise<FollowerMessage[]> {
  const found: FollowerMessage[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.chat.scheduledMessages.list({
      limit: LIST_PAGE_SIZE,
      ...(channel ? { channel } : {}),
      ...(cursor ? { cursor } : {}),
    });
    for (const message of page.scheduled_messages ?? []) {
      const text = message.text ?? '';
      const follow = parseFollowMarker(text);
      const where = message.channel_id ?? channel;
      if (!follow || !message.id || message.post_at === undefined || !where) continue;
      const key = parseReminderMarker(text);
      found.push({
        id: message.id,
        channel: where,
        postAt: message.post_at,
        dateCreated: message.date_created ?? 0,
        follow,
        ...(key ? { key } : {}),
      });
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return found;
}

function asScheduled(messages: readonly FollowerMessage[]): ScheduledReminder[] {
  return messages.map((m) => ({ id: m.id, channel: m.channel, postAt: m.postAt, key: m.key ?? 'keeper' }));
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export interface FollowerOutcome {
  plan: ReminderPlan;
  /** Planned reminders now held by Slack (kept or scheduled). */
  held: PlannedReminder[];
  scheduled: number;
  kept: number;
  deleted: number;
  failed: PlannedReminder[];
  keeper: 'none' | 'kept' | 'scheduled' | 'failed';
  /** Deletions left for the next pass, because nothing new could be scheduled in their place. */
  deferred: number;
}

interface FollowerOptions {
  channel: string;
  messages: readonly FollowerMessage[];
  request: FollowRequest;
  event: NextEvent | undefined;
  now: Date;
  latest?: { title: string; recapUrl?: string };
  logger: Logger;
}

/**
 * One person's DM made equal to their request: schedule what is missing, then delete what is outdated.
 * New before old, so a failed schedule never leaves someone with nothing in Slack, which would forget them.
 */
export async function reconcileFollower(
  client: WebClient,
  options: FollowerOptions,
): Promise<FollowerOutcome> {
  const { channel, messages, request, event, now, latest, logger } = options;
  const plan = event ? planPersonalReminders(event, request, now) : NO_DATE;
  const decision = decideFollower(messages, request, plan, now);
  const keptKeys = new Set(decision.keep.map((m) => m.key));
  const outcome: FollowerOutcome = {
    plan,
    held: plan.due.filter((r) => keptKeys.has(r.key)),
    scheduled: 0,
    kept: decision.keep.length,
    deleted: 0,
    failed: [],
    keeper: decision.keep.some((m) => m.key === undefined) ? 'kept' : 'none',
    deferred: 0,
  };

  for (const reminder of decision.schedule) {
    if (!event) break;
    try {
      await client.chat.scheduleMessage({
        channel,
        post_at: postAtSeconds(reminder),
        ...personalReminderMessage(event, request, reminder, latest),
      });
      outcome.scheduled += 1;
      outcome.held.push(reminder);
    } catch (error) {
      outcome.failed.push(reminder);
      logger.warn(
        `Follow: could not schedule ${reminder.key} for ${reminder.localLabel} in ${channel} (${describeError(error)}); retrying on the next pass`,
      );
    }
  }
  if (decision.scheduleKeeper) {
    try {
      await client.chat.scheduleMessage({ channel, post_at: keeperPostAt(now), ...keeperMessage(request) });
      outcome.keeper = 'scheduled';
    } catch (error) {
      outcome.keeper = 'failed';
      logger.warn(`Follow: could not keep the request in ${channel} (${describeError(error)})`);
    }
  }
  outcome.held.sort((a, b) => a.postAt.getTime() - b.postAt.getTime());

  const wanted = decision.schedule.length + (decision.scheduleKeeper ? 1 : 0);
  const holds = outcome.kept + outcome.scheduled + (outcome.keeper === 'scheduled' ? 1 : 0);
  if (wanted > 0 && holds === 0) {
    outcome.deferred = decision.remove.length;
    return outcome;
  }
  outcome.deleted = (await deleteScheduledReminders(client, asScheduled(decision.remove), logger)).deleted;
  return outcome;
}

async function dropDuplicates(client: WebClient, logger: Logger, channel?: string): Promise<number> {
  try {
    const duplicates = followerDuplicates(await listFollowerMessages(client, channel));
    return (await deleteScheduledReminders(client, asScheduled(duplicates), logger)).deleted;
  } catch (error) {
    logger.warn(`Follow: could not check for duplicates (${describeError(error)}); the next pass will`);
    return 0;
  }
}

function latestRef(context: BotContext): { title: string; recapUrl?: string } | undefined {
  const latest = context.library().recaps[0]?.event;
  return latest
    ? { title: latest.title, ...(latest.recapUrl ? { recapUrl: latest.recapUrl } : {}) }
    : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The pass.

export interface FollowerPassSummary {
  followers: number;
  kept: number;
  scheduled: number;
  deleted: number;
  failed: number;
  deferred: number;
}

/**
 * Every follower's DM reminders against the current event: one paged listing, then only the followers
 * whose reminders differ from their plan cost any further call. Never throws.
 */
export async function followerPass(context: BotContext, client: WebClient): Promise<FollowerPassSummary> {
  const { logger } = context;
  const summary: FollowerPassSummary = {
    followers: 0,
    kept: 0,
    scheduled: 0,
    deleted: 0,
    failed: 0,
    deferred: 0,
  };
  let messages: FollowerMessage[];
  try {
    messages = await listFollowerMessages(client);
  } catch (error) {
    logger.warn(
      `Follow: could not list the scheduled messages (${describeError(error)}); trying again on the next pass`,
    );
    return summary;
  }
  const event = context.library().next;
  const now = context.clock();
  const latest = latestRef(context);
  const followers = [...groupByChannel(messages)];
  summary.followers = followers.length;
  await forEachLimited(followers, FOLLOWER_CONCURRENCY, async ([channel, held]) => {
    const request = currentRequest(held);
    if (!request) return;
    const outcome = await reconcileFollower(client, {
      channel,
      messages: held,
      request,
      event,
      now,
      latest,
      logger,
    });
    summary.kept += outcome.kept;
    summary.scheduled += outcome.scheduled + (outcome.keeper === 'scheduled' ? 1 : 0);
    summary.deleted += outcome.deleted;
    summary.failed += outcome.failed.length + (outcome.keeper === 'failed' ? 1 : 0);
    summary.deferred += outcome.deferred;
  });
  if (summary.scheduled > 0) summary.deleted += await dropDuplicates(client, logger);
  logger.info(
    `Follow: ${summary.followers} follower(s): kept ${summary.kept}, scheduled ${summary.scheduled}, deleted ${summary.deleted}, failed ${summary.failed}, deferred ${summary.deferred}`,
  );
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// `/hackathon remind me`.

/** The person's zone from their profile; the event's when Slack does not tell or names a zone we cannot use. */
async function personZone(
  client: WebClient,
  userId: string,
  fallback: string,
  logger: Logger,
): Promise<string> {
  try {
    const tz = (await client.users.info({ user: userId })).user?.tz;
    if (tz && IANAZone.isValidZone(tz)) return tz;
  } catch (error) {
    logger.warn(`Follow: could not look up the time zone of ${userId} (${describeError(error)})`);
  }
  return fallback;
}

export async function remindMe(
  intent: Extract<Intent, { kind: 'remind-me' }>,
  request: TaskRequest,
): Promise<void> {
  const { context, client, userId, reply } = request;
  const { logger } = context;
  let dm: string;
  let existing: FollowerMessage[];
  try {
    const opened = await client.conversations.open({ users: userId });
    dm = opened.channel?.id ?? '';
    if (!dm) throw new Error('Slack did not return the direct message channel');
    existing = await listFollowerMessages(client, dm);
  } catch (error) {
    await reply(followUnavailableView(describeError(error)));
    return;
  }

  if (intent.off) {
    const { deleted, failed } = await deleteScheduledReminders(client, asScheduled(existing), logger);
    logger.info(`Follow: ${userId} stopped their reminders (${deleted} removed, ${failed} failed)`);
    await reply(followOffView(deleted, failed));
    return;
  }

  const event = context.library().next;
  const zone = await personZone(client, userId, event?.timezone ?? 'UTC', logger);
  const wish: FollowRequest = intent.days ? { zone, days: intent.days } : { zone };
  const outcome = await reconcileFollower(client, {
    channel: dm,
    messages: existing,
    request: wish,
    event,
    now: context.clock(),
    latest: latestRef(context),
    logger,
  });
  if (outcome.scheduled > 0 || outcome.keeper === 'scheduled') await dropDuplicates(client, logger, dm);
  const holds = outcome.held.length > 0 || outcome.keeper === 'scheduled' || outcome.keeper === 'kept';
  const { plan } = outcome;
  logger.info(
    `Follow: ${userId} (${zone}) asked for reminders: kept ${outcome.kept}, scheduled ${outcome.scheduled}, deleted ${outcome.deleted}, failed ${outcome.failed.length}, keeper ${outcome.keeper}`,
  );
  await reply(
    followView({
      event,
      request: wish,
      scheduled: outcome.held,
      later: plan.later,
      failed: outcome.failed,
      kept: outcome.keeper === 'kept' || outcome.keeper === 'scheduled',
      allPast: plan.due.length === 0 && plan.later.length === 0,
      lost: !holds && (outcome.failed.length > 0 || outcome.keeper === 'failed'),
      checkHours: context.settings.reminderCheckHours,
    }),
  );
}
