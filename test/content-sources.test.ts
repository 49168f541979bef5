import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../src/content/load.js';
import { isHackathonRecap } from '../src/content/sources/folder.js';
import { copyInto, removeTempDirs, seedContent, tempDir } from './support/live.js';
import { sharedDir } from './support/shared.js';

afterEach(removeTempDirs);

const SIXTH = path.join(sharedDir('recaps'), '2024-12-6th-hackathon-blog.md');
const WRAP_UP = path.join(sharedDir('wrap-ups'), 'community-2024-12.md');

describe('which posts of a followed folder are hackathon recaps', () => {
  it('takes a hackathon tag, or Hackathon / Hack The Garden in the title or the first heading', () => {
    expect(isHackathonRecap(readFileSync(SIXTH, 'utf8'))).toBe(true);
    expect(isHackathonRecap(readFileSync(WRAP_UP, 'utf8'))).toBe(true);
    expect(
      isHackathonRecap('---\ntitle: Spring cleaning\ntags: [community, hackathon]\n---\n\nText.\n'),
    ).toBe(true);
    expect(
      isHackathonRecap('---\ntitle: Spring cleaning\ntags:\n  - community\n  - Hackathons\n---\n\nText.\n'),
    ).toBe(true);
    expect(isHackathonRecap('---\ntitle: "June 2025"\n---\n# Hack The Garden 06/2025 Wrap Up\n')).toBe(true);
    expect(isHackathonRecap('+++\ntitle = "The 8th Gardener Hackathon"\n+++\n\nText.\n')).toBe(true);
  });

  it('skips the rest, whatever their text says further down', () => {
    expect(isHackathonRecap('---\ntitle: Gardener v1.110 released\ntags: [release]\n---\n\n# v1.110\n')).toBe(
      false,
    );
    expect(
      isHackathonRecap('---\ntitle: Autoscaling explained\n---\n\nThis started at a hackathon, long ago.\n'),
    ).toBe(false);
    expect(isHackathonRecap('No front matter, no heading, but the word hackathon.\n')).toBe(false);
  });
});

describe('content from several folders', () => {
  it('reads sub-folders, skips what is not a hackathon recap quietly, and keeps recap ids unique', async () => {
    const contentDir = seedContent();
    copyInto(contentDir, SIXTH, '2024-12.md');
    const blog = tempDir('blog');
    copyInto(blog, SIXTH, '2024/12.md');
    copyInto(blog, WRAP_UP, 'hackathons/_index.md');
    writeFileSync(
      path.join(blog, 'release.md'),
      '---\ntitle: Gardener v1.110 released\n---\n\n**New**: things.\n',
    );
    // A link to a recap elsewhere is read like the file itself.
    symlinkSync(
      path.join(sharedDir('recaps'), '2024-05-5th-hackathon-blog.md'),
      path.join(blog, '2024-05-linked.md'),
    );
    const wrapUps = tempDir('wrap-ups');
    copyInto(wrapUps, WRAP_UP, '2024-12.md');

    const content = await loadContent(contentDir, {
      folders: [
        { dir: blog, label: 'hugo/content/blog', hackathonsOnly: true },
        { dir: wrapUps, label: 'hugo/content/community/hackathons', hackathonsOnly: true },
      ],
    });
    expect(content.recaps.map((r) => r.id).sort()).toEqual([
      '2024-05-linked',
      '2024-12',
      '2024-12-2',
      '2024-12-3',
      '2025-06-schelklingen',
    ]);
    expect(content.recaps.map((r) => r.file).sort()).toEqual([
      '2024-12.md',
      '2025-06-schelklingen.md',
      'hugo/content/blog/2024-05-linked.md',
      'hugo/content/blog/2024/12.md',
      'hugo/content/community/hackathons/2024-12.md',
    ]);
    const renamed = content.recaps.find((r) => r.id === '2024-12-3');
    expect(renamed?.topics.every((t) => t.recapId === '2024-12-3' && t.key.startsWith('2024-12-3/'))).toBe(
      true,
    );
    expect(content.skipped).toBe(1);
    expect(content.problems.map((p) => p.file)).not.toContain('hugo/content/blog/release.md');
  });

  it('needs no CONTENT_DIR when a followed folder has recaps, and says where it looked when none has', async () => {
    const missing = path.join(tempDir('nothing'), 'content');
    const blog = tempDir('blog');
    copyInto(blog, SIXTH, '2024/12/08-hackathon.md');
    const content = await loadContent(missing, {
      folders: [{ dir: blog, label: 'blog', hackathonsOnly: true }],
    });
    expect(content.recaps).toHaveLength(1);
    expect(content.problems).toEqual([expect.objectContaining({ file: missing, severity: 'warning' })]);

    await expect(loadContent(missing)).rejects.toThrow(ContentError);
    const empty = tempDir('empty');
    await expect(
      loadContent(missing, { folders: [{ dir: empty, label: 'blog', hackathonsOnly: true }] }),
    ).rejects.toThrow(/No recap could be loaded from .*content, blog/);
  });
});
