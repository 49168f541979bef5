/**
 * `/hackathon remind me [7d 1d | off]` and the pass over everyone's personal reminders. Slack is the only
 * store: a person who asked is a DM holding scheduled messages whose text carries their request, so one
 * paged `chat.scheduledMessages.list` over all channels finds everyone at once, and several instances agree
 * without sharing anything.
 */
import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import { IANAZone } from 'luxon';
import pLimit from 'p-limit';
import type { NextEvent } from '../content/model.js';
import type { BotContext } from '../context.js';
import type { Intent } from '../intent.js';
import {
  asScheduled,
  currentRequest,
  decidePersonalReminders,
  groupByChannel,
  type PersonalMessage,
  type PersonalRequest,
  personalDuplicates,
  planPersonalReminders,
  requestNotePostAt,
} from '../reminders/personal.js';
import type { PlannedReminder, ReminderPlan } from '../reminders/plan.js';
import { postAtSeconds } from '../reminders/reconcile.js';
import { parseReminderKey, parseRequestSentence, readReminderKey } from '../reminders/sentences.js';
import { describeError } from '../slack-errors.js';
import type { LatestRecapRef } from '../views/latest-recap.js';
import {
  personalReminderMessage,
  remindMeHelpView,
  remindMeOffView,
  remindMeUnavailableView,
  remindMeView,
  requestNoteMessage,
} from '../views/personal-reminders.js';
import { formatCount } from '../words.js';
import { latestRecapRef } from './latest-recap.js';
import {
  type DeletionSummary,
  deleteScheduledReminders,
  listScheduledMessages,
} from './scheduled-reminders.js';
import type { TaskRequest } from './task-request.js';

/**
 * People whose reminders are reconciled at once. `chat.scheduleMessage` and `chat.deleteScheduledMessage`
 * are tier 3 (about 50 a minute): a few in flight keep a pass short without bursting far past that, and the
 * WebClient waits out any 429's Retry-After before it retries.
 */
export const PERSONAL_REMINDERS_CONCURRENCY = 3;

const NO_DATE: ReminderPlan = { due: [], later: [], past: [], status: 'no-date' };
const DEFAULT_REMIND_AT = '09:00';

/** Scheduled messages carrying a request, in one DM or (without `channel`) in every conversation. */
export async function listPersonalMessages(client: WebClient, channel?: string): Promise<PersonalMessage[]> {
  const found: PersonalMessage[] = [];
  for (const message of await listScheduledMessages(client, channel)) {
    const text = message.text ?? '';
    const request = parseRequestSentence(text);
    const where = message.channel_id ?? channel;
    if (!request || !message.id || message.post_at === undefined || !where) continue;
    const key = parseReminderKey(text);
    found.push({
      id: message.id,
      channel: where,
      postAt: message.post_at,
      dateCreated: message.date_created ?? 0,
      request,
      ...(key ? { key } : {}),
    });
  }
  return found;
}

export interface PersonalOutcome {
  plan: ReminderPlan;
  /** Planned reminders now held by Slack (kept or scheduled). */
  held: PlannedReminder[];
  scheduled: number;
  kept: number;
  deleted: number;
  failed: PlannedReminder[];
  note: 'none' | 'kept' | 'scheduled' | 'failed';
  /** Deletions left for the next pass, because nothing new could be scheduled in their place. */
  deferred: number;
}

interface PersonalOptions {
  channel: string;
  messages: readonly PersonalMessage[];
  request: PersonalRequest;
  event: NextEvent | undefined;
  now: Date;
  latest?: LatestRecapRef;
  logger: Logger;
}

/**
 * One person's DM made equal to their request: schedule what is missing, then delete what is outdated.
 * New before old, so a failed schedule never leaves someone with nothing in Slack, which would forget them.
 */
export async function reconcilePersonalReminders(
  client: WebClient,
  options: PersonalOptions,
): Promise<PersonalOutcome> {
  const { channel, messages, request, event, now, latest, logger } = options;
  const plan = event ? planPersonalReminders(event, request, now) : NO_DATE;
  const decision = decidePersonalReminders(messages, request, plan, now);
  const keptKeys = new Set(decision.keep.map((m) => m.key));
  const outcome: PersonalOutcome = {
    plan,
    held: plan.due.filter((r) => keptKeys.has(r.key)),
    scheduled: 0,
    kept: decision.keep.length,
    deleted: 0,
    failed: [],
    note: decision.keep.some((m) => m.key === undefined) ? 'kept' : 'none',
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
        `Personal reminders: could not schedule ${reminder.key} for ${reminder.localLabel} in ${channel} (${describeError(error)}); retrying on the next pass`,
      );
    }
  }
  if (decision.scheduleNote) {
    try {
      await client.chat.scheduleMessage({
        channel,
        post_at: requestNotePostAt(now, request.zone, event?.remindAt ?? DEFAULT_REMIND_AT),
        ...requestNoteMessage(request),
      });
      outcome.note = 'scheduled';
    } catch (error) {
      outcome.note = 'failed';
      logger.warn(`Personal reminders: could not keep the request in ${channel} (${describeError(error)})`);
    }
  }
  outcome.held.sort((a, b) => a.postAt.getTime() - b.postAt.getTime());

  const wanted = decision.schedule.length + (decision.scheduleNote ? 1 : 0);
  const holds = outcome.kept + outcome.scheduled + (outcome.note === 'scheduled' ? 1 : 0);
  if (wanted > 0 && holds === 0) {
    outcome.deferred = decision.remove.length;
    return outcome;
  }
  const removed = await deleteScheduledReminders(client, asScheduled(decision.remove), { logger, now });
  outcome.deleted = removed.deleted;
  return outcome;
}

async function dropDuplicates(
  client: WebClient,
  options: { logger: Logger; now: Date },
  channel?: string,
): Promise<number> {
  try {
    const duplicates = personalDuplicates(await listPersonalMessages(client, channel));
    return (await deleteScheduledReminders(client, asScheduled(duplicates), options)).deleted;
  } catch (error) {
    options.logger.warn(
      `Personal reminders: could not check for duplicates (${describeError(error)}); the next pass will`,
    );
    return 0;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The pass.

export interface PersonalPassSummary {
  /** People with personal reminders (one DM each). */
  people: number;
  kept: number;
  scheduled: number;
  deleted: number;
  failed: number;
  deferred: number;
}

/**
 * Everyone's personal reminders against the current event: one paged listing, then only the people whose
 * reminders differ from their plan cost any further call. Never throws.
 */
export async function personalRemindersPass(
  context: BotContext,
  client: WebClient,
): Promise<PersonalPassSummary> {
  const { logger } = context;
  const summary: PersonalPassSummary = {
    people: 0,
    kept: 0,
    scheduled: 0,
    deleted: 0,
    failed: 0,
    deferred: 0,
  };
  let messages: PersonalMessage[];
  try {
    messages = await listPersonalMessages(client);
  } catch (error) {
    logger.warn(
      `Personal reminders: could not list the scheduled messages (${describeError(error)}); trying again on the next pass`,
    );
    return summary;
  }
  const event = context.library().next;
  const now = context.clock();
  const latest = latestRecapRef(context.library());
  const people = [...groupByChannel(messages)];
  summary.people = people.length;
  const limit = pLimit(PERSONAL_REMINDERS_CONCURRENCY);
  await Promise.all(
    people.map(([channel, held]) =>
      limit(async () => {
        const request = currentRequest(held);
        if (!request) return;
        const outcome = await reconcilePersonalReminders(client, {
          channel,
          messages: held,
          request,
          event,
          now,
          ...(latest ? { latest } : {}),
          logger,
        });
        summary.kept += outcome.kept;
        summary.scheduled += outcome.scheduled + (outcome.note === 'scheduled' ? 1 : 0);
        summary.deleted += outcome.deleted;
        summary.failed += outcome.failed.length + (outcome.note === 'failed' ? 1 : 0);
        summary.deferred += outcome.deferred;
      }),
    ),
  );
  if (summary.scheduled > 0) summary.deleted += await dropDuplicates(client, { logger, now });
  logger.info(
    `Personal reminders: ${formatCount(summary.people, 'person', 'people')}: kept ${summary.kept}, scheduled ${summary.scheduled}, deleted ${summary.deleted}, failed ${summary.failed}, deferred ${summary.deferred}`,
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
    logger.warn(`Personal reminders: could not look up the time zone of ${userId} (${describeError(error)})`);
  }
  return fallback;
}

function tooLateToStop(removed: DeletionSummary) {
  return removed.tooLate.map((item) => {
    const daysBefore = readReminderKey(item.key)?.daysBefore;
    return daysBefore === undefined ? {} : { daysBefore };
  });
}

export async function remindMe(
  intent: Extract<Intent, { kind: 'remind-me' }>,
  request: TaskRequest,
): Promise<void> {
  const { context, client, userId, reply } = request;
  const { logger } = context;
  if (intent.problem) {
    await reply(remindMeHelpView(intent.problem, context.library().next?.remindAt));
    return;
  }
  let dm: string;
  let existing: PersonalMessage[];
  try {
    const opened = await client.conversations.open({ users: userId });
    dm = opened.channel?.id ?? '';
    if (!dm) throw new Error('Slack did not return the direct message channel');
    existing = await listPersonalMessages(client, dm);
  } catch (error) {
    await reply(remindMeUnavailableView(describeError(error)));
    return;
  }
  const now = context.clock();

  if (intent.off) {
    const removed = await deleteScheduledReminders(client, asScheduled(existing), { logger, now });
    logger.info(
      `Personal reminders: ${userId} stopped their reminders (${removed.deleted} removed, ${removed.failed} failed, ${removed.tooLate.length} too late to stop)`,
    );
    await reply(remindMeOffView(removed.deleted, removed.failed, tooLateToStop(removed)));
    return;
  }

  const event = context.library().next;
  const zone = await personZone(client, userId, event?.timezone ?? 'UTC', logger);
  const wish: PersonalRequest = intent.days ? { zone, days: intent.days } : { zone };
  const latest = latestRecapRef(context.library());
  const outcome = await reconcilePersonalReminders(client, {
    channel: dm,
    messages: existing,
    request: wish,
    event,
    now,
    ...(latest ? { latest } : {}),
    logger,
  });
  if (outcome.scheduled > 0 || outcome.note === 'scheduled')
    await dropDuplicates(client, { logger, now }, dm);
  const holds = outcome.held.length > 0 || outcome.note === 'scheduled' || outcome.note === 'kept';
  const { plan } = outcome;
  logger.info(
    `Personal reminders: ${userId} (${zone}) asked for reminders: kept ${outcome.kept}, scheduled ${outcome.scheduled}, deleted ${outcome.deleted}, failed ${outcome.failed.length}, request note ${outcome.note}`,
  );
  await reply(
    remindMeView({
      event,
      request: wish,
      scheduled: outcome.held,
      later: plan.later,
      failed: outcome.failed,
      noted: outcome.note === 'kept' || outcome.note === 'scheduled',
      allPast: plan.due.length === 0 && plan.later.length === 0,
      lost: !holds && (outcome.failed.length > 0 || outcome.note === 'failed'),
      checkHours: context.settings.reminderCheckHours,
    }),
  );
}
