/**
 * `/hackathon next` from the archive: a wrap-up page published before its hackathon tells its dates, place,
 * organizer and topic planning page while `next-hackathon.md` has no date. Reminders stay with that file; this
 * only answers the question. Pure: the clock comes in as `now`.
 */
import type { Button, KnownBlock } from '@slack/types';
import { DateTime } from 'luxon';
import type { Hackathon, NextEvent } from '../content/model.js';
import type { ComingHackathon } from '../content/timing.js';
import { localDay } from '../reminders/plan.js';
import { formatCount } from '../words.js';
import { googleCalendarUrl } from './calendar.js';
import { countdown, formatEventDates } from './event-dates.js';
import { oneLine } from './format.js';
import { hackathonCommandWords, hackathonName } from './hackathon.js';
import { MAX_FIELD_TEXT, MAX_HEADER_TEXT, MAX_SECTION_TEXT, truncate } from './limits.js';
import { linkButton } from './link-button.js';
import { escapeMrkdwn, mrkdwnLink } from './mrkdwn.js';

/** The hackathon as a calendar entry: all-day in the venue's zone, named as people name it. */
function calendarEvent(hackathon: Hackathon, timezone: string): NextEvent {
  const event: NextEvent = {
    file: '',
    title: `Hackathon: ${hackathonName(hackathon)}`,
    timezone,
    reminderDays: [],
    remindAt: '09:00',
  };
  if (hackathon.start) event.start = hackathon.start;
  if (hackathon.end) event.end = hackathon.end;
  if (hackathon.place) event.location = oneLine(hackathon.place);
  return event;
}

/** "Tue 24 – Sat 28 Nov 2026", or the month alone while the page names no days. */
function datesText(hackathon: Hackathon): string {
  return hackathon.start
    ? formatEventDates({ start: hackathon.start, end: hackathon.end })
    : `${hackathon.monthLabel} (days not set yet)`;
}

/** "in 3 weeks", "starts tomorrow"; on now: "on now — day 2 of 5". */
function dayText(coming: ComingHackathon, now: Date, timezone: string): string | undefined {
  const { hackathon } = coming;
  if (!hackathon.start) return undefined;
  if (coming.timing === 'upcoming') {
    const status = countdown(now, hackathon.start, timezone);
    return status === 'tomorrow' ? 'starts tomorrow' : status;
  }
  const first = localDay(hackathon.start, timezone);
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const day = Math.round(today.diff(first, 'days').days) + 1;
  const days = Math.round(localDay(hackathon.end ?? hackathon.start, timezone).diff(first, 'days').days) + 1;
  return days > 1 && day >= 1 && day <= days ? `on now — day ${day} of ${days}` : 'on now';
}

function placeMrkdwn(hackathon: Hackathon): string {
  if (!hackathon.place) return '_not on the page yet_';
  const place = truncate(oneLine(hackathon.place), 300);
  return hackathon.placeUrl ? mrkdwnLink(hackathon.placeUrl, place) : escapeMrkdwn(place);
}

function organizerMrkdwn(hackathon: Hackathon): string | undefined {
  if (!hackathon.organizer) return undefined;
  const organizer = truncate(oneLine(hackathon.organizer), 300);
  return hackathon.organizerUrl ? mrkdwnLink(hackathon.organizerUrl, organizer) : escapeMrkdwn(organizer);
}

function buttons(coming: ComingHackathon, event: NextEvent | undefined, timezone: string): KnownBlock[] {
  const { hackathon } = coming;
  const planning = hackathon.links.planningUrl;
  const calendar =
    coming.timing === 'upcoming' ? googleCalendarUrl(calendarEvent(hackathon, timezone)) : undefined;
  const elements = [
    planning ? linkButton('Topic planning', planning, 'planning') : undefined,
    event?.signup ? linkButton('Sign up', event.signup, 'signup') : undefined,
    calendar ? linkButton('Add to calendar', calendar, 'calendar') : undefined,
  ].filter((button): button is Button => button !== undefined);
  return elements.length > 0 ? [{ type: 'actions', elements }] : [];
}

/** The blocks of `next` for a hackathon the archive has as coming up or on now. */
export function comingHackathonBlocks(
  coming: ComingHackathon,
  event: NextEvent | undefined,
  now: Date,
  timezone: string,
): KnownBlock[] {
  const { hackathon } = coming;
  const lead = coming.timing === 'on' ? 'On now' : 'Coming up';
  const day = dayText(coming, now, timezone);
  const organizer = organizerMrkdwn(hackathon);
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: {
        type: 'plain_text',
        text: truncate(`🗓️ ${lead}: ${hackathonName(hackathon)}`, MAX_HEADER_TEXT),
        emoji: true,
      },
    },
    {
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text: truncate(`*When*\n${datesText(hackathon)}${day ? `\n_${day}_` : ''}`, MAX_FIELD_TEXT),
        },
        { type: 'mrkdwn', text: truncate(`*Where*\n${placeMrkdwn(hackathon)}`, MAX_FIELD_TEXT) },
        ...(organizer
          ? [{ type: 'mrkdwn' as const, text: truncate(`*Organizer*\n${organizer}`, MAX_FIELD_TEXT) }]
          : []),
      ],
    },
    ...buttons(coming, event, timezone),
  ];
  const notes: string[] = [];
  if (hackathon.topics.length > 0) {
    const words = escapeMrkdwn(hackathonCommandWords(hackathon));
    notes.push(
      `${formatCount(hackathon.topics.length, 'topic')} written up so far: \`/hackathon topics ${words}\`.`,
    );
  } else if (coming.timing === 'on') notes.push('Its topics are written up after it.');
  else if (hackathon.links.planningUrl)
    notes.push('What the teams plan to work on is on the topic planning page.');
  if (coming.timing === 'upcoming') notes.push('No reminders are scheduled for it yet.');
  if (notes.length > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: truncate(notes.join(' '), MAX_SECTION_TEXT) }],
    });
  }
  return blocks;
}

/** The notification text of the same answer. */
export function comingHackathonText(coming: ComingHackathon, now: Date, timezone: string): string {
  const { hackathon } = coming;
  const day = dayText(coming, now, timezone);
  const where = hackathon.place ? `, ${escapeMrkdwn(oneLine(hackathon.place))}` : '';
  const by = hackathon.organizer ? `, organized by ${escapeMrkdwn(oneLine(hackathon.organizer))}` : '';
  const lead = coming.timing === 'on' ? 'On now' : 'Coming up';
  return truncate(
    `${lead}: ${escapeMrkdwn(hackathonName(hackathon))}, ${datesText(hackathon)}${day ? ` (${day})` : ''}${where}${by}.`,
    1000,
  );
}
