/**
 * What keeps the reminders Slack holds in `chat.scheduleMessage` equal to the plan, decided without Slack:
 * what to keep, delete and schedule. `services/scheduled-reminders.ts` lists, deletes and schedules
 * accordingly, so running a pass again (a restart, another instance) changes nothing.
 */
import type { NextEvent } from '../content/model.js';
import type { Settings } from '../settings.js';
import type { PlannedReminder } from './plan.js';

/** One of the bot's reminders as `chat.scheduledMessages.list` shows it: the key comes from its text. */
export interface ScheduledReminder {
  id: string;
  key: string;
  /** Unix seconds, as Slack keeps it. */
  postAt: number;
  channel: string;
}

export interface ReconcileDecision {
  keep: ScheduledReminder[];
  remove: ScheduledReminder[];
  schedule: PlannedReminder[];
}

export interface ReconcileSummary {
  kept: number;
  scheduled: number;
  deleted: number;
  later: number;
  failed: number;
}

/** Where the event's reminders go: its own channel wins over `ANNOUNCE_CHANNEL`. */
export function reminderChannel(settings: Settings, event: NextEvent | undefined): string | undefined {
  return event?.channel ?? settings.announceChannel;
}

export function postAtSeconds(reminder: PlannedReminder): number {
  return Math.floor(reminder.postAt.getTime() / 1000);
}

/**
 * Scheduled message ids are compared as numbers where they look alike (`Q1000000010` after `Q1000000009`),
 * so every instance picks the same survivor whatever order Slack listed them in.
 */
export function compareScheduledIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

function byId(a: ScheduledReminder, b: ScheduledReminder): number {
  return compareScheduledIds(a.id, b.id);
}

/**
 * What to keep, delete and schedule. A scheduled reminder is kept when its key is planned with the same
 * `post_at`, once per key (the lowest id). Past reminders are never scheduled, but one Slack still holds at
 * its planned time is about to go out and is left alone.
 */
export function decideReconcile(
  scheduled: readonly ScheduledReminder[],
  planned: { due: readonly PlannedReminder[]; past: readonly PlannedReminder[] },
): ReconcileDecision {
  const wanted = new Map<string, number>();
  for (const reminder of [...planned.due, ...planned.past]) wanted.set(reminder.key, postAtSeconds(reminder));
  const keep: ScheduledReminder[] = [];
  const remove: ScheduledReminder[] = [];
  const kept = new Set<string>();
  for (const item of [...scheduled].sort(byId)) {
    if (wanted.get(item.key) === item.postAt && !kept.has(item.key)) {
      keep.push(item);
      kept.add(item.key);
    } else {
      remove.push(item);
    }
  }
  const schedule = planned.due.filter((reminder) => !kept.has(reminder.key));
  return { keep, remove, schedule };
}

/** Second copies of a key, when two passes scheduled the same reminder at once: all but the lowest id. */
export function duplicateReminders(scheduled: readonly ScheduledReminder[]): ScheduledReminder[] {
  const seen = new Set<string>();
  const duplicates: ScheduledReminder[] = [];
  for (const item of [...scheduled].sort(byId)) {
    if (seen.has(item.key)) duplicates.push(item);
    else seen.add(item.key);
  }
  return duplicates;
}

export function formatSummary(summary: ReconcileSummary): string {
  return `kept ${summary.kept}, scheduled ${summary.scheduled}, deleted ${summary.deleted}, later ${summary.later}, failed ${summary.failed}`;
}
