import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSettings, SETTING_NAMES, SettingsError } from '../src/settings.js';

describe('settings', () => {
  it('are all listed in .env.example, with a comment, and nothing else is', () => {
    const example = readFileSync('.env.example', 'utf8');
    const names = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual([...SETTING_NAMES].sort());
    for (const name of SETTING_NAMES) {
      const before = example.slice(0, example.indexOf(`\n${name}=`));
      expect(before.trimEnd().split('\n').at(-1), name).toMatch(/^#/);
    }
  });

  it('has defaults for a newcomer', () => {
    expect(readSettings({})).toMatchObject({
      mode: 'playground',
      port: 3000,
      contentDir: 'content',
      logLevel: 'info',
      announcers: [],
      autoAnnounce: false,
    });
  });

  it('names every wrong setting in one readable message, never echoing a token', () => {
    const attempt = () =>
      readSettings({
        SLACK_BOT_TOKEN: 'xoxp-user-token-secret',
        PORT: 'eighty',
        ANNOUNCE_CHANNEL: '#general',
      });
    expect(attempt).toThrow(SettingsError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/SLACK_BOT_TOKEN must be a bot token starting with xoxb-/);
      expect(message).toMatch(/PORT must be a port number/);
      expect(message).toMatch(/ANNOUNCE_CHANNEL must be a channel ID/);
      expect(message).not.toContain('xoxp-user-token-secret');
    }
  });

  it('asks for what HTTP mode is missing', () => {
    expect(() => readSettings({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET is missing/);
    expect(() => readSettings({ SLACK_SIGNING_SECRET: 'abcdefgh12' })).toThrow(/SLACK_BOT_TOKEN is missing/);
    expect(() => readSettings({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/Socket Mode needs the bot token/);
  });

  it('reads lists, flags and the API URL', () => {
    const s = readSettings({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'abcdefgh12',
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      ANNOUNCERS: 'U1, U2',
      AUTO_ANNOUNCE: 'TRUE',
      OPEN_SUBSCRIPTIONS: '1',
    });
    expect(s).toMatchObject({
      slackApiUrl: 'http://127.0.0.1:9/api/',
      announcers: ['U1', 'U2'],
      autoAnnounce: true,
      openSubscriptions: true,
    });
  });

  it('reads the git source, its ref, folders and sync interval', () => {
    const s = readSettings({
      CONTENT_GIT_URL: 'git@github.com:gardener/documentation.git',
      CONTENT_GIT_REF: 'master',
      CONTENT_GIT_PATHS: 'hugo/content/community/hackathons, ./hugo/content/blog/',
      CONTENT_SYNC_INTERVAL: '30s',
      CACHE_DIR: '/var/cache/hackathon-bot',
    });
    expect(s.contentGit).toEqual({
      url: 'git@github.com:gardener/documentation.git',
      ref: 'master',
      paths: ['hugo/content/community/hackathons', 'hugo/content/blog'],
      syncIntervalMs: 30_000,
    });
    expect(s.cacheDir).toBe('/var/cache/hackathon-bot');
    expect(readSettings({ CONTENT_GIT_URL: 'file:///srv/recaps.git' }).contentGit).toEqual({
      url: 'file:///srv/recaps.git',
      paths: [],
      syncIntervalMs: 600_000,
    });
    expect(readSettings({ CONTENT_SYNC_INTERVAL: '1h' }).contentGit).toBeUndefined();
  });

  it('names each wrong git setting', () => {
    const attempt = () =>
      readSettings({
        CONTENT_GIT_URL: '--upload-pack=touch /tmp/x',
        CONTENT_GIT_REF: 'main..evil',
        CONTENT_GIT_PATHS: 'hugo/../../etc',
        CONTENT_SYNC_INTERVAL: 'every ten minutes',
      });
    expect(attempt).toThrow(SettingsError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/CONTENT_GIT_URL must be a repository URL git understands/);
    expect(message).toMatch(/CONTENT_GIT_REF must be a branch or tag name/);
    expect(message).toMatch(/CONTENT_GIT_PATHS must be folders inside the repository/);
    expect(message).toMatch(
      /CONTENT_SYNC_INTERVAL must be a duration from 100ms to 24h, like 30s, 10m or 1h/,
    );
    expect(() => readSettings({ CONTENT_GIT_REF: 'main' })).toThrow(
      /CONTENT_GIT_REF is set, but CONTENT_GIT_URL is not/,
    );
  });
});
