import { z } from 'zod';
import { PUBLIC_OR_PRIVATE_CHANNEL_ID, USER_ID_LIST } from './slack-ids.js';

/**
 * Every setting of the bot, read once from the environment (and `.env`) and validated, so that a
 * mistake is one clear line at start-up rather than a failure on the first request. Messages name the
 * setting and never echo a token's value.
 */

export type Mode = 'socket' | 'http' | 'playground';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const flag = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).optional(),
);

/** Where the git checkout and the parse cache live, relative to the working directory. */
export const DEFAULT_CACHE_DIR = '.cache/hackathon-bot';

/** A branch or tag: no spaces, no `..`, no leading dash or slash (git's own rules, in short). */
const GIT_REF = /^(?!-)(?!\/)(?!.*\.\.)(?!.*\/\/)[^\s~^:?*[\\]+(?<![/.])$/;
/** Folders inside the repository: relative, without `..`. */
const GIT_PATHS = /^\s*(?!\/)(?!.*(^|[/,\s])\.\.([/,\s]|$))[^,]+(\s*,\s*(?!\/)[^,]+)*\s*$/;

const MIN_SYNC_MS = 100;
const MAX_SYNC_MS = 24 * 3_600_000;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `30s`, `10m`, `1h`, `200ms` → milliseconds; undefined for anything else. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/i.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_MS[(m[2] ?? '').toLowerCase()] ?? Number.NaN);
}

const schema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^\S{8,}$/, 'must be the app\u2019s signing secret')),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must be an app-level token starting with xapp-')),
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  PORT: z.coerce
    .number({ error: 'must be a port number (0 to 65535)' })
    .int()
    .min(0)
    .max(65535)
    .default(3000),
  CONTENT_DIR: z.string().trim().min(1).default('content'),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? v.toLowerCase() : v),
    z.enum(LOG_LEVELS).default('info'),
  ),
  ANNOUNCE_CHANNEL: optional(
    z.string().regex(PUBLIC_OR_PRIVATE_CHANNEL_ID, 'must be a channel ID like C0123ABCD'),
  ),
  ANNOUNCERS: optional(
    z.string().regex(USER_ID_LIST, 'must be user IDs separated by commas, like U012,U034'),
  ),
  AUTO_ANNOUNCE: flag,
  OPEN_SUBSCRIPTIONS: flag,
  REMINDER_CHECK_HOURS: z.coerce.number().min(0.01).max(24).default(6),
  CONTENT_GIT_URL: optional(
    z
      .string()
      .trim()
      // A leading dash would reach git as an option; whitespace is never part of a repository address.
      .regex(
        /^[^-\s][^\s]*$/,
        'must be a repository URL git understands (https://…, ssh://…, git@host:path, file://…)',
      ),
  ),
  CONTENT_GIT_REF: optional(
    z.string().trim().regex(GIT_REF, 'must be a branch or tag name, like main or v1.2'),
  ),
  CONTENT_GIT_PATHS: optional(
    z
      .string()
      .regex(GIT_PATHS, 'must be folders inside the repository separated by commas, like hugo/content/blog'),
  ),
  CONTENT_SYNC_INTERVAL: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .default('10m')
      .transform((text, ctx) => {
        const ms = parseDuration(text);
        if (ms === undefined || ms < MIN_SYNC_MS || ms > MAX_SYNC_MS) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be a duration from 100ms to 24h, like 30s, 10m or 1h',
          });
          return z.NEVER;
        }
        return ms;
      }),
  ),
  CACHE_DIR: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().default(DEFAULT_CACHE_DIR),
  ),
});

export interface Settings {
  mode: Mode;
  botToken?: string;
  signingSecret?: string;
  appToken?: string;
  /** Base URL of the Web API, ending in `/`; undefined means Slack's own. */
  slackApiUrl?: string;
  port: number;
  contentDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  announceChannel?: string;
  /** User IDs allowed to announce and manage reminders; empty means workspace admins and owners. */
  announcers: string[];
  autoAnnounce: boolean;
  openSubscriptions: boolean;
  reminderCheckHours: number;
  /** A git repository to follow for recaps, beside CONTENT_DIR; undefined when none. */
  contentGit?: {
    url: string;
    /** Branch or tag; undefined: the remote's default branch. */
    ref?: string;
    /** Folders inside the repository to read recaps from; empty means all of it. */
    paths: string[];
    syncIntervalMs: number;
  };
  /** The git checkout and the parse cache live here. */
  cacheDir: string;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Settings are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

const truthy = (v: string | undefined) => v === 'true' || v === '1' || v === 'yes';

export function readSettings(env: NodeJS.ProcessEnv | Record<string, string | undefined>): Settings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new SettingsError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  let mode: Mode = 'playground';
  if (e.SLACK_APP_TOKEN) {
    mode = 'socket';
    if (!e.SLACK_BOT_TOKEN)
      problems.push('SLACK_BOT_TOKEN is missing: Socket Mode needs the bot token (xoxb-) too');
  } else if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET) {
    mode = 'http';
    if (!e.SLACK_BOT_TOKEN)
      problems.push('SLACK_BOT_TOKEN is missing: HTTP mode needs the bot token (xoxb-)');
    if (!e.SLACK_SIGNING_SECRET) {
      problems.push(
        'SLACK_SIGNING_SECRET is missing: HTTP mode needs it to verify requests (or set SLACK_APP_TOKEN for Socket Mode)',
      );
    }
  }
  if (!e.CONTENT_GIT_URL) {
    for (const name of ['CONTENT_GIT_REF', 'CONTENT_GIT_PATHS'] as const)
      if (e[name]) problems.push(`${name} is set, but CONTENT_GIT_URL is not: set the repository to follow`);
  }
  if (problems.length) throw new SettingsError(problems);
  return {
    mode,
    botToken: e.SLACK_BOT_TOKEN,
    signingSecret: e.SLACK_SIGNING_SECRET,
    appToken: e.SLACK_APP_TOKEN,
    slackApiUrl: e.SLACK_API_URL ? e.SLACK_API_URL.replace(/\/?$/, '/') : undefined,
    port: e.PORT,
    contentDir: e.CONTENT_DIR,
    logLevel: e.LOG_LEVEL,
    announceChannel: e.ANNOUNCE_CHANNEL,
    announcers: (e.ANNOUNCERS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    autoAnnounce: truthy(e.AUTO_ANNOUNCE),
    openSubscriptions: truthy(e.OPEN_SUBSCRIPTIONS),
    reminderCheckHours: e.REMINDER_CHECK_HOURS,
    ...(e.CONTENT_GIT_URL
      ? {
          contentGit: {
            url: e.CONTENT_GIT_URL,
            ref: e.CONTENT_GIT_REF,
            paths: (e.CONTENT_GIT_PATHS ?? '')
              .split(',')
              .map((p) =>
                p
                  .trim()
                  .replace(/^\.\/+/, '')
                  .replace(/\/+$/, ''),
              )
              .filter((p) => p !== '' && p !== '.'),
            syncIntervalMs: e.CONTENT_SYNC_INTERVAL,
          },
        }
      : {}),
    cacheDir: e.CACHE_DIR,
  };
}

/** Every environment variable the bot reads (the `.env.example` test keeps that file complete). */
export const SETTING_NAMES = Object.keys(schema.shape);
