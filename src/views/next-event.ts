/**
 * "When is the next hackathon?": the answer to `next`, and the part of the App Home that says it. Pure: the
 * clock comes in as `now`, so the countdown and whether the event is over are testable.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { NextEvent } from '../content/model.js';
import { DEFAULT_TIMEZONE } from '../content/timezone.js';
import type { ComingHackathon } from '../content/timing.js';
import { planReminders } from '../reminders/plan.js';
import { listWords } from '../words.js';
import type { ArchiveFacts } from './archive.js';
import { googleCalendarUrl } from './calendar.js';
import { comingHackathonBlocks, comingHackathonText } from './coming-hackathon.js';
import { countdown, formatEventDates } from './event-dates.js';
import type { LatestRecapRef } from './latest-recap.js';
import {
  contextLine,
  MAX_BLOCKS_MESSAGE,
  MAX_FIELD_TEXT,
  MAX_HEADER_TEXT,
  MAX_SECTION_TEXT,
  mrkdwnSection,
  splitMrkdwn,
  truncate,
} from './limits.js';
import { linkButton } from './link-button.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn, mrkdwnLink } from './mrkdwn.js';

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, MAX_HEADER_TEXT), emoji: true } };
}

/** Sign-up and "Add to calendar" buttons, whichever the event has; no block when it has neither. */
export function eventButtons(event: NextEvent, planningUrl?: string): KnownBlock[] {
  const calendar = googleCalendarUrl(event);
  const buttons = [
    planningUrl ? linkButton('Topic planning', planningUrl, 'planning') : undefined,
    event.signup ? linkButton('Sign up', event.signup, 'signup') : undefined,
    calendar ? linkButton('Add to calendar', calendar, 'calendar') : undefined,
  ].filter((button): button is Button => button !== undefined);
  return buttons.length > 0 ? [{ type: 'actions', elements: buttons }] : [];
}

export function whereText(event: NextEvent): string {
  return event.location ? escapeMrkdwn(event.location) : '_to be announced_';
}

/** "the highlights of <url|June 2025 recap>": a link when the recap has a URL, the title otherwise. */
export function recapLink(latest: Pick<LatestRecapRef, 'title' | 'recapUrl'>): string {
  return latest.recapUrl ? mrkdwnLink(latest.recapUrl, latest.title) : `_${escapeMrkdwn(latest.title)}_`;
}

/** "28, 7 and 1 days before and on the first day, at 09:00 (Europe/Berlin)". */
function remindersText(event: NextEvent): string | undefined {
  if (event.reminderDays.length === 0) return undefined;
  const before = event.reminderDays.filter((days) => days > 0);
  const parts: string[] = [];
  if (before.length > 0) {
    parts.push(
      `${listWords(before.map(String))} ${before.length === 1 && before[0] === 1 ? 'day' : 'days'} before`,
    );
  }
  if (event.reminderDays.includes(0)) parts.push('on the first day');
  return `Reminders go out ${parts.join(' and ')}, at ${event.remindAt} (${event.timezone}).`;
}

/** The body split at paragraph boundaries into section-sized pieces; a very long one is cut, never the message. */
/** Content-supplied detail sections at most; the rest of a very long body is cut, never the message. */
const MAX_DETAIL_SECTIONS = 12;

function detailSections(mrkdwn: string): KnownBlock[] {
  const pieces = splitMrkdwn(mrkdwn, MAX_SECTION_TEXT);
  const kept = pieces.slice(0, MAX_DETAIL_SECTIONS);
  if (pieces.length > kept.length) kept[kept.length - 1] = truncate(`${kept.at(-1)}\n…`, MAX_SECTION_TEXT);
  return kept.map((piece) => mrkdwnSection(piece));
}

function closingBlocks(latest: LatestRecapRef | undefined): KnownBlock[] {
  if (!latest?.closing) return [];
  return [
    mrkdwnSection(`From the latest recap, ${recapLink(latest)}:\n>${latest.closing.replace(/\n/g, '\n>')}`),
  ];
}

/** "The archive: 5 hackathons, about twice a year, usually in May/June and December. The last one: …". */
function archiveText(archive: ArchiveFacts | undefined): string | undefined {
  if (!archive || archive.count === 0) return undefined;
  const often = archive.rhythm ? `, ${archive.rhythm}` : '';
  const count = archive.count === 1 ? 'one hackathon' : `${archive.count} hackathons`;
  const sentences = [`*So far:* ${count}${escapeMrkdwn(often)}.`];
  if (archive.last) {
    const where = archive.last.place ? ` in ${escapeMrkdwn(archive.last.place)}` : '';
    sentences.push(
      `*The last one:* ${escapeMrkdwn(archive.last.name)}, ${escapeMrkdwn(archive.last.when)}${where}.`,
    );
  }
  return sentences.join('\n');
}

function archiveBlocks(latest: LatestRecapRef | undefined): KnownBlock[] {
  const text = archiveText(latest?.archive);
  return text ? [mrkdwnSection(text)] : [];
}

function dayOfEvent(event: NextEvent, now: Date): string {
  const status = countdown(now, event.start!, event.timezone);
  if (status === 'today') return 'starts today';
  if (status.startsWith('started')) return 'happening now';
  return status;
}

/** The archive's page of the event file's hackathon (their days overlap): its planning page belongs to `next`. */
function planningOf(event: NextEvent, coming: ComingHackathon | undefined): string | undefined {
  const hackathon = coming?.hackathon;
  if (!hackathon?.start || !event.start) return undefined;
  const overlaps =
    hackathon.start <= (event.end ?? event.start) && event.start <= (hackathon.end ?? hackathon.start);
  return overlaps ? hackathon.links.planningUrl : undefined;
}

function upcomingBlocks(
  event: NextEvent,
  now: Date,
  latest: LatestRecapRef | undefined,
  coming: ComingHackathon | undefined,
): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(`🗓️ ${event.title}`),
    {
      type: 'section',
      fields: [
        {
          type: 'mrkdwn',
          text: truncate(`*When*\n${formatEventDates(event)}\n_${dayOfEvent(event, now)}_`, MAX_FIELD_TEXT),
        },
        { type: 'mrkdwn', text: truncate(`*Where*\n${whereText(event)}`, MAX_FIELD_TEXT) },
      ],
    },
    ...eventButtons(event, planningOf(event, coming)),
  ];
  if (event.details) blocks.push({ type: 'divider' }, ...detailSections(event.details.mrkdwn));
  const notes = [
    remindersText(event),
    latest ? `Highlights of the last hackathon: ${recapLink(latest)}` : undefined,
  ];
  for (const note of notes) if (note) blocks.push(contextLine(note));
  return blocks;
}

function noDateBlocks(event: NextEvent, latest: LatestRecapRef | undefined): KnownBlock[] {
  const when = event.when ? `not set yet — ${escapeMrkdwn(event.when)}` : 'not set yet';
  const buttons = eventButtons(event);
  const blocks: KnownBlock[] = [
    header(`🗓️ ${event.title}`),
    mrkdwnSection(
      `*No date is set for the next hackathon yet.*\n*When:* ${when}\n*Where:* ${whereText(event)}`,
    ),
    ...closingBlocks(latest),
    ...archiveBlocks(latest),
    ...buttons,
  ];
  if (event.details) blocks.push({ type: 'divider' }, ...detailSections(event.details.mrkdwn));
  blocks.push(contextLine('Reminders begin once the organisers set a date.'));
  return blocks;
}

function overBlocks(event: NextEvent, latest: LatestRecapRef | undefined): KnownBlock[] {
  return [
    header(`🗓️ ${event.title}`),
    mrkdwnSection(
      `*${escapeMrkdwn(event.title)}* took place ${formatEventDates(event)} and is over. ` +
        'The date of the next hackathon is not set yet.',
    ),
    ...closingBlocks(latest),
    ...archiveBlocks(latest),
    contextLine('Reminders begin once the organisers set the next date.'),
  ];
}

function noEventBlocks(latest: LatestRecapRef | undefined): KnownBlock[] {
  return [
    header('🗓️ Next hackathon'),
    mrkdwnSection(
      '*No date is set for the next hackathon yet*: it is not on file, so there are no reminders either.',
    ),
    ...closingBlocks(latest),
    ...archiveBlocks(latest),
  ];
}

/**
 * The event file speaks first while it has a date to come: it is what reminders are planned from. Without
 * one (no file, no `start`, or a date that is over), a hackathon the archive has as on now or coming up
 * (a wrap-up page published ahead) answers.
 */
function fromArchive(
  event: NextEvent | undefined,
  now: Date,
  coming: ComingHackathon | undefined,
): ComingHackathon | undefined {
  if (!coming) return undefined;
  if (event?.start && planReminders(event, now).status !== 'over') return undefined;
  return coming;
}

export function nextEventBlocks(
  event: NextEvent | undefined,
  now: Date,
  latest?: LatestRecapRef,
  coming?: ComingHackathon,
): KnownBlock[] {
  const archived = fromArchive(event, now, coming);
  const blocks = archived
    ? comingHackathonBlocks(archived, event, now, event?.timezone ?? DEFAULT_TIMEZONE)
    : !event
      ? noEventBlocks(latest)
      : !event.start
        ? noDateBlocks(event, latest)
        : planReminders(event, now).status === 'over'
          ? overBlocks(event, latest)
          : upcomingBlocks(event, now, latest, coming);
  return blocks.slice(0, MAX_BLOCKS_MESSAGE);
}

function fallbackText(event: NextEvent | undefined, now: Date, latest: LatestRecapRef | undefined): string {
  if (!event) {
    return latest?.closing
      ? `The next hackathon is not on file yet. The latest recap says: ${latest.closing}`
      : 'The next hackathon is not on file yet.';
  }
  const title = escapeMrkdwn(event.title);
  if (!event.start) {
    return `${title}: the date is not set yet${event.when ? ` — ${escapeMrkdwn(event.when)}` : ''}.`;
  }
  if (planReminders(event, now).status === 'over') {
    return `${title} took place ${formatEventDates(event)}; the next date is not set yet.`;
  }
  const where = event.location ? `, ${escapeMrkdwn(event.location)}` : '';
  return `${title}: ${formatEventDates(event)} (${dayOfEvent(event, now)})${where}.`;
}

/**
 * `/hackathon next`. `latest` is the newest hackathon that is over (its recap and closing sentence, the
 * archive); `coming` the one the archive has as on now or still to come.
 */
export function nextEventView(
  event: NextEvent | undefined,
  now: Date,
  latest?: LatestRecapRef,
  coming?: ComingHackathon,
): SlackMessage {
  const archived = fromArchive(event, now, coming);
  const text = archived
    ? comingHackathonText(archived, now, event?.timezone ?? DEFAULT_TIMEZONE)
    : fallbackText(event, now, latest);
  return { text, blocks: nextEventBlocks(event, now, latest, coming) };
}
