import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, toMrkdwn } from '../src/content/markdown.js';
import { decodeSlackText, escapeMrkdwn, unescapeSlackText } from '../src/slack-text.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

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

describe('text into Slack, escaped once', () => {
  it('escapes recap text as it escapes every answer: text, code spans and code blocks', () => {
    const mrkdwn = (markdown: string) => toMrkdwn(parseMarkdown(markdown).children);
    expect(mrkdwn('R&D & a < b > c')).toBe(escapeMrkdwn('R&D & a < b > c'));
    expect(mrkdwn('Use `a<b && c>d` here')).toBe(`Use \`${escapeMrkdwn('a<b && c>d')}\` here`);
    expect(mrkdwn('```\nx < y && z\n```')).toBe(`\`\`\`\n${escapeMrkdwn('x < y && z')}\n\`\`\``);
  });

  it('has one definition in src/: slack-text.ts', () => {
    const escaping = /\.replace\(\s*\/&\/g\s*,\s*['"`]&amp;['"`]\s*\)/;
    const defining = sourceFiles('src').filter((file) => escaping.test(readFileSync(file, 'utf8')));
    expect(defining).toEqual([path.join('src', 'slack-text.ts')]);
  });
});
