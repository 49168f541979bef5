/**
 * The scheduled reminder itself. Its `text` ends with the sentence saying which reminder it is ("Sent 7
 * days before the start on 7 December 2026."), because that text is all `chat.scheduledMessages.list`
 * gives back when the bot later looks for what it already scheduled.
 */
import type { KnownBlock } from '@slack/types';
import type { NextEvent } from '../content/model.js';
import type { PlannedReminder } from '../reminders/plan.js';
import { reminderSentence } from '../reminders/sentences.js';
import { countdown, formatEventDates } from './event-dates.js';
import type { LatestRecapRef } from './latest-recap.js';
import { MAX_FALLBACK_TEXT, mrkdwnSection, truncate } from './limits.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { eventButtons, header, recapLink, whereText } from './next-event.js';

/**
 * `body` followed by the sentences a later listing reads back; the body is shortened if need be, never
 * the sentences, which would make the message unrecognisable.
 */
export function withSentences(body: string, ...sentences: string[]): string {
  const tail = sentences.join(' ');
  return `${truncate(body, MAX_FALLBACK_TEXT - tail.length - 1)} ${tail}`;
}

/** "starts in 7 days", "starts tomorrow", "starts today", as seen when the reminder is posted. */
function startsWhen(event: NextEvent, reminder: PlannedReminder): string {
  return event.start ? `starts ${countdown(reminder.postAt, event.start, event.timezone)}` : 'is coming up';
}

export function reminderMessage(
  event: NextEvent,
  reminder: PlannedReminder,
  latest?: LatestRecapRef,
): SlackMessage {
  const title = escapeMrkdwn(event.title);
  const starts = startsWhen(event, reminder);
  const dates = formatEventDates(event);
  const blocks: KnownBlock[] = [
    header(`⏰ ${event.title} ${starts}`),
    mrkdwnSection(`*${title}* ${starts}: *${dates}*.\n*Where:* ${whereText(event)}`),
    ...eventButtons(event),
  ];
  if (latest) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `Catch up on the highlights of the last one: ${recapLink(latest)}` },
      ],
    });
  }
  const where = event.location ? `, ${escapeMrkdwn(event.location)}` : '';
  return {
    text: withSentences(`Reminder: ${title} ${starts}: ${dates}${where}.`, reminderSentence(reminder.key)),
    blocks,
  };
}
