import type { KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLOCK_TEXT_BUDGET,
  blockTextLength,
  fitMessage,
  MAX_BLOCKS_MESSAGE,
  splitMrkdwn,
  truncate,
} from '../src/views/limits.js';
import type { SlackMessage } from '../src/views/message.js';
import { escapeMrkdwn, mrkdwnLink, plainText, quoteUserText, sanitizeMrkdwn } from '../src/views/mrkdwn.js';
import { limitProblems } from './support/limits.js';
import { visibleText } from './support/visible.js';

const LINK = '<https://github.com/gardener/gardener/pull/12252|gardener PR #12252>';
const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const isLoneSurrogate = (text: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/** Every `<` opens a link that is closed on the same piece: no link was cut. */
function linksIntact(text: string): boolean {
  return !/<[^>]*$/.test(text) && !/^[^<]*>/.test(text);
}

describe('truncate', () => {
  it('leaves short text alone', () => {
    expect(truncate('WireGuard', 20)).toBe('WireGuard');
  });

  it('cuts at a word boundary and marks the cut', () => {
    const cut = truncate('Replacement of OpenVPN with Wireguard', 20);
    expect(cut).toBe('Replacement of…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('never splits an emoji, a ZWJ sequence or a surrogate pair', () => {
    const family = '👨‍👩‍👧';
    const text = `${'🏎️'.repeat(10)}${family.repeat(5)}`;
    for (let max = 1; max < text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(isLoneSurrogate(cut)).toBe(false);
      expect(cut.replace(/…$/, '').replace(/🏎️/g, '').replaceAll(family, '')).toBe('');
    }
  });

  it('never cuts inside a link or an entity', () => {
    const text = `See ${LINK} and Tom &amp; Jerry &lt;3 for the details of it all`;
    for (let max = 1; max < text.length; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(linksIntact(cut)).toBe(true);
      expect(/&[a-z]*$/.test(cut.replace(/…$/, ''))).toBe(false);
    }
  });

  it('keeps the label of a link too long to keep whole', () => {
    const long = `<https://example.com/${'a'.repeat(500)}|the label>`;
    expect(truncate(`${long} and more words after it`, 30)).toBe('the label and more words…');
  });

  it('holds for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 0, max: 200 }),
        (text, max) => {
          const cut = truncate(text, max);
          expect(cut.length).toBeLessThanOrEqual(Math.max(max, 0));
          expect(isLoneSurrogate(cut)).toBe(false);
          if (text.length <= max) expect(cut).toBe(text);
        },
      ),
    );
  });
});

describe('splitMrkdwn', () => {
  it('splits at paragraphs first', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    expect(splitMrkdwn(`${a}\n\n${b}`, 60)).toEqual([a, b]);
  });

  it('keeps links whole and loses no word', () => {
    const text = Array.from({ length: 200 }, (_, i) => `word${i} ${i % 10 === 0 ? LINK : ''}`).join(' ');
    const chunks = splitMrkdwn(text, 300);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      expect(linksIntact(chunk)).toBe(true);
    }
    expect(chunks.join(' ').split(/\s+/)).toEqual(text.split(/\s+/).filter(Boolean));
  });

  it('splits a 10,000-character text into sections of at most 3,000', () => {
    const text = `${'Gardener hackathon words. '.repeat(400)}`.slice(0, 10_000);
    const chunks = splitMrkdwn(text, 3000);
    expect(chunks.length).toBe(4);
    expect(chunks.every((c) => c.length <= 3000 && c.length > 0)).toBe(true);
  });

  it('holds for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        fc.integer({ min: 4, max: 120 }),
        (text, max) => {
          const chunks = splitMrkdwn(text, max);
          for (const chunk of chunks) {
            expect(chunk.length).toBeLessThanOrEqual(max);
            expect(chunk.trim()).not.toBe('');
            expect(isLoneSurrogate(chunk)).toBe(false);
          }
          expect(chunks.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
        },
      ),
    );
  });
});

describe('mrkdwn helpers', () => {
  it('escapes what Slack would parse', () => {
    expect(escapeMrkdwn('<!channel> & <@U123>')).toBe('&lt;!channel&gt; &amp; &lt;@U123&gt;');
  });

  it('builds links whose label cannot break out', () => {
    expect(mrkdwnLink('https://x.io/a?b=1&c=2', 'a|b > c')).toBe('<https://x.io/a?b=1&amp;c=2|a∣b &gt; c>');
    expect(mrkdwnLink('https://x.io/a b', '')).toBe('<https://x.io/a%20b>');
  });

  it('quotes user text escaped, on one line and short', () => {
    const quoted = quoteUserText(`<!channel>\n${'x'.repeat(4000)}`, 50);
    expect(quoted.startsWith('“&lt;!channel&gt;')).toBe(true);
    expect(quoted.endsWith('…”')).toBe(true);
    expect(quoted.length).toBeLessThanOrEqual(50);
  });

  it('makes plain text that Slack accepts', () => {
    expect(plainText('   ', 10, 'Untitled')).toEqual({ type: 'plain_text', text: 'Untitled', emoji: true });
    expect(plainText('a'.repeat(400), 150).text.length).toBeLessThanOrEqual(150);
  });

  it('keeps web links in recap mrkdwn and makes mentions inert', () => {
    expect(sanitizeMrkdwn(`${LINK} <!here> <@U1> a < b & c &amp; d`)).toBe(
      `${LINK} &lt;!here&gt; &lt;@U1&gt; a &lt; b &amp; c &amp; d`,
    );
  });
});

describe('limitProblems', () => {
  const ok: SlackMessage = { text: 'fine', blocks: [section('fine')] };

  it('finds nothing wrong with a valid message', () => {
    expect(limitProblems(ok)).toEqual([]);
  });

  it('finds a missing fallback text', () => {
    expect(limitProblems({ text: ' ', blocks: [] }).join()).toMatch(/empty text/);
  });

  it('finds too many blocks, but allows 100 in a home tab', () => {
    const blocks = Array.from({ length: 60 }, () => section('x'));
    expect(limitProblems({ text: 'x', blocks }).join()).toMatch(
      /no more than 50 items allowed \[json-pointer:\/blocks\]/,
    );
    expect(limitProblems({ type: 'home', blocks })).toEqual([]);
    expect(limitProblems({ type: 'home', blocks: [...blocks, ...blocks] }).join()).toMatch(
      /no more than 100 items allowed \[json-pointer:\/view\/blocks\]/,
    );
  });

  it('finds over-long section, header and button texts', () => {
    const problems = limitProblems({
      text: 'x',
      blocks: [
        section('x'.repeat(3001)),
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) }, value: 'v'.repeat(2001) },
          ],
        },
      ],
    });
    expect(problems.join('\n')).toMatch(
      /must be less than 3001 characters \[json-pointer:\/blocks\/0\/text\/text\]/,
    );
    expect(problems.join('\n')).toMatch(
      /must be less than 151 characters \[json-pointer:\/blocks\/1\/text\/text\]/,
    );
    expect(problems.join('\n')).toMatch(
      /must be less than 76 characters \[json-pointer:\/blocks\/2\/elements\/0\/text\/text\]/,
    );
    expect(problems.join('\n')).toMatch(
      /must be less than 2001 characters \[json-pointer:\/blocks\/2\/elements\/0\/value\]/,
    );
  });

  it('finds duplicate action and block ids', () => {
    const button = {
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: 'Go' },
      action_id: 'same',
    };
    const problems = limitProblems({
      text: 'x',
      blocks: [
        { type: 'actions', block_id: 'b', elements: [button] },
        { type: 'actions', block_id: 'b', elements: [button] },
      ],
    });
    expect(problems.join('\n')).toMatch(/duplicate action_id "same"/);
    expect(problems.join('\n')).toMatch(/duplicate block_id: b \[json-pointer:\/blocks\/1\/block_id\]/);
  });

  it('finds too many elements, empty text and a bad url', () => {
    const element = { type: 'mrkdwn' as const, text: 'c' };
    const problems = limitProblems({
      text: 'x',
      blocks: [
        { type: 'context', elements: Array.from({ length: 11 }, () => element) },
        section(''),
        {
          type: 'actions',
          elements: [
            { type: 'button', text: { type: 'plain_text', text: 'Go' }, url: 'javascript:alert(1)' },
          ],
        },
      ],
    });
    expect(problems.join('\n')).toMatch(
      /no more than 10 items allowed \[json-pointer:\/blocks\/0\/elements\]/,
    );
    expect(problems.join('\n')).toMatch(
      /must be more than 0 characters \[json-pointer:\/blocks\/1\/text\/text\]/,
    );
    expect(problems.join('\n')).toMatch(/must be a valid URL \[json-pointer:\/blocks\/2\/elements\/0\/url\]/);
  });

  it('finds a message whose block text exceeds the budget', () => {
    const blocks = Array.from({ length: 5 }, () => section('x'.repeat(2500)));
    expect(limitProblems({ text: 'x', blocks }).join()).toMatch(/exceed the budget/);
  });
});

describe('fitMessage', () => {
  it('leaves a message that fits alone', () => {
    expect(fitMessage({ text: 'a', blocks: [section('a')] }, 10).blocks).toHaveLength(1);
  });

  it('cuts blocks beyond the budget and says so', () => {
    const blocks = Array.from({ length: 70 }, (_, i) => section(`block ${i} ${'x'.repeat(400)}`));
    const fitted = fitMessage({ text: 'many', blocks }, MAX_BLOCKS_MESSAGE);
    expect(limitProblems(fitted)).toEqual([]);
    expect(blockTextLength(fitted.blocks)).toBeLessThanOrEqual(BLOCK_TEXT_BUDGET);
    const last = fitted.blocks.at(-1);
    expect(last?.type).toBe('context');
    expect(visibleText([last])).toMatch(/Shortened: \d+ more blocks/);
  });

  it('respects a smaller block budget', () => {
    const blocks = Array.from({ length: 20 }, () => section('x'));
    const fitted = fitMessage({ text: 'x', blocks }, 8);
    expect(fitted.blocks).toHaveLength(8);
    expect(visibleText(fitted.blocks.slice(-1))).toMatch(/13 more blocks/);
  });
});
