/**
 * Following the hackathon: the personal reminder DMs, the keeper that holds a request while nothing can be
 * scheduled, and the replies to `remind me`, `subscribe` and `unsubscribe`. Personal times are shown in the
 * person's zone, the one they are planned in.
 */
import type { KnownBlock } from '@slack/types';
import type { NextEvent } from '../content/model.js';
import { type FollowRequest, followMarker, personalEvent } from '../reminders/personal.js';
import { formatEventDates, type PlannedReminder, reminderMarker } from '../reminders/plan.js';
import { formatCount } from './format.js';
import { MAX_FALLBACK_TEXT, MAX_SECTION_TEXT, splitMrkdwn, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { reminderMessage } from './reminder.js';

const STOP_HINT = '`/hackathon remind me off` stops them.';

function sections(text: string): KnownBlock[] {
  return splitMrkdwn(text, MAX_SECTION_TEXT).map(
    (chunk): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }),
  );
}

function message(body: string, note?: string): SlackMessage {
  const blocks = sections(body);
  if (note)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(note, MAX_SECTION_TEXT) }] });
  return { text: truncate(body, MAX_FALLBACK_TEXT), blocks };
}

function whenBefore(daysBefore: number): string {
  return daysBefore === 0 ? 'On the first day' : `${formatCount(daysBefore, 'day')} before`;
}

function dayList(days: readonly number[]): string {
  return days.map((d) => (d === 0 ? 'on the first day' : `${d}d`)).join(', ');
}

function title(event: NextEvent | undefined): string {
  return event ? `*${escapeMrkdwn(event.title)}*` : 'the next hackathon';
}

/**
 * The DM itself: the channel reminder in the person's zone, with the follow marker before the reminder
 * marker, because the text is all a later listing sees.
 */
export function personalReminderMessage(
  event: NextEvent,
  request: FollowRequest,
  reminder: PlannedReminder,
  latest?: { title: string; recapUrl?: string },
): SlackMessage {
  const base = reminderMessage(personalEvent(event, request), reminder, latest);
  const marker = reminderMarker(reminder.key);
  const body = base.text.endsWith(marker) ? base.text.slice(0, -marker.length).trimEnd() : base.text;
  return {
    text: `${body} ${followMarker(request)} ${marker}`,
    blocks: [
      ...base.blocks,
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `You asked for this with \`/hackathon remind me\`. ${STOP_HINT}` },
        ],
      },
    ],
  };
}

/**
 * Holds a request while no reminder can be scheduled. Passes move it on long before it is due; it only
 * goes out when the bot was away for months, and then says so.
 */
export function keeperMessage(request: FollowRequest): SlackMessage {
  const text =
    'You asked me to remind you before the next hackathon, but I could not keep your request up to date. ' +
    'Run `/hackathon remind me` again to keep it; `/hackathon next` shows what is known.';
  return { text: `${text} ${followMarker(request)}`, blocks: sections(text) };
}

export interface FollowReplyInput {
  event: NextEvent | undefined;
  request: FollowRequest;
  /** Scheduled now or already, in the person's zone. */
  scheduled: readonly PlannedReminder[];
  /** Beyond Slack's 120-day window: a later pass schedules them. */
  later: readonly PlannedReminder[];
  /** Reminders that could not be scheduled this time. */
  failed: readonly PlannedReminder[];
  /** Whether a keeper now holds the request (no date yet, or everything beyond the window). */
  kept: boolean;
  /** The reminder times have all passed (the hackathon is on). */
  allPast: boolean;
  /** The request could not be saved at all. */
  lost: boolean;
  checkHours: number;
}

export function followView(input: FollowReplyInput): SlackMessage {
  const { event, request, scheduled, later, failed } = input;
  const zone = escapeMrkdwn(request.zone);
  if (input.lost) {
    return message(
      `Sorry, I could not save your reminders for ${title(event)}: Slack did not accept them. Please try \`/hackathon remind me\` again in a moment.`,
    );
  }
  const lines: string[] = [];
  if (!event?.start) {
    const known = event?.when ? ` (${escapeMrkdwn(event.when)})` : '';
    const days = request.days ?? event?.reminderDays ?? [];
    lines.push(
      `There is no date for ${title(event)} yet${known}, so nothing can be scheduled. I have noted your request: once the date is announced I will schedule your reminders (${dayList(days)}) at ${event?.remindAt ?? '09:00'} in your time zone (${zone}).`,
    );
    return message(lines.join('\n'), `Nothing to do until then. ${STOP_HINT}`);
  }
  const dates = formatEventDates(event);
  if (scheduled.length > 0) {
    lines.push(`I will remind you by direct message before ${title(event)} (${dates}):`);
    for (const r of scheduled) lines.push(`• ${whenBefore(r.daysBefore)}: ${r.localLabel}`);
  } else if (input.kept && later.length === 0) {
    lines.push(
      `${title(event)} (${dates}) is over. I have noted your request: once the date of the next one is announced I will schedule your reminders at ${event.remindAt} in your time zone (${zone}).`,
    );
  } else if (input.allPast && later.length === 0) {
    lines.push(
      `The reminder times for ${title(event)} (${dates}) have all passed, so there is nothing left to schedule.`,
    );
  } else if (later.length === 0) {
    lines.push(`Nothing is scheduled for ${title(event)} (${dates}).`);
  }
  if (failed.length > 0) {
    lines.push(
      '',
      `Slack did not accept these yet; I will try again within ${formatCount(input.checkHours, 'hour')}:`,
    );
    for (const r of failed) lines.push(`• ${whenBefore(r.daysBefore)}: ${r.localLabel}`);
  }
  if (later.length > 0) {
    lines.push(
      '',
      `*Later*, once inside Slack's 120-day scheduling window (I schedule them then, nothing for you to do):`,
    );
    for (const r of later) lines.push(`• ${whenBefore(r.daysBefore)}: ${r.localLabel}`);
  }
  const note = input.allPast && scheduled.length === 0 && later.length === 0 ? undefined : STOP_HINT;
  return message(lines.join('\n'), note ? `Times are in your time zone (${zone}). ${note}` : undefined);
}

export function followOffView(removed: number, failed: number): SlackMessage {
  if (failed > 0) {
    return message(
      `I removed ${formatCount(removed, 'reminder')}, but Slack kept ${failed}. Please run \`/hackathon remind me off\` again in a moment.`,
    );
  }
  return message(
    removed > 0
      ? `Done: no more hackathon reminders for you (${formatCount(removed, 'scheduled message')} removed).`
      : 'You had no hackathon reminders scheduled, so there was nothing to remove.',
  );
}

export function followUnavailableView(error: string): SlackMessage {
  return message(
    `Sorry, I could not reach your direct messages with me (${escapeMrkdwn(error)}). Please try again in a moment.`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Channel subscriptions.

export function subscribeInChannelView(): SlackMessage {
  return message(
    '`/hackathon subscribe` works in the channel that should get recaps and reminders: run it there. For reminders just for you, use `/hackathon remind me`.',
  );
}

export interface SubscribedInput {
  channel: string;
  already: boolean;
  event: NextEvent | undefined;
  /** Channel reminders now scheduled here, in the event's zone. */
  reminders: readonly PlannedReminder[];
}

export function subscribedView(input: SubscribedInput): SlackMessage {
  const where = `<#${input.channel}>`;
  const lines = [
    input.already
      ? `${where} is already subscribed: new hackathon recaps are announced here, and the reminders before the next hackathon are posted here.`
      : `${where} is subscribed: I announce new hackathon recaps here (each once) and post the reminders before the next hackathon.`,
  ];
  if (input.reminders.length > 0) {
    lines.push('', `*Reminders scheduled here* for ${title(input.event)}:`);
    for (const r of input.reminders) lines.push(`• ${whenBefore(r.daysBefore)}: ${r.localLabel}`);
  } else if (!input.event?.start) {
    lines.push('', 'There is no date for the next hackathon yet; its reminders are scheduled once there is.');
  }
  return message(lines.join('\n'), '`/hackathon unsubscribe` stops it.');
}

export function inviteMeView(channel: string): SlackMessage {
  return message(
    `<#${channel}> is private, so I cannot join it myself. Invite me with \`/invite @hackathon-bot\`, then run \`/hackathon subscribe\` again.`,
  );
}

export function subscribeFailedView(channel: string, error: string): SlackMessage {
  return message(
    `Sorry, I could not subscribe <#${channel}> (${escapeMrkdwn(error)}). Please try again in a moment.`,
  );
}

export function announceChannelView(channel: string, setting: string): SlackMessage {
  return message(
    `<#${channel}> is the bot's configured channel (${setting}), so it cannot be unsubscribed with a command. Ask whoever runs the bot to change ${setting}.`,
  );
}

export interface UnsubscribedInput {
  channel: string;
  removed: number;
  failed: number;
  /** `left`: the bot left; `private`: people must remove it; `not-member`: it was not subscribed. */
  membership: 'left' | 'private' | 'not-member' | { error: string };
}

export function unsubscribedView(input: UnsubscribedInput): SlackMessage {
  const where = `<#${input.channel}>`;
  const removed = input.removed > 0 ? ` and removed ${formatCount(input.removed, 'scheduled reminder')}` : '';
  const kept = input.failed > 0 ? ` (${input.failed} could not be removed; I will retry)` : '';
  const { membership } = input;
  if (membership === 'left') return message(`${where} is unsubscribed: I left the channel${removed}${kept}.`);
  if (membership === 'not-member')
    return message(`${where} was not subscribed (I am not a member)${removed}${kept}.`);
  if (membership === 'private') {
    return message(
      `I stopped the reminders in ${where}${removed}${kept}. It is a private channel, so I cannot leave it myself: remove me (channel details → Integrations → Remove app, or \`/remove @hackathon-bot\`). Until then the channel counts as subscribed and gets recaps and reminders again.`,
    );
  }
  return message(
    `I stopped the reminders in ${where}${removed}${kept}, but could not leave the channel (${escapeMrkdwn(membership.error)}). Please remove me from the channel to stop the announcements.`,
  );
}
