import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer.js';
import { loadContentFolders } from '../src/content/folders.js';
import { parseIntent, type ReadIntent } from '../src/intent.js';
import { Library } from '../src/library.js';
import { ACTION } from '../src/views/actions.js';
import { withShareButton } from '../src/views/share.js';
import { makeContent, makeRecap } from './support/fixtures.js';
import { limitProblems } from './support/limits.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';
import { buttonsIn, visibleText } from './support/visible.js';

const now = new Date('2026-11-24T12:00:00Z');
const ask = (library: Library, text: string) => answer(parseIntent(text) as ReadIntent, { library, now });

describe('topics over several hackathons', async () => {
  const library = new Library(
    await loadContentFolders([
      path.join(PROJECT_ROOT, 'content'),
      sharedDir('recaps'),
      sharedDir('wrap-ups'),
    ]),
  );

  it('lists one entry per hackathon, newest first by when it took place, inside the limits', () => {
    const { message } = ask(library, 'topics');
    expect(limitProblems(withShareButton(message, 'topics'))).toEqual([]);
    const entries = buttonsIn(message).filter((b) => b.text.text === 'Topics');
    expect(entries).toHaveLength(library.hackathons.length);
    expect(entries.map((b) => b.value)).toEqual(library.hackathons.map((h) => `topics ${h.id}`));
    const text = visibleText(message.blocks);
    expect(text).toContain(`${library.hackathons.length} hackathons`);
    expect(text).toContain('June 2025');
    expect(text.indexOf('June 2025')).toBeLessThan(text.indexOf('December 2024'));
    expect(text).toContain('15 topics');
  });

  it('opens one hackathon in detail from its button', () => {
    const { message } = ask(library, 'topics');
    const december = buttonsIn(message).find((b) => b.value === 'topics 2024-12');
    expect(december?.action_id).toMatch(/^topics_page:\d+$/);
    const { message: detail } = ask(library, december?.value ?? '');
    expect(detail.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining('December 2024') },
    });
  });
});

describe('topics over 200 hackathons', () => {
  const recaps = Array.from({ length: 200 }, (_, i) => {
    const year = 2000 + Math.floor(i / 12);
    const month = String((i % 12) + 1).padStart(2, '0');
    return makeRecap({
      id: `${year}-${month}-wrap-up`,
      title: `Hack The Garden ${'very long name '.repeat(10)}${i}`,
      date: `${year}-${month}-15`,
      topics: Array.from({ length: 30 }, (_, t) => ({
        title: `Topic ${t} of hackathon ${i} ${'x'.repeat(150)}`,
      })),
    });
  });
  const library = new Library(makeContent(recaps));

  it('pages them with Previous and Next, every hackathon on exactly one page, always inside the limits', () => {
    const seen: string[] = [];
    let text = 'topics';
    for (let page = 1; page <= 40; page++) {
      const { message } = ask(library, text);
      expect(limitProblems(withShareButton(message, text))).toEqual([]);
      seen.push(...buttonsIn(message).flatMap((b) => (b.text.text === 'Topics' && b.value ? [b.value] : [])));
      const previous = buttonsIn(message).find((b) => b.action_id === `${ACTION.page}:0`);
      if (page > 1) expect(previous?.value).toBe(page === 2 ? 'topics' : `topics page ${page - 1}`);
      const next = buttonsIn(message).find((b) => b.action_id === ACTION.page);
      if (!next?.value) break;
      expect(next.text.text).toMatch(/^Next: hackathons \d+–\d+ of 200 ▶$/);
      text = next.value;
    }
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
    expect(seen[0]).toBe('topics 2016-08');
  });

  it('says plainly that a page past the end does not exist', () => {
    const { message } = ask(library, 'topics page 99');
    expect(visibleText(message.blocks)).toMatch(/There is no page 99: this list has 14 pages/);
    expect(limitProblems(message)).toEqual([]);
  });
});
