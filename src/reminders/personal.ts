/**
 * Personal reminders: a person's direct messages before the next hackathon, at the event's `remind_at` in
 * the person's own time zone. Pure: Slack's scheduled messages are the only record of who asked, so every
 * decision here starts from what `chat.scheduledMessages.list` shows.
 *
 * Each scheduled DM says, in its text, which reminder it is and what the person asked for (see
 * `sentences.ts`): "… Sent 7 days before the start on 7 December 2026. You asked for reminders at the usual
 * times, in Berlin time." So a pass can re-plan a moved date without asking anyone, and reminders beyond
 * the 120-day window are not forgotten once the nearer ones went out. While nothing can be scheduled (no
 * date yet, or every reminder beyond the window) a request note holds the wish: a scheduled DM with the
 * request sentence only, which passes push forward before it would go out.
 */
import { DateTime } from 'luxon';
import type { NextEvent } from '../content/model.js';
import { DEFAULT_HORIZON_DAYS, type PlannedReminder, planReminders, type ReminderPlan } from './plan.js';
import {
  compareScheduledIds,
  decideReconcile,
  duplicateReminders,
  type ScheduledReminder,
} from './reconcile.js';
import { type PersonalRequest, requestSentence, sameRequest } from './sentences.js';

export type { PersonalRequest } from './sentences.js';
export { sameRequest };

/** A scheduled DM that carries a request, as a listing shows it. */
export interface PersonalMessage {
  id: string;
  channel: string;
  /** Unix seconds. */
  postAt: number;
  /** Unix seconds; decides which request is the newest when two disagree. */
  dateCreated: number;
  request: PersonalRequest;
  /** The reminder key; absent for a request note. */
  key?: string;
}

export interface PersonalDecision {
  keep: PersonalMessage[];
  remove: PersonalMessage[];
  schedule: PlannedReminder[];
  /** Whether to schedule a fresh request note (none is kept that lasts long enough). */
  scheduleNote: boolean;
}

/** Request notes go out this many days ahead at the latest: inside Slack's 120 days, with a day to spare. */
export const REQUEST_NOTE_DAYS = DEFAULT_HORIZON_DAYS - 2;
/** A request note closer than this to going out is replaced by a later one. */
export const REQUEST_NOTE_RENEW_DAYS = 60;

const DAY_SECONDS = 86_400;

/** The event as the person sees it: their zone, their days. */
export function personalEvent(event: NextEvent, request: PersonalRequest): NextEvent {
  return { ...event, timezone: request.zone, reminderDays: request.days ?? event.reminderDays };
}

export function planPersonalReminders(event: NextEvent, request: PersonalRequest, now: Date): ReminderPlan {
  return planReminders(personalEvent(event, request), now);
}

/**
 * The request a person's DMs stand for: the newest one, when two `remind me` raced or an old request
 * survived a failed delete.
 */
export function currentRequest(messages: readonly PersonalMessage[]): PersonalRequest | undefined {
  const newest = [...messages].sort(
    (a, b) => b.dateCreated - a.dateCreated || compareScheduledIds(b.id, a.id),
  )[0];
  return newest?.request;
}

/** Personal reminders by DM channel, from one listing of every scheduled message. */
export function groupByChannel(messages: readonly PersonalMessage[]): Map<string, PersonalMessage[]> {
  const groups = new Map<string, PersonalMessage[]>();
  for (const message of messages) {
    groups.set(message.channel, [...(groups.get(message.channel) ?? []), message]);
  }
  return groups;
}

/** Reminder and request in one key: a reminder with an outdated request is replaced, not kept. */
function compositeKey(key: string, request: PersonalRequest): string {
  return `${key}|${requestSentence(request)}`;
}

const NOTE_KEY = 'request-note';

function scheduledAs(message: PersonalMessage, key: string): ScheduledReminder {
  return { id: message.id, channel: message.channel, postAt: message.postAt, key };
}

/** Personal messages as the shared reconcile handles them (to delete them, say): by reminder key, or as the note. */
export function asScheduled(messages: readonly PersonalMessage[]): ScheduledReminder[] {
  return messages.map((m) => scheduledAs(m, m.key ?? NOTE_KEY));
}

/** The reminder and the request it was made for. */
function requestKey(message: PersonalMessage): string {
  return compositeKey(message.key ?? NOTE_KEY, message.request);
}

/**
 * What to keep, delete and schedule in one person's DM. The channel reconcile decides the reminders (same
 * key and `post_at` kept once, lowest id); a request note is wanted only while no reminder is.
 */
export function decidePersonalReminders(
  messages: readonly PersonalMessage[],
  request: PersonalRequest,
  plan: ReminderPlan,
  now: Date,
): PersonalDecision {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const held = messages.map((m) => scheduledAs(m, requestKey(m)));
  const planned = (list: readonly PlannedReminder[]) =>
    list.map((r) => ({ ...r, key: compositeKey(r.key, request) }));
  const decision = decideReconcile(held, { due: planned(plan.due), past: planned(plan.past) });
  const keep = decision.keep.map((s) => byId.get(s.id)!);
  const remove = decision.remove.map((s) => byId.get(s.id)!);
  const schedule = plan.due.filter((r) =>
    decision.schedule.some((s) => s.key === compositeKey(r.key, request)),
  );

  const wantNote =
    keep.length === 0 && schedule.length === 0 && (plan.status !== 'upcoming' || plan.later.length > 0);
  if (!wantNote) return { keep, remove, schedule, scheduleNote: false };

  const renewBefore = now.getTime() / 1000 + REQUEST_NOTE_RENEW_DAYS * DAY_SECONDS;
  const lasting = remove
    .filter((m) => m.key === undefined && sameRequest(m.request, request) && m.postAt > renewBefore)
    .sort((a, b) => compareScheduledIds(a.id, b.id))[0];
  if (!lasting) return { keep, remove, schedule, scheduleNote: true };
  return {
    keep: [lasting],
    remove: remove.filter((m) => m !== lasting),
    schedule,
    scheduleNote: false,
  };
}

/**
 * When a new request note goes out if nothing renews it: at `remindAt` in the person's zone, like every
 * reminder, on the last day that keeps it inside Slack's window.
 */
export function requestNotePostAt(now: Date, zone: string, remindAt: string): number {
  const [hour = 9, minute = 0] = remindAt.split(':').map(Number);
  const latest = now.getTime() + REQUEST_NOTE_DAYS * DAY_SECONDS * 1000;
  let day = DateTime.fromJSDate(now, { zone })
    .plus({ days: REQUEST_NOTE_DAYS })
    .set({ hour, minute, second: 0, millisecond: 0 });
  if (day.toMillis() > latest) day = day.minus({ days: 1 });
  return Math.floor(day.toSeconds());
}

/** Second copies in the same DM (two passes or two `remind me` at once): all but the lowest id per key. */
export function personalDuplicates(messages: readonly PersonalMessage[]): PersonalMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const keyed = messages.map((m) => scheduledAs(m, `${m.channel}|${requestKey(m)}`));
  return duplicateReminders(keyed).map((s) => byId.get(s.id)!);
}
