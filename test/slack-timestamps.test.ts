import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTs } from '../src/slack-timestamps.js';

const micros = (ts: string) => {
  const [seconds = '0', fraction = ''] = ts.split('.');
  return BigInt(seconds) * 1_000_000n + BigInt(fraction.padEnd(6, '0'));
};

describe('Slack timestamps', () => {
  it('sort in time order, with short fractions padded and no digit lost', () => {
    expect(
      ['1750000000.000100', '999999999.900000', '1750000000.5', '1750000000.000099'].sort(compareTs),
    ).toEqual(['999999999.900000', '1750000000.000099', '1750000000.000100', '1750000000.5']);
    expect(compareTs('1750000000.5', '1750000000.500000')).toBe(0);
  });

  it('agree with exact arithmetic on any two timestamps', () => {
    const ts = fc
      .tuple(fc.integer({ min: 1, max: 9_999_999_999 }), fc.integer({ min: 0, max: 999_999 }))
      .map(([s, f]) => `${s}.${String(f).padStart(6, '0')}`);
    fc.assert(
      fc.property(ts, ts, (a, b) => {
        const exact = micros(a) < micros(b) ? -1 : micros(a) > micros(b) ? 1 : 0;
        expect(Math.sign(compareTs(a, b))).toBe(exact);
      }),
    );
  });
});
