import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSlackText, escapeMrkdwn, unescapeSlackText } from '../src/slack-text.js';

describe('text from Slack, decoded once', () => {
  it.each([
    ['R&amp;D', 'R&D'],
    ['&lt;!channel&gt; is typed, not sent', '<!channel> is typed, not sent'],
    ['&amp;lt; stays what was typed', '&lt; stays what was typed'],
    ['<#C0123ABC|general> and <#C0456|>', '#general and #C0456'],
    ['<@U0123|max> and <@U0456>', '@max and @U0456'],
    ['<!here> <!channel> <!subteam^S0123|@gardener-team>', '@here @channel @gardener-team'],
    [
      '<https://github.com/gardener/gardener/pull/12252|github.com/gardener/gardener/pull/12252>',
      'github.com/gardener/gardener/pull/12252',
    ],
    ['<https://example.com/?a=1&amp;b=2>', 'https://example.com/?a=1&b=2'],
    ['<mailto:ada@example.com|ada@example.com>', 'ada@example.com'],
  ])('%j reads as %j', (wire, typed) => {
    expect(decodeSlackText(wire).text).toBe(typed);
  });

  it('keeps the channels Slack resolved, and drops the bot’s own mention', () => {
    expect(decodeSlackText('<@UBOT|hackathon-bot> announce <#C0123|general>', { dropUser: 'UBOT' })).toEqual({
      text: '  announce #general',
      channels: [{ id: 'C0123', name: 'general' }],
    });
  });

  it('gives back exactly what a person typed, whatever it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (typed) => {
        // Slack escapes &, < and > in what is typed; a raw < can then only open an entity.
        expect(decodeSlackText(escapeMrkdwn(typed))).toEqual({ text: typed, channels: [] });
        expect(unescapeSlackText(escapeMrkdwn(typed))).toBe(typed);
      }),
      { numRuns: 1000 },
    );
  });
});
