import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Intent, intentText, parseIntent } from '../src/intent.js';
import { decodeSlackText } from '../src/slack-text.js';

/** As the listeners do: the text Slack sent, decoded once, then parsed. */
function fromSlack(wire: string): Intent {
  const typed = decodeSlackText(wire);
  return parseIntent(typed.text, typed);
}

describe('parseIntent', () => {
  it.each<[string, Intent]>([
    ['', { kind: 'help' }],
    ['   ', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['HELP me', { kind: 'help' }],
    ['topics', { kind: 'topics', page: 1 }],
    ['Topics security', { kind: 'topics', filter: 'security', page: 1 }],
    ['topics dec 2024 page 2', { kind: 'topics', filter: 'dec 2024', page: 2 }],
    [
      'topic 2025-06-schelklingen/documentation-revamp',
      { kind: 'topic', key: '2025-06-schelklingen/documentation-revamp' },
    ],
    ['topic 2025-06/documentation-revamp', { kind: 'topic', key: '2025-06/documentation-revamp' }],
    [
      'topic 2025-06/documentation-revamp from topics june 2025 page 2',
      { kind: 'topic', key: '2025-06/documentation-revamp', back: 'topics june 2025 page 2' },
    ],
    ['topics 2024-12 page 9', { kind: 'topics', filter: '2024-12', page: 9 }],
    ['wireguard', { kind: 'search', query: 'wireguard' }],
    ['  gep   32 ', { kind: 'search', query: 'gep 32' }],
    ['next', { kind: 'next' }],
    ['next steps', { kind: 'search', query: 'next steps' }],
    ['announce', { kind: 'announce' }],
    ['announce #C0123ABC', { kind: 'announce', channel: 'C0123ABC' }],
    ['announce #general', { kind: 'announce', unknownChannel: '#general' }],
    ['reminders', { kind: 'reminders', cancel: false }],
    ['reminders cancel', { kind: 'reminders', cancel: true }],
    ['remind me', { kind: 'remind-me', off: false }],
    ['remind me 7d 1d', { kind: 'remind-me', off: false, days: [7, 1] }],
    ['remind me off', { kind: 'remind-me', off: true }],
    [
      'remind me tomorrow',
      { kind: 'remind-me', off: false, problem: { kind: 'not-understood', words: 'tomorrow' } },
    ],
    ['remind me 200d', { kind: 'remind-me', off: false, problem: { kind: 'too-far', days: 200 } }],
    ['remind me 120d', { kind: 'remind-me', off: false, days: [120] }],
    ['remind me 7 days, 1 day and the first day', { kind: 'remind-me', off: false, days: [7, 1, 0] }],
    ['remind me 2w 3d', { kind: 'remind-me', off: false, days: [14, 3] }],
    ['remind me 999w', { kind: 'remind-me', off: false, problem: { kind: 'too-far', days: 6993 } }],
    ['remind me 7d1d', { kind: 'remind-me', off: false, problem: { kind: 'not-understood', words: '7d1d' } }],
    ['when is the next one', { kind: 'next' }],
    ['When is the next hackathon?', { kind: 'next' }],
    ['next hackathon', { kind: 'next' }],
    ["when's the next Hack The Garden", { kind: 'next' }],
    ['when’s the next hackathon', { kind: 'next' }],
    ['what is the next event', { kind: 'next' }],
    ['next gardener release', { kind: 'search', query: 'next gardener release' }],
    ['remind everyone', { kind: 'search', query: 'remind everyone' }],
    ['subscribe', { kind: 'subscribe' }],
    ['unsubscribe', { kind: 'unsubscribe' }],
  ])('%j', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
  });

  it.each<[string, Intent]>([
    ['announce <#C0123ABC|general>', { kind: 'announce', channel: 'C0123ABC' }],
    ['announce <#C0123ABC|>', { kind: 'announce', channel: 'C0123ABC' }],
    ['announce #nowhere', { kind: 'announce', unknownChannel: '#nowhere' }],
    ['R&amp;D', { kind: 'search', query: 'R&D' }],
    ['&lt;!channel&gt; &amp; <@U123|max>', { kind: 'search', query: '<!channel> & @max' }],
    ['when&#39;s', { kind: 'search', query: 'when&#39;s' }],
  ])('from Slack: %j', (wire, intent) => {
    expect(fromSlack(wire)).toEqual(intent);
  });

  it('round-trips remind me with any days, weeks and words', () => {
    const piece = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom('d', ' days', 'w', ' weeks', ' day')),
      fc.constantFrom<[string, string]>(
        ['and', ''],
        [',', ''],
        ['first day', ''],
        ['tomorrow', ''],
        ['off', ''],
      ),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 5 }), (pieces) => {
        const intent = parseIntent(`remind me ${pieces.map(([n, unit]) => `${n}${unit}`).join(' ')}`);
        expect(intent.kind).toBe('remind-me');
        expect(parseIntent(intentText(intent))).toEqual(intent);
      }),
      { numRuns: 500 },
    );
  });

  it('reads at most 500 characters of a 4,000-character text', () => {
    const intent = parseIntent('x'.repeat(4000));
    expect(intent).toEqual({ kind: 'search', query: 'x'.repeat(500) });
  });

  it('round-trips: the text of an intent parses back to the same intent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const intent = parseIntent(text);
        expect(parseIntent(intentText(intent))).toEqual(intent);
      }),
      { numRuns: 500 },
    );
  });
});
