import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KnownBlock } from '@slack/types';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { markdownToRichText, parseNextEvent } from '../src/content/event.js';
import { formatProblem } from '../src/content/load.js';
import type { NextEvent, Recap } from '../src/content/model.js';
import { Library } from '../src/library.js';
import { planReminders } from '../src/reminders/plan.js';
import { isReminderText, parseReminderKey } from '../src/reminders/sentences.js';
import { archiveFacts, closingDate } from '../src/views/archive.js';
import { googleCalendarUrl } from '../src/views/calendar.js';
import { latestRef } from '../src/views/latest-recap.js';
import type { SlackMessage } from '../src/views/message.js';
import { nextEventBlocks, nextEventView } from '../src/views/next-event.js';
import { reminderMessage } from '../src/views/reminder.js';
import { makeContent, makeRecap } from './support/fixtures.js';
import { buttonsIn, visibleText } from './support/visible.js';

const FILE = 'next-hackathon.md';

function source(frontMatter: string, body = ''): string {
  return `---\n${frontMatter.trim()}\n---\n${body}`;
}

function parsed(frontMatter: string, body = ''): NextEvent {
  const result = parseNextEvent(source(frontMatter, body), FILE);
  if (!result.event) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.event;
}

const FULL = `
title: Hack The Garden
start: 2026-12-07
end: 2026-12-11
timezone: Europe/Berlin
location: Schlosshof, Schelklingen
signup: https://example.org/signup
channel: C0123ABCD
reminders: [14d, 2d]
remind_at: "17:30"
`;

describe('parseNextEvent', () => {
  it('reads every field, with unquoted YAML dates as the date written', () => {
    const event = parsed(FULL, 'Bring a **laptop**.');
    expect(event).toEqual({
      file: FILE,
      title: 'Hack The Garden',
      start: '2026-12-07',
      end: '2026-12-11',
      timezone: 'Europe/Berlin',
      location: 'Schlosshof, Schelklingen',
      signup: 'https://example.org/signup',
      channel: 'C0123ABCD',
      reminderDays: [14, 2],
      remindAt: '17:30',
      details: { text: 'Bring a laptop.', mrkdwn: 'Bring a *laptop*.' },
    });
  });

  it('fills the defaults: Berlin, [28, 7, 1, 0] days, 09:00, end = start', () => {
    const event = parsed('title: One day\nstart: 2026-12-07');
    expect(event.timezone).toBe('Europe/Berlin');
    expect(event.reminderDays).toEqual([28, 7, 1, 0]);
    expect(event.remindAt).toBe('09:00');
    expect(event.end).toBe('2026-12-07');
    expect(event.details).toBeUndefined();
  });

  it('sorts reminders largest first and drops duplicates; an empty list means no reminders', () => {
    expect(parsed('title: x\nreminders: [0d, 7d, 28d, 7d]').reminderDays).toEqual([28, 7, 0]);
    expect(parsed('title: x\nreminders: []').reminderDays).toEqual([]);
  });

  it('accepts the Date objects js-yaml makes of unquoted dates (as gray-matter hands them over)', () => {
    const { data } = matter(source('start: 2026-12-07'));
    expect(data.start).toBeInstanceOf(Date);
    const start = (data.start as Date).toISOString().slice(0, 10);
    expect(parsed(`title: x\nstart: ${start}`).start).toBe('2026-12-07');
  });

  it('spells the zone the canonical way', () => {
    expect(parsed('title: x\ntimezone: america/new_york').timezone).toBe('America/New_York');
  });

  const bad: [string, string, number, RegExp][] = [
    [
      'start not a date',
      'title: x\nstart: Dec 1',
      3,
      /^"start" must be a date like 2026-12-01, got "Dec 1"$/,
    ],
    ['start not a calendar day', 'title: x\nstart: 2026-02-30', 3, /"start" must be a date/],
    ['end not a date', 'title: x\nstart: 2026-12-01\nend: 5', 4, /"end" must be a date like .*, got 5$/],
    [
      'end before start',
      'title: x\nstart: 2026-12-07\nend: 2026-12-01',
      4,
      /"end" \(2026-12-01\) is before "start"/,
    ],
    ['end without start', 'title: x\nend: 2026-12-01', 3, /"end" needs a "start"/],
    [
      'unknown zone',
      'title: x\ntimezone: Europe/Atlantis',
      3,
      /"timezone" must be an IANA time zone.*"Europe\/Atlantis"/,
    ],
    ['fixed offset zone', 'title: x\ntimezone: UTC+1', 3, /"timezone"/],
    [
      'remind_at not HH:MM',
      'title: x\nremind_at: 9am',
      3,
      /"remind_at" must be a local time like 09:00, got "9am"/,
    ],
    ['remind_at out of range', 'title: x\nremind_at: "25:00"', 3, /"remind_at"/],
    [
      'reminders entry',
      'title: x\nreminders:\n  - 7d\n  - 1 day',
      5,
      /entry of "reminders" .* like 7d, got "1 day"/,
    ],
    ['reminders entry number', 'title: x\nreminders: [7d, 1]', 3, /entry of "reminders" .*, got 1$/],
    ['reminders not a list', 'title: x\nreminders: 7d', 3, /"reminders" must be a list/],
    [
      'signup not http',
      'title: x\nsignup: ftp://example.org',
      3,
      /"signup" must be an http\(s\) URL, got "ftp:/,
    ],
    ['signup not a URL', 'title: x\nsignup: sign up in Slack', 3, /"signup" must be an http\(s\) URL/],
    [
      'channel not an id',
      'title: x\nchannel: "#hackathon"',
      3,
      /"channel" must be a Slack channel ID like C0123456789, got "#hackathon"/,
    ],
    ['title missing', 'start: 2026-12-01', 1, /"title" is required/],
    ['title not text', 'title: [a, b]', 2, /"title"/],
  ];

  it.each(bad)('reports %s with field and line', (_name, frontMatter, line, message) => {
    const result = parseNextEvent(source(frontMatter), FILE);
    expect(result.event).toBeUndefined();
    const errors = result.problems.filter((problem) => problem.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: FILE, line });
    expect(errors[0]!.message).toMatch(message);
    expect(formatProblem(errors[0]!)).toMatch(new RegExp(`^next-hackathon\\.md:${line}: `));
  });

  it('reports every bad field at once', () => {
    const result = parseNextEvent(source('title: x\nstart: soon\ntimezone: Mars/Base'), FILE);
    expect(result.problems.map((problem) => problem.line)).toEqual([3, 4]);
  });

  it('warns about an unknown field, on its line, and still loads', () => {
    const result = parseNextEvent(source('title: x\nremindAt: "10:00"'), FILE);
    expect(result.event?.remindAt).toBe('09:00');
    expect(result.problems).toEqual([
      expect.objectContaining({ line: 3, severity: 'warning', message: expect.stringMatching(/"remindAt"/) }),
    ]);
  });

  it('reports broken YAML and a missing front matter with a line', () => {
    const broken = parseNextEvent(source('title: x\nreminders: [7d'), FILE);
    expect(broken.event).toBeUndefined();
    expect(broken.problems[0]?.message).toMatch(/not valid YAML/);
    expect(broken.problems[0]?.line).toBe(3);

    const none = parseNextEvent('# Next hackathon\n', FILE);
    expect(none.problems).toEqual([expect.objectContaining({ line: 1, severity: 'error' })]);
  });
});

describe('markdownToRichText', () => {
  it('converts links, bold and lists to mrkdwn and escapes the rest', () => {
    const details = markdownToRichText(
      'Bring **a laptop** & _snacks_ <3.\n\n- Sign up [here](https://example.org/a?b=1&c=2)\n- Read [the | repo](https://github.com/gardener-community/hackathon)\n\n<!-- organisers only -->',
    );
    expect(details?.mrkdwn).toBe(
      'Bring *a laptop* &amp; _snacks_ &lt;3.\n\n' +
        '• Sign up <https://example.org/a?b=1&c=2|here>\n' +
        '• Read <https://github.com/gardener-community/hackathon|the ∣ repo>',
    );
    expect(details?.text).toBe(
      'Bring a laptop & snacks <3.\n\n• Sign up here (https://example.org/a?b=1&c=2)\n' +
        '• Read the | repo (https://github.com/gardener-community/hackathon)',
    );
  });

  it('keeps ordered and nested lists', () => {
    expect(markdownToRichText('1. one\n2. two\n   - nested')?.mrkdwn).toBe('1. one\n2. two\n    • nested');
  });

  it('gives nothing for an empty body', () => {
    expect(markdownToRichText('\n  \n<!-- nothing -->\n')).toBeUndefined();
  });
});

describe('the shipped content/next-hackathon.md', () => {
  const shipped = readFileSync(path.resolve('content/next-hackathon.md'), 'utf8');
  const result = parseNextEvent(shipped, FILE);

  it('parses cleanly, without a start, and plans no reminders', () => {
    expect(result.problems).toEqual([]);
    expect(result.event?.start).toBeUndefined();
    expect(result.event?.when).toMatch(/early December/);
    expect(result.event?.timezone).toBe('Europe/Berlin');
    expect(result.event?.location).toBeUndefined();
    expect(result.event?.signup).toMatch(/^https:\/\/join\.slack\.com\/t\/gardener-cloud\//);
    expect(planReminders(result.event!, new Date('2026-11-24T09:00:00Z')).status).toBe('no-date');
  });

  it('links the hackathon repository in its details', () => {
    expect(result.event?.details?.mrkdwn).toContain('<https://github.com/gardener-community/hackathon|');
  });
});

describe('googleCalendarUrl', () => {
  it('makes an all-day template link with an exclusive end and encoded text', () => {
    const event = parsed(
      'title: "Hack & Garden: 8th (Dec)"\nstart: 2026-12-07\nend: 2026-12-11\nlocation: Schlosshof, Schelklingen',
    );
    const url = new URL(googleCalendarUrl(event, 'Bring a laptop? Yes! 100% <sure>')!);
    expect(url.origin + url.pathname).toBe('https://calendar.google.com/calendar/render');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      action: 'TEMPLATE',
      text: 'Hack & Garden: 8th (Dec)',
      dates: '20261207/20261212',
      ctz: 'Europe/Berlin',
      location: 'Schlosshof, Schelklingen',
      details: 'Bring a laptop? Yes! 100% <sure>',
    });
    expect(url.search).toContain('text=Hack%20%26%20Garden%3A%208th%20%28Dec%29');
    expect(url.search).not.toMatch(/[ <>()!']/);
  });

  it('crosses a year for a one-day event on 31 December', () => {
    const url = googleCalendarUrl(parsed('title: x\nstart: 2026-12-31'));
    expect(new URL(url!).searchParams.get('dates')).toBe('20261231/20270101');
  });

  it('defaults details to the body and sign-up link, and leaves out what is missing', () => {
    const event = parsed('title: x\nstart: 2026-12-07\nsignup: https://example.org/s', 'Bring a laptop.');
    const params = new URL(googleCalendarUrl(event)!).searchParams;
    expect(params.get('details')).toBe('Bring a laptop.\n\nSign up: https://example.org/s');
    expect(params.has('location')).toBe(false);
  });

  it('has no link without a start', () => {
    expect(googleCalendarUrl(parsed('title: x'))).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Views

function expectWithinLimits(message: SlackMessage): void {
  expect(message.text.trim().length).toBeGreaterThan(10);
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
    }
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
  }
  for (const button of buttonsIn(message)) {
    expect(button.text.text.length).toBeLessThanOrEqual(75);
    expect(String(button.action_id)).toMatch(/^link:/);
    expect(String(button.url)).toMatch(/^https?:\/\//);
  }
}

function allText(blocks: KnownBlock[]): string {
  return visibleText(blocks);
}

/** Each button's url by its action id. */
function buttons(blocks: KnownBlock[]): Record<string, string> {
  return Object.fromEntries(buttonsIn(blocks).map((b) => [String(b.action_id), String(b.url)]));
}

const LATEST = {
  title: 'Highlights from the 7th Gardener Community Hackathon',
  recapUrl: 'https://gardener.cloud/blog/2025/06/recap',
  closing: 'The next hackathon takes place in early December 2025.',
};

const UPCOMING = parsed(
  `${FULL}\nlocation: "R&D <lab>"`.replace('location: Schlosshof, Schelklingen\n', ''),
  'Bring a [laptop](https://example.org/laptop).',
);

describe('nextEventView', () => {
  const now = new Date('2026-11-24T10:00:00Z');

  it('shows dates, countdown, location, buttons and details of an upcoming event', () => {
    const message = nextEventView(UPCOMING, now, LATEST);
    expectWithinLimits(message);
    const text = allText(message.blocks);
    expect(message.blocks[0]).toMatchObject({ type: 'header' });
    expect(text).toContain('Mon 7 – Fri 11 Dec 2026');
    expect(text).toContain('in 13 days');
    expect(text).toContain('R&amp;D &lt;lab&gt;');
    expect(text).toContain('<https://example.org/laptop|laptop>');
    expect(text).toContain(`<${LATEST.recapUrl}|`);
    const links = buttons(message.blocks);
    expect(links['link:signup']).toBe('https://example.org/signup');
    expect(links['link:calendar']).toMatch(
      /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE/,
    );
    expect(message.text).toBe('Hack The Garden: Mon 7 – Fri 11 Dec 2026 (in 13 days), R&amp;D &lt;lab&gt;.');
  });

  it('says the event is happening during its days', () => {
    const message = nextEventView(UPCOMING, new Date('2026-12-09T10:00:00Z'), LATEST);
    expect(allText(message.blocks)).toContain('happening now');
  });

  it('without a date, says what is known, quotes the recap and that reminders wait for a date', () => {
    const event = parsed('title: Next hackathon\nwhen: early December\nsignup: https://example.org/join');
    const message = nextEventView(event, now, LATEST);
    expectWithinLimits(message);
    const text = allText(message.blocks);
    expect(text).toContain('early December');
    expect(text).toContain(LATEST.closing);
    expect(text).toMatch(/Reminders begin once .* date/);
    expect(text).toContain('to be announced');
    expect(Object.keys(buttons(message.blocks))).toEqual(['link:signup']);
    expect(message.text).toMatch(/date is not set yet — early December/);
  });

  it('for a past event, says it is over and the next date is not set', () => {
    const message = nextEventView(UPCOMING, new Date('2026-12-20T10:00:00Z'), LATEST);
    expectWithinLimits(message);
    const text = allText(message.blocks);
    expect(text).toMatch(/is over/);
    expect(text).toMatch(/next hackathon is not set yet/);
    expect(buttons(message.blocks)).toEqual({});
    expect(message.text).toMatch(/next date is not set yet/);
  });

  it('without an event file, says so with the recap closing sentence', () => {
    const message = nextEventView(undefined, now, LATEST);
    expectWithinLimits(message);
    expect(allText(message.blocks)).toMatch(/not on file/);
    expect(allText(message.blocks)).toContain(LATEST.closing);
    expect(message.text).toContain(LATEST.closing);
    expect(nextEventView(undefined, now).blocks.length).toBeGreaterThan(0);
  });

  it('gives the same blocks to the App Home', () => {
    expect(nextEventBlocks(UPCOMING, now, LATEST)).toEqual(nextEventView(UPCOMING, now, LATEST).blocks);
  });

  it('stays inside the limits with oversized content', () => {
    const long = 'word '.repeat(2000);
    const body = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${'x'.repeat(900)}`).join('\n\n');
    const event: NextEvent = {
      ...UPCOMING,
      title: `A ${long}`,
      location: long,
      when: long,
      details: { text: body, mrkdwn: `${body}\n\n${'y'.repeat(7000)}` },
    };
    for (const subject of [event, { ...event, start: undefined, end: undefined }]) {
      expectWithinLimits(nextEventView(subject, now, { ...LATEST, closing: long }));
    }
  });
});

describe('reminderMessage', () => {
  const plan = planReminders(UPCOMING, new Date('2026-11-01T00:00:00Z'));

  it('says what, when, where, with sign-up and the last recap, and carries the marker', () => {
    const reminder = plan.due.find((r) => r.daysBefore === 2)!;
    const message = reminderMessage(UPCOMING, reminder, LATEST);
    expectWithinLimits(message);
    const text = allText(message.blocks);
    expect(text).toContain('starts in 2 days');
    expect(text).toContain('Mon 7 – Fri 11 Dec 2026');
    expect(text).toContain('R&amp;D &lt;lab&gt;');
    expect(text).toContain(`<${LATEST.recapUrl}|`);
    expect(buttons(message.blocks)['link:signup']).toBe('https://example.org/signup');
    expect(isReminderText(message.text)).toBe(true);
    expect(parseReminderKey(message.text)).toBe(reminder.key);
    expect(message.text).toMatch(/^Reminder: Hack The Garden starts in 2 days: Mon 7 – Fri 11 Dec 2026/);
  });

  it('counts down from the time it is posted', () => {
    const event = { ...UPCOMING, reminderDays: [1, 0] };
    const [dayBefore, dayOf] = planReminders(event, new Date('2026-11-01T00:00:00Z')).due;
    expect(reminderMessage(event, dayBefore!).text).toContain('starts tomorrow');
    expect(reminderMessage(event, dayOf!).text).toContain('starts today');
  });

  it('stays inside the limits with a very long title', () => {
    const event = { ...UPCOMING, title: 'T'.repeat(400), location: 'L'.repeat(4000) };
    const message = reminderMessage(event, plan.due[0]!, LATEST);
    expectWithinLimits(message);
    expect(isReminderText(message.text)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------
// `next` over the archive: a passed date is never presented as coming.

function recapOf(id: string, month: string, extra: Partial<Recap['facts']> = {}, closing?: string): Recap {
  const recap = makeRecap({
    id,
    title: `Hackathon ${month}`,
    date: `${month}-20`,
    topics: [{ title: `Topic ${id}` }],
  });
  return {
    ...recap,
    facts: { month, ...extra },
    ...(closing ? { nextHackathon: { text: closing, mrkdwn: closing } } : {}),
  };
}

const ARCHIVE = [
  recapOf('2023-05', '2023-05', { place: 'Open Sky House, Leverkusen' }),
  recapOf('2023-12', '2023-12'),
  recapOf('2024-05', '2024-05'),
  recapOf('2024-12', '2024-12'),
  recapOf(
    '2025-06',
    '2025-06',
    { start: '2025-06-02', end: '2025-06-06', place: 'Schlosshof in Schelklingen, Germany' },
    'The next hackathon takes place in early December 2025. If you’d like to join, head over to the Gardener Slack.',
  ),
];

describe('next, read from the archive', () => {
  const library = new Library(makeContent(ARCHIVE));
  const noDate = parsed(
    'title: Next hackathon\nwhen: early December (to be confirmed)\nsignup: https://example.org/join',
  );
  const ask = (now: string, event: NextEvent | undefined = noDate) =>
    nextEventView(event, new Date(now), latestRef(library.hackathons, new Date(now)));

  it('quotes the newest recap’s closing sentence while its date is to come', () => {
    const message = ask('2025-07-01T10:00:00Z');
    expect(allText(message.blocks)).toContain('The next hackathon takes place in early December 2025');
  });

  it('never quotes it once that date has passed, and says plainly that no date is set', () => {
    for (const event of [noDate, undefined]) {
      const message = ask('2026-11-24T10:00:00Z', event);
      const text = allText(message.blocks);
      expectWithinLimits(message);
      expect(text).not.toContain('December 2025');
      expect(message.text).not.toContain('December 2025');
      expect(text).toContain('No date is set for the next hackathon yet');
    }
  });

  it('says what the archive shows: how often, and when and where the last one was; and how to join', () => {
    const message = ask('2026-11-24T10:00:00Z');
    const text = allText(message.blocks);
    expect(text).toContain('5 hackathons, about twice a year, usually in May/June and December.');
    expect(text).toContain(
      '*The last one:* June 2025, 2–6 June 2025 in Schlosshof in Schelklingen, Germany.',
    );
    expect(buttons(message.blocks)['link:signup']).toBe('https://example.org/join');
  });

  it('reads the dates closing sentences name', () => {
    expect(closingDate('The next hackathon takes place in early December 2025.')).toBe('2025-12-31');
    expect(closingDate('the next Hackathon slated for the end of 2024.')).toBe('2024-12-31');
    expect(closingDate('We’re eager to see what the next Hackathon will bring.')).toBeUndefined();
    expect(closingDate('Next: Sept. 2026, or October 2026')).toBe('2026-10-31');
  });

  it('says how often from the dates alone', () => {
    const facts = archiveFacts(new Library(makeContent(ARCHIVE.slice(0, 1))).hackathons);
    expect(facts).toMatchObject({
      count: 1,
      last: { name: 'May 2023', place: 'Open Sky House, Leverkusen' },
    });
    expect(facts.rhythm).toBeUndefined();
    const yearly = ['2019-09', '2020-09', '2021-10', '2022-09'].map((m) => recapOf(m, m));
    expect(archiveFacts(new Library(makeContent(yearly)).hackathons).rhythm).toBe(
      'about once a year, usually in September/October',
    );
  });
});
