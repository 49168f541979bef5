import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Clock, LibraryHolder } from '../../src/context.js';
import type { Library } from '../../src/library.js';
import type { ContentKept } from '../../src/live-library.js';
import { sendSlashCommand } from '../../src/standin/requests.js';
import type { SlackStandin } from '../../src/standin/server.js';
import { type RunningBot, startBot } from '../../src/start.js';
import { botEnv, FAST_RETRIES, SIGNING_SECRET } from './bot.js';
import { LogLines } from './log-lines.js';
import { PROJECT_ROOT } from './shared.js';

const folders: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `hackathon-${prefix}-`));
  folders.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A content folder with the seed recap and synonyms; `next-hackathon.md` is the test's to write. */
export function seedContent(): string {
  const dir = tempDir('content');
  for (const name of ['2025-06-schelklingen.md', 'synonyms.yml'])
    copyFileSync(path.join(PROJECT_ROOT, 'content', name), path.join(dir, name));
  return dir;
}

export function copyInto(dir: string, from: string, to: string): string {
  const target = path.join(dir, to);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(from, target);
  return target;
}

/**
 * Resolves with the library once one that `fits` answers: now, or at the change that brings it. A save is
 * sometimes seen half-written first, so tests wait for the content they wrote rather than for one change.
 */
export function untilLibrary(holder: LibraryHolder, fits: (library: Library) => boolean): Promise<Library> {
  if (fits(holder.current)) return Promise.resolve(holder.current);
  return new Promise((resolve) => {
    const stop = holder.onChange(({ current }) => {
      if (!fits(current)) return;
      stop();
      resolve(current);
    });
  });
}

/** Whether a topic title of the library contains `text`. */
export const hasTopic =
  (text: string) =>
  (library: Library): boolean =>
    library.recaps.some((recap) => recap.topics.some((topic) => topic.title.includes(text)));

export interface LiveBot {
  bot: RunningBot;
  logs: LogLines;
  requestUrl: string;
  /** `/hackathon <text>` as Slack sends it; the acknowledgement's JSON, as text. */
  ask(text: string): Promise<string>;
  /** Resolves with the next kept-out broken content. */
  nextKept(): Promise<ContentKept>;
}

/** The bot in HTTP mode against `standin`, following its content with a short settle time. */
export async function startLiveBot(
  standin: SlackStandin,
  env: Record<string, string>,
  options: { backgroundJobs?: boolean; clock?: Clock } = {},
): Promise<LiveBot> {
  const logs = new LogLines();
  const bot = await startBot(botEnv(standin, { LOG_LEVEL: 'debug', ...env }), {
    logSink: logs.push,
    retryConfig: FAST_RETRIES,
    backgroundJobs: options.backgroundJobs ?? false,
    contentSettleMs: 30,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const requestUrl = `http://127.0.0.1:${bot.port}/slack/events`;
  return {
    bot,
    logs,
    requestUrl,
    async ask(text) {
      const response = await sendSlashCommand(requestUrl, SIGNING_SECRET, {
        text,
        user_id: 'U_MEMBER',
        channel_id: 'C_GENERAL',
        response_url: standin.responseUrl(),
      });
      if (response.status !== 200) throw new Error(`/hackathon ${text} answered HTTP ${response.status}`);
      return response.body;
    },
    async nextKept() {
      const [kept] = (await once(bot.content, 'kept')) as [ContentKept];
      return kept;
    },
  };
}
