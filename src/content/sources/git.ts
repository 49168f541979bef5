import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ContentFolder } from './folder.js';

/**
 * A git repository followed for recaps: a shallow checkout in the cache folder, fetched on an interval.
 * Through the git CLI, which every machine that has the repository's credentials already has: it speaks
 * every transport (https, ssh with the user's keys and agent, `file://`) and honours the user's git
 * configuration (proxies, credential helpers, `insteadOf`). isomorphic-git, the well-kept library, has
 * no ssh or `file://` transport.
 */

const run = promisify(execFile);

const CLONE_TIMEOUT_MS = 120_000;
const FETCH_TIMEOUT_MS = 60_000;

export interface GitFollowSettings {
  url: string;
  /** Branch or tag; undefined: the remote's default branch. */
  ref?: string;
  /** Folders inside the repository; empty: all of it. */
  paths: readonly string[];
}

/** The remote could not be used: a wrong setting (named), or a remote that did not answer. */
export class GitSourceError extends Error {
  override name = 'GitSourceError';
  constructor(
    message: string,
    /** The setting to fix, when it is one. */
    readonly setting?: 'CONTENT_GIT_URL' | 'CONTENT_GIT_REF' | 'CONTENT_GIT_PATHS',
  ) {
    super(message);
  }
}

export type SyncOutcome =
  | { kind: 'unchanged'; commit: string }
  | { kind: 'changed'; commit: string; previous: string }
  | { kind: 'failed'; commit: string; error: GitSourceError };

/** The URL without credentials (`https://user:token@host/…`), for logs. */
export function displayUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

/** Prompts would hang a server: git fails instead when a password or host key is needed. */
function gitEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
    // Messages in English, so the reasons below can be told apart.
    LC_ALL: 'C',
    LANGUAGE: 'C',
  };
}

async function git(args: string[], options: { cwd?: string; timeout: number }): Promise<string> {
  const { stdout } = await run('git', args, {
    ...options,
    env: gitEnv(),
    maxBuffer: 16 * 1024 * 1024,
    windowsHide: true,
  });
  return stdout.trim();
}

/** The line of git's stderr that says what went wrong. */
function gitReason(error: unknown, url: string): string {
  const failure = error as NodeJS.ErrnoException & { stderr?: string; killed?: boolean };
  if (failure.code === 'ENOENT') return 'git is not installed (or not on PATH)';
  if (failure.killed) return 'git took too long and was stopped';
  const lines = String(failure.stderr ?? failure.message ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.findLast((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'git failed';
  return line.replace(/^(fatal|error):\s*/, '').replaceAll(url, displayUrl(url));
}

const isMissingRef = (reason: string) => /Remote branch .* not found|couldn't find remote ref/i.test(reason);

export class GitCheckout {
  private constructor(
    private readonly settings: GitFollowSettings,
    /** The checkout's folder (its work tree). */
    readonly dir: string,
    private current: string,
    /** Whether this start cloned it (else it is the last good checkout of an earlier run). */
    readonly fresh: boolean,
  ) {}

  /** The commit the content is read from. */
  get commit(): string {
    return this.current;
  }

  /**
   * The checkout in `cacheDir/git/`, one per URL and ref: the last good one when there is one (the remote
   * is fetched after start-up, so a start never waits for the network), else a fresh shallow clone. A
   * clone that fails names the setting to fix.
   */
  static async open(settings: GitFollowSettings, cacheDir: string): Promise<GitCheckout> {
    const name = createHash('sha256')
      .update(`${settings.url}#${settings.ref ?? ''}`)
      .digest('hex')
      .slice(0, 16);
    const dir = path.resolve(cacheDir, 'git', name);
    let checkout: GitCheckout | undefined;
    if (existsSync(path.join(dir, '.git'))) {
      try {
        checkout = new GitCheckout(
          settings,
          dir,
          await git(['rev-parse', 'HEAD'], { cwd: dir, timeout: FETCH_TIMEOUT_MS }),
          false,
        );
      } catch {
        // A checkout broken by a crash mid-clone: start over.
        await rm(dir, { recursive: true, force: true });
      }
    }
    checkout ??= await GitCheckout.clone(settings, dir);
    await checkout.checkPaths();
    return checkout;
  }

  private static async clone(settings: GitFollowSettings, dir: string): Promise<GitCheckout> {
    await mkdir(path.dirname(dir), { recursive: true });
    // Cloned aside and renamed: an instance that stops mid-clone leaves no half checkout behind.
    const aside = `${dir}.clone-${process.pid}-${Date.now()}`;
    const shown = displayUrl(settings.url);
    try {
      await git(
        [
          'clone',
          '--depth',
          '1',
          '--no-tags',
          ...(settings.ref ? ['--branch', settings.ref] : []),
          '--',
          settings.url,
          aside,
        ],
        { timeout: CLONE_TIMEOUT_MS },
      );
    } catch (error) {
      await rm(aside, { recursive: true, force: true });
      const reason = gitReason(error, settings.url);
      if (settings.ref && isMissingRef(reason)) {
        throw new GitSourceError(
          `CONTENT_GIT_REF "${settings.ref}" is not a branch or tag of ${shown} (${reason}).`,
          'CONTENT_GIT_REF',
        );
      }
      throw new GitSourceError(
        `CONTENT_GIT_URL ${shown} could not be cloned: ${reason}. Check the URL and that this machine may read it.`,
        'CONTENT_GIT_URL',
      );
    }
    try {
      await rename(aside, dir);
    } catch {
      // Another instance cloned it first: use theirs.
      await rm(aside, { recursive: true, force: true });
    }
    return new GitCheckout(
      settings,
      dir,
      await git(['rev-parse', 'HEAD'], { cwd: dir, timeout: FETCH_TIMEOUT_MS }),
      true,
    );
  }

  private async checkPaths(): Promise<void> {
    const missing: string[] = [];
    for (const folder of this.settings.paths) {
      const found = await stat(path.join(this.dir, folder)).catch(() => undefined);
      if (!found?.isDirectory()) missing.push(folder);
    }
    if (missing.length > 0) {
      throw new GitSourceError(
        `CONTENT_GIT_PATHS names ${missing.map((m) => `"${m}"`).join(', ')}, not a folder in ${displayUrl(this.settings.url)}${this.settings.ref ? ` at ${this.settings.ref}` : ''}.`,
        'CONTENT_GIT_PATHS',
      );
    }
  }

  /** The folders to read recaps from: only hackathon recaps, since such a folder holds other posts too. */
  folders(): ContentFolder[] {
    const paths = this.settings.paths.length > 0 ? this.settings.paths : [''];
    return paths.map((folder) => ({ dir: path.join(this.dir, folder), label: folder, hackathonsOnly: true }));
  }

  /**
   * Fetches the ref (shallow) and moves the work tree to it when it moved. Never throws: a remote that is
   * down leaves the last good checkout in place.
   */
  async sync(): Promise<SyncOutcome> {
    const previous = this.current;
    try {
      await git(['fetch', '--depth', '1', '--no-tags', 'origin', this.settings.ref ?? 'HEAD'], {
        cwd: this.dir,
        timeout: FETCH_TIMEOUT_MS,
      });
      const fetched = await git(['rev-parse', 'FETCH_HEAD'], { cwd: this.dir, timeout: FETCH_TIMEOUT_MS });
      if (fetched === previous) return { kind: 'unchanged', commit: previous };
      await git(['reset', '--hard', '--quiet', fetched], { cwd: this.dir, timeout: FETCH_TIMEOUT_MS });
      this.current = fetched;
      return { kind: 'changed', commit: fetched, previous };
    } catch (error) {
      const reason = gitReason(error, this.settings.url);
      const shown = displayUrl(this.settings.url);
      return {
        kind: 'failed',
        commit: previous,
        error:
          this.settings.ref && isMissingRef(reason)
            ? new GitSourceError(
                `CONTENT_GIT_REF "${this.settings.ref}" is no longer on ${shown} (${reason})`,
                'CONTENT_GIT_REF',
              )
            : new GitSourceError(`cannot fetch ${shown} (${reason})`),
      };
    }
  }
}
