import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandReply } from '../src/answer.js';
import { loadContent } from '../src/content/load.js';
import { parseIntent, type ReadIntent } from '../src/intent.js';
import { Library } from '../src/library.js';

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

describe('topics for a recap that is not there', async () => {
  const library = new Library(await loadContent(path.resolve('content')));
  const now = new Date('2026-11-24T12:00:00Z');

  it('says so and names the recaps there are, with a command that opens one', () => {
    const reply = commandReply(parseIntent('topics dec 2024') as ReadIntent, { library, now });
    const text = JSON.stringify(reply.blocks);
    expect(text).toContain('Nothing matches “dec 2024”');
    expect(text).toContain('Recaps here: June 17, 2025 (`/hackathon topics jun 2025`)');
    expect(text).not.toContain('share_in_channel');
    const opened = commandReply(parseIntent('topics jun 2025') as ReadIntent, { library, now });
    expect(opened.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: expect.stringContaining('7th Gardener') },
    });
  });
});
