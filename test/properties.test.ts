import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, privateAnswer } from '../src/answer.js';
import { loadContent } from '../src/content/load.js';
import { parseRecap } from '../src/content/recap.js';
import { intentText, isReadIntent, parseIntent } from '../src/intent.js';
import { Library } from '../src/library.js';
import type { SlackMessage } from '../src/views/message.js';
import { escapeMrkdwn } from '../src/views/mrkdwn.js';
import { limitProblems } from './support/limits.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';
import { visibleText } from './support/visible.js';

const SHARED_RECAPS = sharedDir('recaps');
const NOW = new Date('2025-09-01T09:00:00Z');
// Fixed so a failure reproduces; fast-check prints the seed and path of any counterexample anyway.
const RUNS = { numRuns: 300, seed: 20250617 };

/** Slack's own unescaping of mrkdwn: only these three entities exist. */
const unescapeSlack = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Everything Slack reads as mrkdwn: the fallback `text` and every mrkdwn text object in the blocks. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const texts = [message.text ?? ''];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (object.type === 'mrkdwn' && typeof object.text === 'string') texts.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(message.blocks);
  return texts;
}

/** `<…>` pieces Slack turns into links or mentions. */
function liveTokens(message: SlackMessage): string[] {
  return mrkdwnTexts(message).flatMap((text) => text.match(/<[^<>]*>/g) ?? []);
}

/** The URL of a live link (`<url|label>`, `<url>`), in Slack's escaped form; undefined for mentions. */
function linkTarget(token: string): string | undefined {
  const inner = token.slice(1, -1).split('|')[0] ?? '';
  return /^(https?:\/\/|mailto:)/.test(inner) ? inner : undefined;
}

/** Links the content itself puts in views: what any answer may carry, whatever was typed. */
function contentLinks(library: Library): Set<string> {
  const allowed = new Set<string>();
  const add = (message: SlackMessage) => {
    for (const token of liveTokens(message)) {
      const url = linkTarget(token);
      if (url) allowed.add(url);
    }
  };
  const neutral = ['help', 'next', 'topics', ...library.recaps.map((r) => `topics ${r.id}`)];
  for (const recap of library.recaps) {
    for (const topic of recap.topics) neutral.push(`topic ${topic.key}`);
    for (let page = 2; page <= 5; page++) neutral.push(`topics ${recap.id} page ${page}`);
  }
  for (const text of neutral) {
    const intent = parseIntent(text);
    if (isReadIntent(intent)) add(privateAnswer(intent, { library, now: NOW }));
  }
  return allowed;
}

const HOSTILE = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0123|@devs>',
  '<@U0EVIL1>',
  '<@W0EVIL2|boss>',
  '<#C0EVIL3>',
  '<#C0EVIL4|general>',
  '<https://evil.example/login|Reset your password>',
  '<http://evil.example>',
  '<mailto:evil@evil.example|mail>',
  '<https://evil.example|',
  '|',
  '>',
  '<',
  '&',
  '&lt;',
  '&amp;lt;',
  '*bold*',
  '`code`',
  '```',
  '\u0000',
  '\u202e',
  '\uD800',
  '👩‍👩‍👧‍👦',
  '🇩🇪',
  'wireguard',
  'dashbord',
  'azure',
  'page 2',
  'page 999',
];

/** Anything a person can type after `/hackathon`, leaning towards what could hurt. */
const commandText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 600 }),
  fc
    .tuple(
      fc.constantFrom('', 'topics ', 'topic ', 'list ', 'next ', 'when ', 'help ', 'topics page 2 '),
      fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }), fc.webUrl()), {
        maxLength: 12,
      }),
    )
    .map(([head, parts]) => head + parts.join(' ')),
);

describe.each([
  ['the seed content', path.join(PROJECT_ROOT, 'content')],
  ['the shared recaps, read in place', SHARED_RECAPS],
])('any /hackathon text over %s', (_name, dir) => {
  let library: Library;
  let allowedLinks: Set<string>;

  beforeAll(async () => {
    library = new Library(await loadContent(dir));
    allowedLinks = contentLinks(library);
  });

  it('is answered inside the Block Kit limits, with no mention or link that came from the text', () => {
    expect(allowedLinks.size).toBeGreaterThan(0);
    fc.assert(
      fc.property(commandText, (text) => {
        const intent = parseIntent(text);
        if (!isReadIntent(intent)) return;
        for (const message of [
          privateAnswer(intent, { library, now: NOW }),
          answer(intent, { library, now: NOW }).message,
        ]) {
          expect(limitProblems(message)).toEqual([]);
          for (const token of liveTokens(message)) {
            const url = linkTarget(token);
            expect(url, `live mention ${token}`).toBeDefined();
            expect(allowedLinks.has(url ?? ''), `link ${token} is not from the content`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('answers the hostile pieces one by one as text, escaped', () => {
    for (const piece of HOSTILE.filter((p) => p.startsWith('<'))) {
      const message = privateAnswer({ kind: 'search', query: `zzqx ${piece}` }, { library, now: NOW });
      expect(liveTokens(message).filter((t) => !allowedLinks.has(linkTarget(t) ?? ''))).toEqual([]);
      expect(visibleText(message)).toContain(escapeMrkdwn(piece));
    }
  });

  it('renders the same reply again from the intent text its buttons carry', () => {
    fc.assert(
      fc.property(commandText, (text) => {
        const intent = parseIntent(text);
        if (!isReadIntent(intent)) return;
        const reply = answer(intent, { library, now: NOW });
        const again = parseIntent(reply.intent);
        expect(isReadIntent(again)).toBe(true);
        if (isReadIntent(again)) expect(answer(again, { library, now: NOW })).toEqual(reply);
      }),
      { ...RUNS, numRuns: 150 },
    );
  });
});

const ascii = (max: number) => fc.string({ maxLength: max });
const words = fc
  .array(fc.oneof(ascii(10), fc.constantFrom('WireGuard', 'Gardener', 'shoot', '🚀', ':tada:', 'ä')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((w) => w.join(' '));

const markdownLine = fc.oneof(
  words.map((w) => `# ${w}`),
  words.map((w) => `## ${w}`),
  words.map((w) => `### ${w}`),
  fc.tuple(words, words).map(([t, d]) => `**${t}** ${d}`),
  fc.tuple(words, words).map(([t, d]) => `- **${t}**: ${d}`),
  fc.tuple(words, fc.webUrl()).map(([t, u]) => `[${t}](${u})`),
  fc.tuple(words, fc.webUrl()).map(([t, u]) => `![${t}](${u})`),
  fc.webUrl().map((u) => `<${u}>`),
  words.map((w) => `> ${w}`),
  fc.constantFrom('```', '---', '***', '|a|b|\n|-|-|\n|1|2|', '<!-- comment', '-->', '<div>', ''),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
);

const frontMatter = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(
      fc.constantFrom('title', 'publishdate', 'date', 'aliases', 'authors', 'newsSubtitle', 'x'),
      fc.oneof(
        words,
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.array(words, { maxLength: 3 }).map((a) => `[${a.map((w) => JSON.stringify(w)).join(', ')}]`),
        fc.string({ maxLength: 20 }),
      ),
    )
    .map(
      (fields) =>
        `---\n${Object.entries(fields)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}\n---\n`,
    ),
  fc.string({ maxLength: 60 }).map((garbage) => `---\n${garbage}\n---\n`),
  fc.constant('---\ntitle: [unclosed\n---\n'),
);

/** Bytes that are not UTF-8: lone continuation bytes, overlong forms, truncated sequences. */
const brokenBytes = fc.constantFrom(
  [0x80],
  [0xc0, 0xaf],
  [0xe2, 0x82],
  [0xff],
  [0xf0, 0x9f, 0x98],
  [0xed, 0xa0, 0x80],
);

const recapFile = fc
  .tuple(
    frontMatter,
    fc.array(markdownLine, { maxLength: 40 }),
    fc.option(fc.tuple(fc.nat(), brokenBytes), { nil: undefined }),
  )
  .map(([head, lines, broken]) => {
    const bytes = new TextEncoder().encode(head + lines.join('\n'));
    if (!broken) return bytes;
    const at = broken[0] % (bytes.length + 1);
    return Uint8Array.from([...bytes.subarray(0, at), ...broken[1], ...bytes.subarray(at)]);
  });

describe('any markdown file through parseRecap', () => {
  it('either loads as a recap with topics or is reported with a file and line, and never throws', () => {
    fc.assert(
      fc.property(recapFile, (bytes) => {
        const result = parseRecap(bytes, '2025-01-random.md');
        if (result.recap) {
          expect(result.recap.topics.length).toBeGreaterThan(0);
          expect(result.recap.id).toBe('2025-01-random');
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.file).toBe('2025-01-random.md');
            expect(problem.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { ...RUNS, numRuns: 400 },
    );
  });

  it('reports broken UTF-8 instead of loading garbled text', () => {
    const bytes = new TextEncoder().encode('# Title\n\n**Topic** text\n');
    const broken = Uint8Array.from([...bytes, 0xff, 0x0a]);
    const result = parseRecap(broken, 'broken.md');
    expect(result.recap).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ file: 'broken.md', line: 4 });
  });
});

describe('escaping', () => {
  it('escapeMrkdwn then Slack unescaping gives the text back, and leaves no < or > to parse', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.array(fc.constantFrom(...HOSTILE, 'a', ' ')).map((a) => a.join('')),
        ),
        (text) => {
          const escaped = escapeMrkdwn(text);
          expect(unescapeSlack(escaped)).toBe(text);
          expect(escaped).not.toMatch(/[<>]/);
        },
      ),
      { ...RUNS, numRuns: 1000 },
    );
  });

  it('keeps intent text stable through a round trip (buttons and the answer cache key on it)', () => {
    fc.assert(
      fc.property(commandText, (text) => {
        const intent = parseIntent(text);
        expect(parseIntent(intentText(intent))).toEqual(intent);
      }),
      RUNS,
    );
  });
});
