import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  type PersonalRequest,
  parseRequestSentence,
  requestSentence,
  sameRequest,
} from '../src/reminders/sentences.js';
import { zoneFromWords, zoneWords } from '../src/reminders/zone-words.js';

/** Zones Slack gives people: the runtime's list, and names outside it (links, Etc, with `_`, `/`, `+`, `-`). */
const ZONES = [
  ...Intl.supportedValuesOf('timeZone'),
  'UTC',
  'Etc/GMT+5',
  'Etc/GMT-14',
  'Asia/Kolkata',
  'Europe/Kyiv',
  'America/Argentina/Buenos_Aires',
  'America/Port_of_Spain',
  'America/Port-au-Prince',
  'America/Indiana/Tell_City',
  'America/North_Dakota/New_Salem',
  'US/Eastern',
  'EST5EDT',
];

/** Whether two zones keep the same clock at many instants across years (a link and its target do). */
function sameRules(a: string, b: string): boolean {
  for (let month = 0; month < 48; month += 1) {
    const at = DateTime.fromObject({ year: 2024, month: 1, day: 15 }, { zone: 'UTC' }).plus({
      months: month,
    });
    if (at.setZone(a).offset !== at.setZone(b).offset) return false;
  }
  return true;
}

/** What Slack would change in plain message text: its three escapes, formatting marks, dots that make links. */
const SLACK_SENSITIVE = /[&<>*_~`.]|:\/\//;

describe('a time zone in words', () => {
  it('names a zone by its place, without underscores: "Mexico City", "Port of Spain"', () => {
    expect(zoneWords('America/Mexico_City')).toBe('Mexico City');
    expect(zoneWords('America/Port_of_Spain')).toBe('Port of Spain');
    expect(zoneWords('Europe/Berlin')).toBe('Berlin');
    expect(zoneFromWords('Mexico City')).toBe('America/Mexico_City');
    // Outside the runtime's list, or not a place: the whole name, spaces for underscores.
    expect(zoneWords('Asia/Kolkata')).toMatch(/^(Kolkata|Asia\/Kolkata)$/);
    expect(zoneWords('Etc/GMT+5')).toBe('Etc/GMT+5');
    expect(zoneWords('UTC')).toBe('UTC');
    expect(zoneFromWords('Atlantis')).toBeUndefined();
    expect(zoneFromWords('')).toBeUndefined();
  });

  it.each(ZONES)('%s round-trips, and its words carry nothing Slack would format or link', (zone) => {
    const words = zoneWords(zone);
    expect(words).not.toMatch(/_/);
    expect(words.replace(/\//g, ' ')).not.toMatch(SLACK_SENSITIVE);
    const back = zoneFromWords(words);
    expect(back).toBeDefined();
    // The very zone, or one with the same rules that reads the same (a link such as `Singapore`).
    if (back !== zone) expect(sameRules(back ?? '', zone)).toBe(true);
    expect(zoneWords(back ?? '')).toBe(words);
  });
});

describe('the request sentence', () => {
  const request = fc.record(
    {
      zone: fc.constantFrom(...ZONES),
      days: fc
        .uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 })
        .map((days) => days.sort((a, b) => b - a)),
    },
    { requiredKeys: ['zone'] },
  );

  it('reads as a sentence for people', () => {
    expect(requestSentence({ zone: 'America/Mexico_City' })).toBe(
      'You asked for reminders at the usual times, in Mexico City time.',
    );
    expect(requestSentence({ zone: 'Europe/Berlin', days: [7, 1, 0] })).toBe(
      'You asked for reminders 7 days before, 1 day before and on the first day, in Berlin time.',
    );
  });

  it('round-trips through the text of a message, whatever the zone and days', () => {
    fc.assert(
      fc.property(request, (wish: PersonalRequest) => {
        const sentence = requestSentence(wish);
        expect(sentence).not.toMatch(/[&<>*_~`]/);
        const text = `Reminder: R&amp;D *Days* starts in 7 days. Sent 7 days before the start on 7 December 2026. ${sentence}`;
        const back = parseRequestSentence(text);
        expect(back).toBeDefined();
        expect(sameRequest(back ?? { zone: 'UTC' }, wish)).toBe(true);
        expect(back?.days).toEqual(wish.days);
      }),
      { numRuns: 500 },
    );
  });

  it('finds no request in a channel reminder or another message', () => {
    expect(parseRequestSentence('Reminder: Hack The Garden starts in 7 days.')).toBeUndefined();
    expect(
      parseRequestSentence('You asked for reminders at the usual times, in Atlantis time.'),
    ).toBeUndefined();
  });
});
