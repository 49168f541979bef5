import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer.js';
import { loadContent } from '../src/content/load.js';
import { parseIntent } from '../src/intent.js';
import { Library } from '../src/library.js';
import { limitProblems } from './support/limits.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';

describe('topics over several recaps', async () => {
  const seed = await loadContent(path.join(PROJECT_ROOT, 'content'));
  const shared = await loadContent(sharedDir('recaps'));
  const library = new Library({ ...seed, recaps: [...seed.recaps, ...shared.recaps] });
  const now = new Date('2026-11-24T12:00:00Z');

  it('lists every recap, newest first, with all their topics, inside the limits', () => {
    const { message } = answer({ kind: 'topics', page: 1 }, { library, now });
    const text = JSON.stringify(message.blocks);
    expect(limitProblems(message)).toEqual([]);
    for (const recap of library.recaps) {
      for (const topic of recap.topics) expect(text).toContain(topic.title.replace(/"/g, '\\"'));
    }
    expect(text.indexOf('7th Gardener')).toBeLessThan(text.indexOf('6th Gardener'));
    expect(text).toContain('▶ <https://youtu.be/TCLXovw43HA?t=104s|1:44>');
  });

  it('opens one recap in detail from its button', () => {
    const { message } = answer({ kind: 'topics', page: 1 }, { library, now });
    const buttons = message.blocks.flatMap((b) =>
      b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory] : [],
    );
    expect(buttons.map((b) => b.action_id)).toEqual(['topics_page:0', 'topics_page:1', 'topics_page:2']);
    const detail = parseIntent(buttons[2]?.value ?? '');
    expect(detail).toEqual({ kind: 'topics', filter: '2024-05-5th-hackathon-blog', page: 1 });
    const { message: fifth } = answer(detail as { kind: 'topics'; filter: string; page: number }, {
      library,
      now,
    });
    expect(fifth.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining('5th Gardener') },
    });
  });
});
