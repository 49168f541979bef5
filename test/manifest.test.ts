import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../src/listeners/commands/index.js';
import { EVENTS } from '../src/listeners/events/index.js';

interface Manifest {
  display_information: { name: string; description: string; long_description?: string };
  features: {
    app_home: { home_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{
      command: string;
      description: string;
      usage_hint?: string;
      should_escape?: boolean;
    }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

/** Bot scopes each Web API method needs (Slack's method reference, "Required scopes"). */
const SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'apps.connections.open': [],
  'views.publish': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'chat.scheduleMessage': ['chat:write'],
  'chat.scheduledMessages.list': ['chat:write'],
  'chat.deleteScheduledMessage': ['chat:write'],
  'chat.getPermalink': [],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
  'conversations.join': ['channels:join'],
  // Public channels only: the bot asks people to remove it from private ones (that would need groups:write).
  'conversations.leave': ['channels:manage'],
  'conversations.info': ['channels:read', 'groups:read'],
  'conversations.open': ['im:write'],
  'users.conversations': ['channels:read', 'groups:read'],
  'users.info': ['users:read'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/**
 * Web API methods the bot's own code calls (`client.chat.postMessage(`, or paged by name:
 * `collectPages(client, 'users.conversations', …)`), the stand-in and playground aside.
 */
function calledMethods(): string[] {
  const methods = new Set<string>();
  for (const file of sourceFiles('src')) {
    if (file.includes(`${path.sep}standin${path.sep}`) || file.includes(`${path.sep}playground${path.sep}`))
      continue;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(
      /\bclient\.((?:auth|apps|chat|conversations|users|views)(?:\.\w+)+)\(/g,
    )) {
      methods.add(m[1] ?? '');
    }
    for (const m of source.matchAll(/\b(?:collectPages|client\.paginate)\(\s*(?:client,\s*)?'([\w.]+)'/g)) {
      methods.add(m[1] ?? '');
    }
  }
  return [...methods].sort();
}

describe('manifest.yml', () => {
  const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;

  it('declares every command the code registers, with description and usage hint', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...COMMANDS].sort());
    for (const command of manifest.features.slash_commands) {
      expect(command.description.length).toBeGreaterThan(10);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.usage_hint).toBeTruthy();
      // Escaped mentions arrive as <#C123|name>, which `announce #channel` relies on.
      expect(command.should_escape).toBe(true);
    }
  });

  it('subscribes to every event the code listens to, and no other', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([...EVENTS].sort());
  });

  it('asks for exactly the bot scopes the code uses', () => {
    const methods = calledMethods();
    const unknown = methods.filter((m) => !(m in SCOPES));
    expect(unknown, 'add these methods to SCOPES').toEqual([]);
    const needed = new Set(['commands', 'app_mentions:read', ...methods.flatMap((m) => SCOPES[m] ?? [])]);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([...needed].sort());
  });

  it('enables the App Home tab, interactivity and Socket Mode, with a bot user', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.bot_user.display_name).toBe('hackathon-bot');
    expect(manifest.display_information.long_description?.length ?? 0).toBeGreaterThanOrEqual(175);
  });
});
