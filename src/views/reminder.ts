/**
 * The scheduled reminder itself. Its `text` ends with the reminder marker, because that fallback text is all
 * `chat.scheduledMessages.list` gives back when the bot later looks for what it already scheduled.
 */
import type { KnownBlock } from '@slack/types';
import type { NextEvent } from '../content/model.js';
import { countdown, formatEventDates, type PlannedReminder, reminderMarker } from '../reminders/plan.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { eventButtons, header, recapLink, section, whereText } from './next-event.js';

/** "starts in 7 days", "starts tomorrow", "starts today", as seen when the reminder is posted. */
function startsWhen(event: NextEvent, reminder: PlannedReminder): string {
  return event.start ? `starts ${countdown(reminder.postAt, event.start, event.timezone)}` : 'is coming up';
}

export function reminderMessage(
  event: NextEvent,
  reminder: PlannedReminder,
  latest?: { title: string; recapUrl?: string },
): SlackMessage {
  const title = escapeMrkdwn(event.title);
  const starts = startsWhen(event, reminder);
  const dates = formatEventDates(event);
  const blocks: KnownBlock[] = [
    header(`⏰ ${event.title} ${starts}`),
    section(`*${title}* ${starts}: *${dates}*.\n*Where:* ${whereText(event)}`),
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
    text: `Reminder: ${title} ${starts}: ${dates}${where}. ${reminderMarker(reminder.key)}`,
    blocks,
  };
}
