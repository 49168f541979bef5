import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANNOUNCED_EVENT_TYPE } from '../src/services/announce.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { StartError } from '../src/start.js';
import { type LiveBot, removeTempDirs, seedContent, startLiveBot, tempDir } from './support/live.js';
import { sharedDir } from './support/shared.js';

const CHANNEL = 'CHACKATHON';
const SIXTH = readFileSync(path.join(sharedDir('recaps'), '2024-12-6th-hackathon-blog.md'), 'utf8');
const FIFTH = readFileSync(path.join(sharedDir('recaps'), '2024-05-5th-hackathon-blog.md'), 'utf8');
const WRAP_UP_2024_12 = readFileSync(path.join(sharedDir('wrap-ups'), 'community-2024-12.md'), 'utf8');
const RELEASE_NOTES =
  '---\ntitle: "Gardener v1.110 released"\ntags: [release]\n---\n\n# Gardener v1.110 released\n\n**Faster reconciles**: shoots reconcile faster.\n';
const SECTION_INDEX = '---\ntitle: "Hackathons"\n---\n\nThe community hackathons, newest first.\n';

/** A repository on disk, reached through a `file://` URL as any remote would be. */
class Remote {
  readonly dir = tempDir('remote');
  get url(): string {
    return pathToFileURL(this.dir).href;
  }

  constructor() {
    this.git('init', '--quiet', '--initial-branch', 'main');
  }

  git(...args: string[]): string {
    return execFileSync(
      'git',
      [
        '-c',
        'user.name=Editor',
        '-c',
        'user.email=editor@example.org',
        '-c',
        'commit.gpgsign=false',
        ...args,
      ],
      {
        cwd: this.dir,
        encoding: 'utf8',
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      },
    ).trim();
  }

  commit(files: Record<string, string>, message: string): void {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, name)), { recursive: true });
      writeFileSync(path.join(this.dir, name), text);
    }
    this.git('add', '--all');
    this.git('commit', '--quiet', '--message', message);
  }
}

/** A documentation site's shape: a blog with posts under YYYY/MM/ and a folder of wrap-up pages. */
function documentationSite(): Remote {
  const remote = new Remote();
  remote.commit(
    {
      'hugo/content/blog/2024/12/08-hackathon.md': SIXTH,
      'hugo/content/blog/2025/01/20-release.md': RELEASE_NOTES,
      'hugo/content/community/hackathons/_index.md': SECTION_INDEX,
      'README.md': '# Documentation\n',
    },
    'The blog and the hackathons',
  );
  return remote;
}

const PATHS = 'hugo/content/blog, hugo/content/community/hackathons';

function gitEnv(
  remote: Remote,
  cacheDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    CONTENT_DIR: seedContent(),
    CACHE_DIR: cacheDir,
    CONTENT_GIT_URL: remote.url,
    CONTENT_GIT_PATHS: PATHS,
    CONTENT_SYNC_INTERVAL: '200ms',
    ...extra,
  };
}

describe('following a git repository', () => {
  let standin: SlackStandin;
  const bots: LiveBot[] = [];

  beforeEach(async () => {
    standin = await startSlackStandin();
    standin.workspace.addChannel({ id: CHANNEL, name: 'hackathon', members: ['UBOT', 'U_ADMIN'] });
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((b) => b.bot.stop()));
    await standin.close();
    removeTempDirs();
  });

  async function start(env: Record<string, string>, backgroundJobs = false): Promise<LiveBot> {
    const live = await startLiveBot(standin, env, { backgroundJobs });
    bots.push(live);
    return live;
  }

  it('reads the hackathon recaps of its folders, and answers a new commit within a few intervals', async () => {
    const remote = documentationSite();
    const live = await start(gitEnv(remote, tempDir('cache')));
    // The release notes are not about a hackathon; _index.md is Hugo's list page.
    expect(live.logs.lines.join('\n')).toMatch(/Loaded 2 recap\(s\).*1 other posts skipped/);
    expect(live.logs.lines.join('\n')).not.toMatch(/20-release\.md|_index\.md/);
    expect(await live.ask('prow')).toContain('Deploy Prow Via Flux');
    expect(await live.ask('brotli')).not.toContain('Compression for');

    const changed = live.bot.content.holder.nextChange();
    remote.commit({ 'hugo/content/blog/2024/05/21-hackathon.md': FIFTH }, 'The 5th hackathon');
    expect((await changed).cause).toMatch(/^commit [0-9a-f]{7}$/);
    expect(await live.ask('brotli')).toContain('Compression for');
  });

  it('announces a new hackathon exactly once between two instances, and a second recap of one not at all', async () => {
    const remote = documentationSite();
    const env = { ANNOUNCE_CHANNEL: CHANNEL, AUTO_ANNOUNCE: 'true' };
    const [a, b] = await Promise.all([
      start(gitEnv(remote, tempDir('cache-a'), env), true),
      start(gitEnv(remote, tempDir('cache-b'), env), true),
    ]);
    await Promise.all([a.bot.backgroundStarted, b.bot.backgroundStarted]);
    const announcements = (channel: string, hackathon: string) =>
      standin.workspace
        .messages(channel)
        .filter(
          (m) =>
            m.metadata?.event_type === ANNOUNCED_EVENT_TYPE &&
            JSON.stringify(m.metadata.event_payload).includes(hackathon),
        );
    const bothSee = async (files: Record<string, string>, message: string) => {
      const changes = [a, b].map((live) => live.bot.content.holder.nextChange());
      remote.commit(files, message);
      await Promise.all(changes);
      await Promise.all([a, b].map((live) => live.bot.contentChanges?.idle()));
    };
    expect(announcements(CHANNEL, '2024-12')).toHaveLength(1);

    await bothSee({ 'hugo/content/blog/2024/05/21-hackathon.md': FIFTH }, 'The 5th hackathon');
    expect(announcements(CHANNEL, '2024-05')).toHaveLength(1);
    // #general: the bot is a member, so it is subscribed.
    expect(announcements('C_GENERAL', '2024-05')).toHaveLength(1);

    // The wrap-up page of December 2024: a second recap of a hackathon the bot knows.
    await bothSee({ 'hugo/content/community/hackathons/2024-12.md': WRAP_UP_2024_12 }, 'Wrap-up 2024-12');
    expect(a.bot.library.recaps.map((r) => r.id)).toContain('2024-12');
    expect(announcements(CHANNEL, '2024-12')).toHaveLength(1);
    expect(announcements('C_GENERAL', '2024-12')).toHaveLength(0);
  });

  it('starts from its last good checkout when the remote is unreachable, and says so', async () => {
    const remote = documentationSite();
    const cacheDir = tempDir('cache');
    const first = await start(gitEnv(remote, cacheDir));
    await first.bot.stop();
    bots.splice(bots.indexOf(first), 1);
    renameSync(remote.dir, `${remote.dir}-gone`);

    const live = await start(gitEnv(remote, cacheDir));
    expect(await live.ask('prow')).toContain('Deploy Prow Via Flux');
    await live.logs.waitFor(/cannot fetch .*answering from the last good checkout \(commit [0-9a-f]{7}\)/);
    expect(live.logs.lines.join('\n')).toMatch(/last checkout: commit/);
  });

  it('follows a tag', async () => {
    const remote = documentationSite();
    remote.git('tag', 'v1');
    remote.commit({ 'hugo/content/blog/2024/05/21-hackathon.md': FIFTH }, 'After the tag');
    const live = await start(gitEnv(remote, tempDir('cache'), { CONTENT_GIT_REF: 'v1' }));
    expect(await live.ask('prow')).toContain('Deploy Prow Via Flux');
    expect(await live.ask('brotli')).not.toContain('Compression for');
  });

  it('names the setting when the URL, the ref or a path is wrong and there is no checkout yet', async () => {
    const remote = documentationSite();
    const attempt = (extra: Record<string, string>) =>
      start({ ...gitEnv(remote, tempDir('cache')), ...extra }).then(
        () => 'started',
        (error: Error) => error,
      );
    const noRepository = await attempt({ CONTENT_GIT_URL: pathToFileURL(`${remote.dir}-missing`).href });
    expect(noRepository).toBeInstanceOf(StartError);
    expect(String(noRepository)).toMatch(/CONTENT_GIT_URL .* could not be cloned/);

    const noBranch = await attempt({ CONTENT_GIT_REF: 'no-such-branch' });
    expect(String(noBranch)).toMatch(/CONTENT_GIT_REF "no-such-branch" is not a branch or tag/);

    const noFolder = await attempt({ CONTENT_GIT_PATHS: 'hugo/content/blog, hugo/content/wrap-ups' });
    expect(String(noFolder)).toMatch(/CONTENT_GIT_PATHS names "hugo\/content\/wrap-ups", not a folder/);
  });
});
