import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NextEvent } from '../src/content/model.js';
import { CLOCK_SKEW_MARGIN_MS, PAST_MARGIN_MS, planReminders } from '../src/reminders/plan.js';
import {
  isReminderText,
  parseReminderKey,
  reminderKey,
  reminderSentence,
} from '../src/reminders/sentences.js';
import { countdown, formatEventDates } from '../src/views/event-dates.js';

function event(overrides: Partial<NextEvent> = {}): NextEvent {
  return {
    file: 'next-hackathon.md',
    title: 'Hack The Garden',
    start: '2026-12-07',
    end: '2026-12-11',
    timezone: 'Europe/Berlin',
    reminderDays: [28, 7, 1, 0],
    remindAt: '09:00',
    ...overrides,
  };
}

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('planReminders', () => {
  it('plans the 7-day, 1-day and day-of reminders at 09:00 Berlin for an event 10 days ahead', () => {
    const plan = planReminders(event(), new Date('2026-11-27T10:00:00Z'));
    expect(plan.status).toBe('upcoming');
    expect(plan.due.map((r) => r.daysBefore)).toEqual([7, 1, 0]);
    // 09:00 CET is 08:00 UTC.
    expect(iso(plan.due.map((r) => r.postAt))).toEqual([
      '2026-11-30T08:00:00.000Z',
      '2026-12-06T08:00:00.000Z',
      '2026-12-07T08:00:00.000Z',
    ]);
    expect(plan.due.map((r) => r.localLabel)).toEqual([
      'Mon 30 Nov 2026, 09:00 CET',
      'Sun 6 Dec 2026, 09:00 CET',
      'Mon 7 Dec 2026, 09:00 CET',
    ]);
    expect(plan.due.map((r) => r.key)).toEqual([
      'hackathon-reminder:2026-12-07:7d',
      'hackathon-reminder:2026-12-07:1d',
      'hackathon-reminder:2026-12-07:0d',
    ]);
    expect(plan.past.map((r) => r.daysBefore)).toEqual([28]);
    expect(plan.later).toEqual([]);
  });

  it('keeps everything for later beyond the 120-day horizon, and makes it due as the clock moves on', () => {
    const far = planReminders(event(), new Date('2026-06-01T00:00:00Z'));
    expect(far.status).toBe('upcoming');
    expect(far.due).toEqual([]);
    expect(far.later.map((r) => r.daysBefore)).toEqual([28, 7, 1, 0]);

    // 28 days before is 2026-11-09 08:00 UTC; 120 days before that is 2026-07-12 08:00 UTC, and the
    // margin for clock skew makes it due an hour later, so Slack's clock never finds it too far.
    expect(CLOCK_SKEW_MARGIN_MS).toBe(3_600_000);
    const justBefore = planReminders(event(), new Date('2026-07-12T08:59:00Z'));
    expect(justBefore.due).toEqual([]);
    const atHorizon = planReminders(event(), new Date('2026-07-12T09:00:00Z'));
    expect(atHorizon.due.map((r) => r.daysBefore)).toEqual([28]);
    expect(atHorizon.later.map((r) => r.daysBefore)).toEqual([7, 1, 0]);

    const close = planReminders(event(), new Date('2026-10-01T00:00:00Z'));
    expect(close.due.map((r) => r.daysBefore)).toEqual([28, 7, 1, 0]);
  });

  it('honours a custom horizon', () => {
    const plan = planReminders(event(), new Date('2026-11-27T10:00:00Z'), { horizonDays: 5 });
    expect(plan.due.map((r) => r.daysBefore)).toEqual([7]);
    expect(plan.later.map((r) => r.daysBefore)).toEqual([1, 0]);
  });

  it('plans nothing for a past event and calls it over', () => {
    const plan = planReminders(event(), new Date('2026-12-12T00:00:00Z'));
    expect(plan.status).toBe('over');
    expect(plan.due).toEqual([]);
    expect(plan.later).toEqual([]);
    expect(plan.past).toHaveLength(4);
  });

  it('is still upcoming on the last day of the event, in the event zone', () => {
    // 23:30 UTC on the 11th is already the 12th in Berlin.
    expect(planReminders(event(), new Date('2026-12-11T22:30:00Z')).status).toBe('upcoming');
    expect(planReminders(event(), new Date('2026-12-11T23:00:00Z')).status).toBe('over');
  });

  it('says no-date and plans nothing without a start', () => {
    const plan = planReminders(event({ start: undefined, end: undefined }), new Date('2026-11-24T00:00:00Z'));
    expect(plan).toEqual({ due: [], later: [], past: [], status: 'no-date' });
  });

  it('treats a reminder within the margin of now as past, since Slack rejects it', () => {
    const postAt = Date.parse('2026-12-07T08:00:00Z');
    const within = planReminders(event(), new Date(postAt - PAST_MARGIN_MS + 1000));
    expect(within.past.map((r) => r.daysBefore)).toContain(0);
    const outside = planReminders(event(), new Date(postAt - PAST_MARGIN_MS - 1000));
    expect(outside.due.map((r) => r.daysBefore)).toEqual([0]);
  });

  it('lands at 09:00 local across the end of daylight saving time', () => {
    // Berlin leaves CEST on 2026-10-25: 28 days before 2026-11-02 is in CEST, 7 days before in CET.
    const plan = planReminders(
      event({ start: '2026-11-02', end: '2026-11-06' }),
      new Date('2026-09-01T00:00:00Z'),
    );
    const byDays = new Map(plan.due.map((r) => [r.daysBefore, r]));
    expect(byDays.get(28)?.postAt.toISOString()).toBe('2026-10-05T07:00:00.000Z');
    expect(byDays.get(28)?.localLabel).toBe('Mon 5 Oct 2026, 09:00 CEST');
    expect(byDays.get(7)?.postAt.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(byDays.get(7)?.localLabel).toBe('Mon 26 Oct 2026, 09:00 CET');
  });

  it('uses custom reminder days and time', () => {
    const plan = planReminders(
      event({ reminderDays: [14, 2], remindAt: '17:30' }),
      new Date('2026-11-01T00:00:00Z'),
    );
    expect(plan.due.map((r) => [r.daysBefore, r.postAt.toISOString()])).toEqual([
      [14, '2026-11-23T16:30:00.000Z'],
      [2, '2026-12-05T16:30:00.000Z'],
    ]);
  });

  it('computes in another zone (America/New_York)', () => {
    const plan = planReminders(
      event({ timezone: 'America/New_York', start: '2026-11-09', end: '2026-11-09' }),
      new Date('2026-10-01T00:00:00Z'),
    );
    const byDays = new Map(plan.due.map((r) => [r.daysBefore, r]));
    // New York leaves EDT on 2026-11-01.
    expect(byDays.get(28)?.postAt.toISOString()).toBe('2026-10-12T13:00:00.000Z');
    expect(byDays.get(28)?.localLabel).toBe('Mon 12 Oct 2026, 09:00 EDT');
    expect(byDays.get(0)?.postAt.toISOString()).toBe('2026-11-09T14:00:00.000Z');
    expect(byDays.get(0)?.localLabel).toBe('Mon 9 Nov 2026, 09:00 EST');
  });

  it('sorts by postAt and puts every reminder in exactly one bucket', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 600 }),
        (days, offset) => {
          const now = new Date(Date.parse('2026-01-01T00:00:00Z') + offset * 86_400_000);
          const plan = planReminders(event({ reminderDays: days }), now);
          const all = [...plan.past, ...plan.due, ...plan.later];
          expect(all.map((r) => r.daysBefore).sort()).toEqual([...days].sort());
          const times = all.map((r) => r.postAt.getTime());
          expect(times).toEqual([...times].sort((a, b) => a - b));
        },
      ),
    );
  });
});

describe('the reminder sentence', () => {
  it('round-trips the key through the text, in words for people', () => {
    const key = reminderKey('2026-12-07', 7);
    const text = `Reminder: Hack The Garden starts in 7 days. ${reminderSentence(key)}`;
    expect(text).toBe(
      'Reminder: Hack The Garden starts in 7 days. Sent 7 days before the start on 7 December 2026.',
    );
    expect(parseReminderKey(text)).toBe(key);
    expect(isReminderText(text)).toBe(true);
    expect(reminderSentence(reminderKey('2026-12-07', 1))).toBe(
      'Sent 1 day before the start on 7 December 2026.',
    );
    expect(reminderSentence(reminderKey('2026-12-07', 0))).toBe('Sent on the first day, 7 December 2026.');
  });

  it('reads the last sentence, and not other messages', () => {
    expect(parseReminderKey('x Sent on the first day, 7 December 2026.\n')).toBe(
      'hackathon-reminder:2026-12-07:0d',
    );
    expect(isReminderText('Hack The Garden starts in 7 days')).toBe(false);
    expect(isReminderText('Sent 7 days before the start on 31 February 2026.')).toBe(false);
    expect(isReminderText('')).toBe(false);
  });

  it('round-trips any date and day count, with nothing Slack would escape or format', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (date, days) => {
          const key = reminderKey(date.toISOString().slice(0, 10), days);
          const sentence = reminderSentence(key);
          expect(sentence).toMatch(/^[A-Za-z0-9 ,.]+$/);
          expect(parseReminderKey(`Reminder: R&amp;D *soon*. ${sentence}`)).toBe(key);
        },
      ),
    );
  });

  it('refuses a malformed key', () => {
    expect(() => reminderSentence('something-else')).toThrow(/Not a reminder key/);
  });
});

describe('countdown', () => {
  const zone = 'Europe/Berlin';
  it.each([
    ['2026-12-07T10:00:00Z', 'today'],
    ['2026-12-06T22:59:00Z', 'tomorrow'],
    ['2026-12-06T23:00:00Z', 'today'],
    ['2026-11-25T12:00:00Z', 'in 12 days'],
    ['2026-12-08T12:00:00Z', 'started yesterday'],
    ['2026-12-09T12:00:00Z', 'started 2 days ago'],
    ['2026-10-08T12:00:00Z', 'in 60 days'],
    ['2026-10-01T12:00:00Z', 'in 9 weeks'],
    ['2026-07-01T12:00:00Z', 'in 5 months'],
    ['2026-12-07T08:00:00Z', 'today'],
  ])('at %s says %s', (now, expected) => {
    expect(countdown(new Date(now), '2026-12-07', zone)).toBe(expected);
  });

  it('counts calendar days in the event zone, not the server zone', () => {
    // 20:00 in New York on the 6th is already the 7th in Berlin.
    expect(countdown(new Date('2026-12-07T01:00:00Z'), '2026-12-07', 'Europe/Berlin')).toBe('today');
    expect(countdown(new Date('2026-12-07T01:00:00Z'), '2026-12-07', 'America/New_York')).toBe('tomorrow');
  });
});

describe('formatEventDates', () => {
  it.each([
    ['2026-12-07', '2026-12-11', 'Mon 7 – Fri 11 Dec 2026'],
    ['2026-12-07', '2026-12-07', 'Mon 7 Dec 2026'],
    ['2026-11-30', '2026-12-04', 'Mon 30 Nov – Fri 4 Dec 2026'],
    ['2026-12-30', '2027-01-01', 'Wed 30 Dec 2026 – Fri 1 Jan 2027'],
    ['2026-09-07', '2026-09-08', 'Mon 7 – Tue 8 Sep 2026'],
  ])('%s to %s is %s', (start, end, expected) => {
    expect(formatEventDates({ start, end })).toBe(expected);
  });

  it('says what is known without a date', () => {
    expect(formatEventDates({ when: 'early December' })).toBe('early December (date not set yet)');
    expect(formatEventDates({})).toBe('date not set yet');
  });
});
