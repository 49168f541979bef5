import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentDirs, loadContentFolders } from '../src/content/folders.js';
import type { ContentSet, Recap } from '../src/content/model.js';
import { contentReport } from '../src/content-report.js';
import { Library } from '../src/library.js';
import { makeRecap } from './support/fixtures.js';
import { PROJECT_ROOT, sharedDir } from './support/shared.js';

const ARCHIVE = [path.join(PROJECT_ROOT, 'content'), sharedDir('recaps'), sharedDir('wrap-ups')];

/** `npm run preview -- …` as a content repository's CI runs it: exit code and what it printed. */
function preview(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/preview.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONTENT_DIR: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

describe('the content report over the real archive', async () => {
  const content = await loadContentFolders(ARCHIVE);
  const { text, failed } = contentReport(new Library(content));

  it('names, per file, the hackathon it was matched to with its dates, place and organizer', () => {
    expect(failed).toBe(0);
    expect(text).toContain(
      'community-2024-12.md (wrap-up page)\n  hackathon: December 2024 [2024-12] · 2–6 December 2024 · Schlosshof Freizeitheim, Schelklingen · x-cellent · #6',
    );
    expect(text).toContain(
      'hackathon: May 2023 [2023-05] · 22–26 May 2023 · Open Sky House, Leverkusen · STACKIT',
    );
  });

  it('says which recaps were merged into one hackathon, and how many topics matched', () => {
    expect(text).toMatch(
      /2024-12-6th-hackathon-blog\.md \(blog post\)\n.*\n {2}merged with .*community-2024-12\.md \(wrap-up page\): 23 of 23 topics matched/,
    );
  });

  it('lists each file’s topics with their video and link counts', () => {
    expect(text).toContain('· Replacement of OpenVPN with Wireguard — video at 1:44, 7 links (line 28)');
    expect(text).toContain('⇄ IPv6 Support On IronCore — no video, 4 links (line 26)');
  });

  it('flags a title that reads like a sentence', () => {
    expect(text).toMatch(/community-2025-12\.md:275: topic title reads like a sentence \(96 characters\)/);
    expect(text).toMatch(/5 hackathons with 74 topics from 6 recaps\.$/);
  });
});

describe('the content report’s problems', () => {
  const dated = makeRecap({
    id: 'good',
    title: 'Good',
    date: '2025-06-17',
    topics: [{ title: 'This title goes on and tells the whole story of what was done during the week.' }],
  });
  const undated: Recap = {
    ...makeRecap({
      id: 'undated',
      title: 'Undated',
      date: '2024-03-01',
      topics: [{ title: 'Quiet', summary: ' ' }],
    }),
    facts: {},
  };
  const content: ContentSet = {
    recaps: [dated, undated],
    synonyms: new Map(),
    problems: [
      {
        file: 'broken.md',
        line: 3,
        message: 'has invalid YAML front matter: bad indentation',
        severity: 'error',
      },
      { file: 'good.md', line: 12, message: 'skipped an image without alt text', severity: 'warning' },
    ],
  };
  const { text, failed } = contentReport(new Library(content));

  it('reports no date, sentence titles, topics without a summary and files that failed', () => {
    expect(failed).toBe(1);
    expect(text).toContain(
      'undated.md: no date found: placed by its publication date (2024-03-01) in March 2024',
    );
    expect(text).toContain('good.md:10: topic title reads like a sentence (ends with a period)');
    expect(text).toContain('undated.md:10: topic has no summary: "Quiet"');
    expect(text).toContain('good.md:12: skipped an image without alt text');
    expect(text).toContain('broken.md (not loaded)\n    ✗ broken.md:3: has invalid YAML front matter');
    expect(text).toContain('1 file failed to load');
  });
});

describe('preview --report', () => {
  const folders: string[] = [];
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  });

  // A child process under tsx takes seconds on a busy machine: these two wait for it, not for a timer.
  it('reads several folders, from CONTENT_DIR or --content, and exits 0 when every file loaded', async () => {
    const [fromEnv, fromFlags] = await Promise.all([
      preview(['--report'], { CONTENT_DIR: ARCHIVE.join(',') }),
      preview(['--report', ...ARCHIVE.flatMap((dir) => ['--content', dir])]),
    ]);
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.out).toContain('5 hackathons with 74 topics from 6 recaps.');
    expect(fromFlags).toEqual(fromEnv);
  }, 60_000);

  it('exits non-zero when a file failed to load', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hackathon-report-'));
    folders.push(dir);
    writeFileSync(path.join(dir, 'broken.md'), '---\ntitle: [unclosed\n---\n\nText.\n');
    const { code, out } = await preview(['--report', '--content', ARCHIVE[0] ?? 'content', '--content', dir]);
    expect(code).toBe(1);
    expect(out).toMatch(/broken\.md \(not loaded\)/);
  }, 60_000);

  it('splits CONTENT_DIR at commas', () => {
    expect(contentDirs(' content , ../shared/recaps,,content')).toEqual(['content', '../shared/recaps']);
    expect(contentDirs(undefined)).toEqual(['content']);
  });
});
