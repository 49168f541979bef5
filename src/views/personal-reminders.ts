/**
 * Personal reminders (`/hackathon remind me`): the direct messages themselves, the request note that holds
 * a wish while nothing can be scheduled, and the replies to `remind me` and `remind me off`. Times are shown
 * in the person's zone, the one they are planned in.
 */
import type { NextEvent } from '../content/model.js';
import { MAX_REMINDER_DAYS, type RemindMeProblem } from '../intent.js';
import { type PersonalRequest, personalEvent } from '../reminders/personal.js';
import type { PlannedReminder } from '../reminders/plan.js';
import { reminderSentence, requestSentence } from '../reminders/sentences.js';
import { zoneWords } from '../reminders/zone-words.js';
import { formatCount, listWords } from '../words.js';
import { eventTitle, formatEventDates } from './event-dates.js';
import type { LatestRecapRef } from './latest-recap.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, quoteUserText } from './mrkdwn.js';
import { reminderMessage, withSentences } from './reminder.js';
import { textMessage } from './text-message.js';

const STOP_HINT = '`/hackathon remind me off` stops them.';

/** "7 days before", "1 day before", "On the first day". */
export function whenBefore(daysBefore: number): string {
  return daysBefore === 0 ? 'On the first day' : `${formatCount(daysBefore, 'day')} before`;
}

function dayList(days: readonly number[]): string {
  return days.map((d) => (d === 0 ? 'on the first day' : `${d}d`)).join(', ');
}

/** "Mexico City time": the zone in words, with no underscore for Slack to turn into italics. */
function zoneTime(zone: string): string {
  return `${escapeMrkdwn(zoneWords(zone))} time`;
}

/**
 * The DM itself: the channel reminder in the person's zone. Its text ends with which reminder it is and
 * what the person asked for, because the text is all a later listing sees.
 */
export function personalReminderMessage(
  event: NextEvent,
  request: PersonalRequest,
  reminder: PlannedReminder,
  latest?: LatestRecapRef,
): SlackMessage {
  const base = reminderMessage(personalEvent(event, request), reminder, latest);
  const sentence = reminderSentence(reminder.key);
  const body = base.text.endsWith(sentence) ? base.text.slice(0, -sentence.length).trimEnd() : base.text;
  return {
    text: withSentences(body, sentence, requestSentence(request)),
    blocks: [
      ...base.blocks,
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `You asked for this with \`/hackathon remind me\`; times are ${zoneTime(request.zone)}. ${STOP_HINT}`,
          },
        ],
      },
    ],
  };
}

/**
 * Holds a request while no reminder can be scheduled. Passes move it on long before it is due; it only
 * goes out when the bot was away for months, and then says so.
 */
export function requestNoteMessage(request: PersonalRequest): SlackMessage {
  const body =
    'You asked me to remind you before the next hackathon, but I could not keep your request up to date. ' +
    'Run `/hackathon remind me` again to keep it; `/hackathon next` shows what is known.';
  return { text: withSentences(body, requestSentence(request)), blocks: textMessage(body).blocks };
}

export interface RemindMeReplyInput {
  event: NextEvent | undefined;
  request: PersonalRequest;
  /** Scheduled now or already, in the person's zone. */
  scheduled: readonly PlannedReminder[];
  /** Beyond Slack's 120-day window: a later pass schedules them. */
  later: readonly PlannedReminder[];
  /** Reminders that could not be scheduled this time. */
  failed: readonly PlannedReminder[];
  /** Whether a request note now holds the request (no date yet, or everything beyond the window). */
  noted: boolean;
  /** The reminder times have all passed (the hackathon is on). */
  allPast: boolean;
  /** The request could not be saved at all. */
  lost: boolean;
  checkHours: number;
}

export function remindMeView(input: RemindMeReplyInput): SlackMessage {
  const { event, request, scheduled, later, failed } = input;
  const zone = zoneTime(request.zone);
  if (input.lost) {
    return textMessage(
      `Sorry, I could not save your reminders for ${eventTitle(event)}: Slack did not accept them. Please try \`/hackathon remind me\` again in a moment.`,
    );
  }
  const lines: string[] = [];
  if (!event?.start) {
    const known = event?.when ? ` (${escapeMrkdwn(event.when)})` : '';
    const days = request.days ?? event?.reminderDays ?? [];
    lines.push(
      `There is no date for ${eventTitle(event)} yet${known}, so nothing can be scheduled. I have noted your request: once the date is announced I will schedule your reminders (${dayList(days)}) at ${event?.remindAt ?? '09:00'} in your time zone (${zone}).`,
    );
    return textMessage(lines.join('\n'), { note: `Nothing to do until then. ${STOP_HINT}` });
  }
  const dates = formatEventDates(event);
  if (scheduled.length > 0) {
    lines.push(`I will remind you by direct message before ${eventTitle(event)} (${dates}):`);
    for (const r of scheduled) lines.push(`• ${whenBefore(r.daysBefore)}: ${r.localLabel}`);
  } else if (input.noted && later.length === 0) {
    lines.push(
      `${eventTitle(event)} (${dates}) is over. I have noted your request: once the date of the next one is announced I will schedule your reminders at ${event.remindAt} in your time zone (${zone}).`,
    );
  } else if (input.allPast && later.length === 0) {
    lines.push(
      `The reminder times for ${eventTitle(event)} (${dates}) have all passed, so there is nothing left to schedule.`,
    );
  } else if (later.length === 0) {
    lines.push(`Nothing is scheduled for ${eventTitle(event)} (${dates}).`);
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
  return textMessage(lines.join('\n'), {
    ...(note ? { note: `Times are in your time zone (${zone}). ${note}` } : {}),
  });
}

/** One that Slack posts whatever we do: `daysBefore` for a reminder, undefined for the request note. */
export interface TooLateToStop {
  daysBefore?: number;
}

function tooLateLine(items: readonly TooLateToStop[]): string {
  const names = items.map((i) =>
    i.daysBefore === undefined
      ? 'the note about your request'
      : `the reminder ${whenBefore(i.daysBefore).replace(/^On/, 'on')}`,
  );
  const which = listWords(names);
  const verb =
    names.length > 1
      ? 'go out within the minute, and Slack cannot take them'
      : 'goes out within the minute, and Slack cannot take it';
  return ` Too late to stop: ${which} ${verb} back that close.`;
}

export function remindMeOffView(
  removed: number,
  failed: number,
  tooLate: readonly TooLateToStop[] = [],
): SlackMessage {
  const late = tooLate.length > 0 ? tooLateLine(tooLate) : '';
  if (failed > 0) {
    return textMessage(
      `I removed ${formatCount(removed, 'reminder')}, but Slack kept ${failed}. Please run \`/hackathon remind me off\` again in a moment.${late}`,
    );
  }
  if (removed === 0 && tooLate.length === 0)
    return textMessage('You had no hackathon reminders scheduled, so there was nothing to remove.');
  return textMessage(
    `Done: no more hackathon reminders for you (${formatCount(removed, 'scheduled message')} removed).${late}`,
  );
}

export function remindMeUnavailableView(error: string): SlackMessage {
  return textMessage(
    `Sorry, I could not reach your direct messages with me (${escapeMrkdwn(error)}). Please try again in a moment.`,
  );
}

const FORMS = [
  '• `/hackathon remind me`: at the usual times before the next hackathon',
  '• `/hackathon remind me 7d 1d`: 7 days and 1 day before (also `7 days`, `2w`, `first day`)',
  '• `/hackathon remind me off`: no more reminders',
].join('\n');

/** `remind me` with words it does not take: what it understood, and the forms it takes. */
export function remindMeHelpView(problem: RemindMeProblem, remindAt = '09:00'): SlackMessage {
  const why =
    problem.kind === 'too-far'
      ? `I can remind you at most ${MAX_REMINDER_DAYS} days before the hackathon: Slack schedules messages at most ${MAX_REMINDER_DAYS} days ahead, so ${problem.days} days before is too early. Nothing was scheduled.`
      : `I did not understand ${quoteUserText(problem.words, 200)} after \`remind me\`. Nothing was scheduled.`;
  return textMessage(`${why}\n*Reminders come as direct messages at ${remindAt} your time:*\n${FORMS}`);
}
