/**
 * Carries out the reminders' reconcile in Slack, the only store: a reminder scheduled there still goes out
 * while the bot is down. Each pass lists what is scheduled, keeps what matches the plan, deletes the rest and
 * schedules what is missing; the decisions are the pure functions of `reminders/reconcile.ts`.
 */
import type { Logger } from '@slack/logger';
import type { ChatScheduledMessagesListResponse, WebClient } from '@slack/web-api';
import type { NextEvent } from '../content/model.js';
import { type PlannedReminder, planReminders } from '../reminders/plan.js';
import {
  decideReconcile,
  duplicateReminders,
  formatSummary,
  postAtSeconds,
  type ReconcileSummary,
  type ScheduledReminder,
} from '../reminders/reconcile.js';
import { parseReminderKey } from '../reminders/sentences.js';
import { PRIVATE_CHANNEL_HINT, withChannelAccess } from '../slack-channel-access.js';
import { describeError, slackErrorCode } from '../slack-errors.js';
import { collectPages } from '../slack-paging.js';
import type { SlackMessage } from '../views/message.js';

export interface ReconcileOptions {
  channel: string;
  event: NextEvent;
  now: Date;
  /** The message Slack posts for a reminder (a view; its text must carry the reminder's sentence). */
  message: (reminder: PlannedReminder) => SlackMessage;
  logger: Logger;
}

/** A page of scheduled messages: 100 keeps a page well inside Slack's response size. */
export const SCHEDULED_PAGE_SIZE = 100;

type ListedMessage = NonNullable<ChatScheduledMessagesListResponse['scheduled_messages']>[number];

/** Every message the bot has scheduled, in `channel` or (without it) in every conversation, across all pages. */
export async function listScheduledMessages(client: WebClient, channel?: string): Promise<ListedMessage[]> {
  return collectPages<ChatScheduledMessagesListResponse, ListedMessage>(
    client,
    'chat.scheduledMessages.list',
    { limit: SCHEDULED_PAGE_SIZE, ...(channel ? { channel } : {}) },
    (page) => page.scheduled_messages,
  );
}

/** Every reminder of the bot scheduled in `channel`, across all pages. */
export async function listScheduledReminders(
  client: WebClient,
  channel: string,
): Promise<ScheduledReminder[]> {
  const found: ScheduledReminder[] = [];
  for (const message of await listScheduledMessages(client, channel)) {
    const key = parseReminderKey(message.text ?? '');
    if (!key || !message.id || message.post_at === undefined) continue;
    found.push({ id: message.id, key, postAt: message.post_at, channel: message.channel_id ?? channel });
  }
  return found;
}

/**
 * Slack will not delete a scheduled message due within this many seconds: it answers
 * `invalid_scheduled_message_id`, as for one that is gone, and posts the message anyway.
 */
export const DELETE_CUTOFF_SECONDS = 60;
/** Room for our clock and Slack's to differ when telling "too late to stop" from "already gone". */
const CUTOFF_SKEW_SECONDS = 60;

type Deletion = 'deleted' | 'already-gone' | 'too-late' | 'failed';

export interface DeletionSummary {
  deleted: number;
  failed: number;
  /** Due so soon that Slack no longer lets them be deleted: they still go out. */
  tooLate: ScheduledReminder[];
}

async function deleteScheduled(
  client: WebClient,
  item: ScheduledReminder,
  options: { logger: Logger; now: Date },
): Promise<Deletion> {
  try {
    await client.chat.deleteScheduledMessage({ channel: item.channel, scheduled_message_id: item.id });
    return 'deleted';
  } catch (error) {
    if (slackErrorCode(error) === 'invalid_scheduled_message_id') {
      const secondsLeft = item.postAt - options.now.getTime() / 1000;
      if (secondsLeft <= DELETE_CUTOFF_SECONDS + CUTOFF_SKEW_SECONDS) {
        options.logger.info(
          `Reminders: ${item.key} (${item.id}) is due within a minute; Slack posts it and no longer deletes it`,
        );
        return 'too-late';
      }
      // Another instance, or someone cancelling, got there first: the outcome is the one wanted.
      return 'already-gone';
    }
    options.logger.warn(`Reminders: could not delete ${item.key} (${item.id}): ${describeError(error)}`);
    return 'failed';
  }
}

/** Deletes them one by one; says what this call deleted, what it could not, and what Slack posts anyway. */
export async function deleteScheduledReminders(
  client: WebClient,
  items: readonly ScheduledReminder[],
  options: { logger: Logger; now: Date },
): Promise<DeletionSummary> {
  const summary: DeletionSummary = { deleted: 0, failed: 0, tooLate: [] };
  for (const item of items) {
    const result = await deleteScheduled(client, item, options);
    if (result === 'deleted') summary.deleted += 1;
    if (result === 'failed') summary.failed += 1;
    if (result === 'too-late') summary.tooLate.push(item);
  }
  return summary;
}

/**
 * One pass: list, delete strays, schedule what is missing, then list again and drop duplicates another
 * instance may have scheduled at the same moment. Never throws: a failure is a line in the log and a
 * count in the summary, and the next pass tries again.
 */
export async function reconcileReminders(
  client: WebClient,
  options: ReconcileOptions,
): Promise<ReconcileSummary> {
  const { channel, event, now, message, logger } = options;
  const plan = planReminders(event, now);
  const summary: ReconcileSummary = {
    kept: 0,
    scheduled: 0,
    deleted: 0,
    later: plan.later.length,
    failed: 0,
  };
  const where = `<#${channel}>`;

  let existing: ScheduledReminder[];
  try {
    existing = await listScheduledReminders(client, channel);
  } catch (error) {
    summary.failed = plan.due.length;
    logger.warn(
      `Reminders: could not list the scheduled messages in ${where} (${describeError(error)}); trying again on the next pass`,
    );
    return summary;
  }

  const decision = decideReconcile(existing, plan);
  summary.kept = decision.keep.length;
  summary.deleted += (await deleteScheduledReminders(client, decision.remove, { logger, now })).deleted;

  for (const reminder of decision.schedule) {
    // ANNOUNCE_CHANNEL is often set before anyone invites the bot: a public channel is simply joined.
    const outcome = await withChannelAccess(client, channel, () =>
      client.chat.scheduleMessage({
        channel,
        post_at: postAtSeconds(reminder),
        ...message(reminder),
      }),
    );
    if (outcome.kind === 'ok') {
      summary.scheduled += 1;
      if (outcome.joined) logger.info(`Reminders: joined ${where} to schedule reminders there`);
      continue;
    }
    summary.failed += 1;
    const why = outcome.kind === 'private' ? PRIVATE_CHANNEL_HINT : outcome.error;
    logger.warn(
      `Reminders: could not schedule ${reminder.key} for ${reminder.localLabel} in ${where} (${why}); retrying on the next pass`,
    );
  }

  if (summary.scheduled > 0) {
    try {
      const duplicates = duplicateReminders(await listScheduledReminders(client, channel));
      summary.deleted += (await deleteScheduledReminders(client, duplicates, { logger, now })).deleted;
    } catch (error) {
      logger.warn(
        `Reminders: could not check ${where} for duplicates (${describeError(error)}); the next pass will`,
      );
    }
  }

  logger.info(`Reminders for ${event.start ?? 'an undated event'} in ${where}: ${formatSummary(summary)}`);
  return summary;
}
