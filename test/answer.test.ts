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
