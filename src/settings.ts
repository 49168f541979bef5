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
  };
}

/** Every environment variable the bot reads (the `.env.example` test keeps that file complete). */
export const SETTING_NAMES = Object.keys(schema.shape);
