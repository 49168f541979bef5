import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer, commandReply } from '../src/answer.js';
import { loadContentFolders } from '../src/content/folders.js';
import { loadContent } from '../src/content/load.js';
import { parseIntent, type ReadIntent } from '../src/intent.js';
import { Library } from '../src/library.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';
import { buttonsIn, buttonsOf, visibleText } from './support/visible.js';

describe('commandReply', async () => {
  const content = await loadContent(path.resolve('content'));
  const library = new Library(content);
  const now = new Date('2026-11-24T12:00:00Z');
  const ask = (text: string, lib = library) =>
    commandReply(parseIntent(text) as ReadIntent, { library: lib, now });

  it('gives a repeated question the very same frozen reply, whatever the spelling', () => {
    const first = ask('wireguard');
    expect(ask('  wireguard ')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Wireguard') });
  });

  it('starts afresh for new content, and renders `next` every time', () => {
    const reloaded = new Library(content);
    expect(ask('wireguard', reloaded)).not.toBe(ask('wireguard'));
    expect(ask('wireguard', reloaded)).toEqual(ask('wireguard'));
    expect(ask('next')).not.toBe(ask('next'));
  });
});

describe('topics for a hackathon that is not there', async () => {
  const library = new Library(await loadContent(path.resolve('content')));
  const now = new Date('2026-11-24T12:00:00Z');

  it('says so and names the hackathons there are, with a command that opens one', () => {
    const reply = commandReply(parseIntent('topics dec 2024') as ReadIntent, { library, now });
    const text = visibleText(reply.blocks);
    expect(text).toContain('Nothing matches “dec 2024”');
    expect(text).toContain('Hackathons here: June 2025 · Schelklingen (`/hackathon topics jun 2025`)');
    expect(buttonsOf(reply).map((b) => b.actionId)).not.toContain('share_in_channel');
    const opened = commandReply(parseIntent('topics jun 2025') as ReadIntent, { library, now });
    expect(opened.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining('June 2025') },
    });
  });
});

describe('a topic opened from a list', async () => {
  const library = new Library(await loadContent(path.resolve('content')));
  const now = new Date('2026-11-24T12:00:00Z');
  const ask = (text: string) => answer(parseIntent(text) as ReadIntent, { library, now });

  it('has a Back button to that list, page kept; shared, it is the card alone', () => {
    const list = ask('topics security');
    const details = buttonsIn(list.message.blocks).find((b) => b.action_id?.startsWith('pick_topic'));
    expect(details?.value).toMatch(/^2025-06\/[\w-]+ from topics security$/);
    // The Details button's value is read as `topic <value>`, as the listener does.
    const card = ask(`topic ${details?.value}`);
    const back = buttonsIn(card.message.blocks).find((b) => b.text.text.includes('Back'));
    expect(back?.value).toBe('topics security');
    expect(card.intent).toBe(`topic ${details?.value?.split(' from ')[0]}`);
    const paged = ask('topic 2025-06/documentation-revamp from topics june 2025 page 2');
    expect(buttonsIn(paged.message.blocks).find((b) => b.text.text.includes('Back'))?.value).toBe(
      'topics june 2025 page 2',
    );
  });

  it('opens a topic by the key an older message carries', () => {
    const card = ask('topic 2025-06-schelklingen/documentation-revamp');
    expect(card.message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Documentation Revamp' } });
  });
});

describe('topics … over the whole archive', async () => {
  const library = new Library(
    await loadContentFolders([
      path.join(PROJECT_ROOT, 'content'),
      sharedDir('recaps'),
      sharedDir('wrap-ups'),
    ]),
  );
  const now = new Date('2026-11-24T12:00:00Z');
  const reply = (text: string) => answer(parseIntent(text) as ReadIntent, { library, now }).message;
  const ask = (text: string) => visibleText(reply(text));
  const headers = (text: string) =>
    reply(text).blocks.flatMap((b) => (b.type === 'header' ? [b.text.text] : []));

  it.each([
    ['topics june 2025', 'June 2025 · Schelklingen'],
    ['topics 2024-12', 'December 2024 · Schelklingen'],
    ['topics 7th', 'June 2025 · Schelklingen'],
    ['topics 6th', 'December 2024 · Schelklingen'],
    ['topics leverkusen', 'May 2023 · Leverkusen'],
    ['topics walldorf', 'Hack The Garden Walldorf Edition (December 2025)'],
    ['topics latest', 'Hack The Garden Walldorf Edition (December 2025)'],
    ['topics previous', 'June 2025 · Schelklingen'],
    ['topics 2023', 'May 2023 · Leverkusen'],
  ])('%s opens %s', (text, header) => {
    expect(headers(text).some((h) => h.startsWith(header))).toBe(true);
  });

  it('asks which when the words fit several hackathons', () => {
    expect(ask('topics 2024')).toContain('2 hackathons fit “2024”. Which one do you mean?');
    expect(ask('topics schelklingen')).toContain('3 hackathons fit “schelklingen”');
  });

  it('names the hackathons there are when none fits', () => {
    const text = ask('topics 2021');
    expect(text).toContain('Nothing matches “2021”');
    expect(text).toContain('May 2023 · Leverkusen (`/hackathon topics may 2023`)');
  });

  it('says plainly that a page does not exist', () => {
    expect(ask('topics 2024-12 page 9')).toMatch(/There is no page 9: this list has \d+ pages?\./);
  });
});
