/**
 * When a hackathon is, seen from one day: still to come, on now, or over. A wrap-up page may be published
 * before its hackathon takes place, so the archive can hold a hackathon that has not happened yet, or one
 * whose topics are not written up. Pure: the day comes in from the caller's clock.
 */
import { DateTime } from 'luxon';
import type { ContentProblem, Hackathon } from './model.js';
import { daysBetween, monthDays } from './months.js';

export type HackathonTiming = 'upcoming' | 'on' | 'over';

/** A hackathon without topics this long after its last day is most likely a forgotten page. */
export const WRITE_UP_GRACE_DAYS = 28;

/** The calendar day `YYYY-MM-DD` at `now` in `zone` (the venue's: a hackathon's days are local days). */
export function dayIn(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).toISODate() ?? now.toISOString().slice(0, 10);
}

/** Its last day: the stated one, else the first, else the last day of its month. */
export function lastDayOf(hackathon: Pick<Hackathon, 'start' | 'end' | 'month'>): string {
  return hackathon.end ?? hackathon.start ?? monthDays(hackathon.month)?.last ?? hackathon.month;
}

/**
 * `upcoming` before its first day, `on` from its first to its last day, `over` after. A hackathon known by
 * its month alone is upcoming in a later month; in the current month it may be on or over already, and a
 * date that may have passed is never presented as coming, so it counts as over.
 */
export function timingOf(
  hackathon: Pick<Hackathon, 'start' | 'end' | 'month'>,
  today: string,
): HackathonTiming {
  if (hackathon.start) {
    if (today < hackathon.start) return 'upcoming';
    return today <= (hackathon.end ?? hackathon.start) ? 'on' : 'over';
  }
  return hackathon.month > today.slice(0, 7) ? 'upcoming' : 'over';
}

/** Whether any recap tells its topics yet. */
export function isWrittenUp(hackathon: Pick<Hackathon, 'topics'>): boolean {
  return hackathon.topics.length > 0;
}

export interface ComingHackathon {
  hackathon: Hackathon;
  timing: 'upcoming' | 'on';
}

/** The hackathon on now, else the soonest one still to come; undefined when the archive has neither. */
export function comingHackathon(
  hackathons: readonly Hackathon[],
  today: string,
): ComingHackathon | undefined {
  const on = hackathons.find((h) => timingOf(h, today) === 'on');
  if (on) return { hackathon: on, timing: 'on' };
  const upcoming = hackathons
    .filter((h) => timingOf(h, today) === 'upcoming')
    .sort((a, b) => (a.start ?? a.month).localeCompare(b.start ?? b.month));
  const first = upcoming[0];
  return first ? { hackathon: first, timing: 'upcoming' } : undefined;
}

/** The hackathons that are over, newest first: the archive as `next` and the Home tab tell it. */
export function pastHackathons(hackathons: readonly Hackathon[], today: string): Hackathon[] {
  return hackathons.filter((h) => timingOf(h, today) === 'over');
}

/**
 * A recap without topics is quiet while its hackathon is to come, on, or over for less than
 * `WRITE_UP_GRACE_DAYS`; after that it is a warning (file:line), since the page was most likely forgotten.
 */
export function unwrittenProblems(hackathons: readonly Hackathon[], today: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const hackathon of hackathons) {
    if (timingOf(hackathon, today) !== 'over') continue;
    const since = daysBetween(lastDayOf(hackathon), today);
    if (!(since > WRITE_UP_GRACE_DAYS)) continue;
    for (const recap of hackathon.recaps) {
      if (recap.topics.length > 0) continue;
      const weeks = Math.floor(since / 7);
      problems.push({
        file: recap.file,
        ...(recap.facts.line !== undefined ? { line: recap.facts.line } : {}),
        severity: 'warning',
        message: `has no topics yet, though its hackathon (${hackathon.monthLabel}) ended ${weeks} weeks ago: write them up, one heading each (## 🌱 Topic title), or remove the page`,
      });
    }
  }
  return problems;
}

/**
 * The hackathons `current` tells the topics of that `previous` did not: new ones, and ones whose page was
 * there before its topics were. What is news when the content changes; a hackathon without topics never is.
 */
export function newlyWrittenUp(previous: readonly Hackathon[], current: readonly Hackathon[]): Hackathon[] {
  const before = new Set(previous.filter(isWrittenUp).map((h) => h.id));
  return current.filter((h) => isWrittenUp(h) && !before.has(h.id));
}
