/**
 * Personal reminders: a person's direct messages before the next hackathon, at the event's `remind_at` in
 * the person's own time zone. Pure: Slack's scheduled messages are the only record of who follows, so every
 * decision here starts from what `chat.scheduledMessages.list` shows.
 *
 * Each scheduled DM carries a follow marker next to the reminder marker:
 * `… (hackathon-bot follow Europe/Berlin 7d 1d) (hackathon-bot reminder 7d before 2026-12-07)`. It holds the
 * request itself (zone, and days when the person chose them), so a pass can re-plan a moved date without
 * asking anyone, and reminders beyond the 120-day window are not forgotten once the nearer ones went out.
 * While nothing can be scheduled (no date yet, or every reminder beyond the window) a keeper holds the
 * request: a scheduled DM with the follow marker only, which passes push forward before it would go out.
 */
import type { NextEvent } from '../content/model.js';
import { type PlannedReminder, planReminders, type ReminderPlan } from './plan.js';
import {
  compareScheduledIds,
  decideReconcile,
  duplicateReminders,
  type ScheduledReminder,
} from './reconcile.js';

export interface FollowRequest {
  /** IANA zone of the person when they asked. */
  zone: string;
  /** Days before the start; absent means the event's own `reminders`, whatever they become. */
  days?: number[];
}

/** A scheduled DM with a follow marker, as a listing shows it. */
export interface FollowerMessage {
  id: string;
  channel: string;
  /** Unix seconds. */
  postAt: number;
  /** Unix seconds; decides which request is the newest when markers disagree. */
  dateCreated: number;
  follow: FollowRequest;
  /** The reminder key; absent for a keeper. */
  key?: string;
}

export interface FollowerDecision {
  keep: FollowerMessage[];
  remove: FollowerMessage[];
  schedule: PlannedReminder[];
  /** Whether to schedule a fresh keeper (none is kept that lasts long enough). */
  scheduleKeeper: boolean;
}

/** Keepers are scheduled this far ahead: inside Slack's 120 days with room for clock skew. */
export const KEEPER_DAYS = 118;
/** A keeper closer than this to going out is replaced by a later one. */
export const KEEPER_RENEW_DAYS = 60;

const DAY_SECONDS = 86_400;

// `_` is Slack formatting (and common in zone names: America/New_York), so the marker spells it `.`.
const FOLLOW = /\(hackathon-bot follow ([A-Za-z0-9/.+-]+)((?: \d{1,3}d)*)\)/;

export function followMarker(request: FollowRequest): string {
  const days = (request.days ?? []).map((d) => ` ${d}d`).join('');
  return `(hackathon-bot follow ${request.zone.replaceAll('_', '.')}${days})`;
}

export function parseFollowMarker(text: string): FollowRequest | undefined {
  const match = FOLLOW.exec(text);
  if (!match) return undefined;
  const zone = match[1]!.replaceAll('.', '_');
  const days = (match[2] ?? '')
    .split(' ')
    .filter(Boolean)
    .map((d) => Number.parseInt(d, 10));
  return days.length > 0 ? { zone, days } : { zone };
}

export function sameRequest(a: FollowRequest, b: FollowRequest): boolean {
  return followMarker(a) === followMarker(b);
}

/** The event as the person sees it: their zone, their days. */
export function personalEvent(event: NextEvent, request: FollowRequest): NextEvent {
  return { ...event, timezone: request.zone, reminderDays: request.days ?? event.reminderDays };
}

export function planPersonalReminders(event: NextEvent, request: FollowRequest, now: Date): ReminderPlan {
  return planReminders(personalEvent(event, request), now);
}

/**
 * The request a follower's DMs stand for: the newest one, when two `remind me` raced or an old marker
 * survived a failed delete.
 */
export function currentRequest(messages: readonly FollowerMessage[]): FollowRequest | undefined {
  const newest = [...messages].sort(
    (a, b) => b.dateCreated - a.dateCreated || compareScheduledIds(b.id, a.id),
  )[0];
  return newest?.follow;
}

/** Followers by DM channel, from one listing of every scheduled message. */
export function groupByChannel(messages: readonly FollowerMessage[]): Map<string, FollowerMessage[]> {
  const groups = new Map<string, FollowerMessage[]>();
  for (const message of messages) {
    groups.set(message.channel, [...(groups.get(message.channel) ?? []), message]);
  }
  return groups;
}

/** Reminder and request in one key: a reminder with an outdated request is replaced, not kept. */
function compositeKey(key: string, request: FollowRequest): string {
  return `${key}|${followMarker(request)}`;
}

const KEEPER_KEY = 'keeper';

/**
 * What to keep, delete and schedule in one person's DM. The channel reconcile decides the reminders (same
 * key and `post_at` kept once, lowest id); a keeper is wanted only while no reminder is.
 */
export function decideFollower(
  messages: readonly FollowerMessage[],
  request: FollowRequest,
  plan: ReminderPlan,
  now: Date,
): FollowerDecision {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const asScheduled = messages.map(
    (m): ScheduledReminder => ({
      id: m.id,
      channel: m.channel,
      postAt: m.postAt,
      key: compositeKey(m.key ?? KEEPER_KEY, m.follow),
    }),
  );
  const planned = (list: readonly PlannedReminder[]) =>
    list.map((r) => ({ ...r, key: compositeKey(r.key, request) }));
  const decision = decideReconcile(asScheduled, { due: planned(plan.due), past: planned(plan.past) });
  const keep = decision.keep.map((s) => byId.get(s.id)!);
  const remove = decision.remove.map((s) => byId.get(s.id)!);
  const schedule = plan.due.filter((r) =>
    decision.schedule.some((s) => s.key === compositeKey(r.key, request)),
  );

  const wantKeeper =
    keep.length === 0 && schedule.length === 0 && (plan.status !== 'upcoming' || plan.later.length > 0);
  if (!wantKeeper) return { keep, remove, schedule, scheduleKeeper: false };

  const renewBefore = now.getTime() / 1000 + KEEPER_RENEW_DAYS * DAY_SECONDS;
  const lasting = remove
    .filter((m) => m.key === undefined && sameRequest(m.follow, request) && m.postAt > renewBefore)
    .sort((a, b) => compareScheduledIds(a.id, b.id))[0];
  if (!lasting) return { keep, remove, schedule, scheduleKeeper: true };
  return {
    keep: [lasting],
    remove: remove.filter((m) => m !== lasting),
    schedule,
    scheduleKeeper: false,
  };
}

/** When a new keeper goes out if nothing renews it. */
export function keeperPostAt(now: Date): number {
  return Math.floor(now.getTime() / 1000) + KEEPER_DAYS * DAY_SECONDS;
}

/** Second copies in the same DM (two passes or two `remind me` at once): all but the lowest id per key. */
export function followerDuplicates(messages: readonly FollowerMessage[]): FollowerMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const keyed = messages.map(
    (m): ScheduledReminder => ({
      id: m.id,
      channel: m.channel,
      postAt: m.postAt,
      key: `${m.channel}|${compositeKey(m.key ?? KEEPER_KEY, m.follow)}`,
    }),
  );
  return duplicateReminders(keyed).map((s) => byId.get(s.id)!);
}
