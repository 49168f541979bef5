import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Intent, intentText, parseIntent } from '../src/intent.js';

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
    ['announce <#C0123ABC|general>', { kind: 'announce', channel: 'C0123ABC' }],
    ['reminders', { kind: 'reminders', cancel: false }],
    ['reminders cancel', { kind: 'reminders', cancel: true }],
    ['remind me', { kind: 'remind-me', off: false }],
    ['remind me 7d 1d', { kind: 'remind-me', off: false, days: [7, 1] }],
    ['remind me off', { kind: 'remind-me', off: true }],
    ['remind me tomorrow', { kind: 'remind-me', off: false }],
    ['remind everyone', { kind: 'search', query: 'remind everyone' }],
    ['subscribe', { kind: 'subscribe' }],
    ['unsubscribe', { kind: 'unsubscribe' }],
  ])('%j', (text, intent) => {
    expect(parseIntent(text)).toEqual(intent);
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
