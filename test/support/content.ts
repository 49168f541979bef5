import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const folders: string[] = [];

/**
 * A content folder with the real recap and a next-hackathon.md of our own: `start` is the event's one day
 * (none: no date announced yet), `extra` more front matter lines.
 */
export function eventContent(start?: string, extra = ''): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hackathon-content-'));
  folders.push(dir);
  copyFileSync('content/2025-06-schelklingen.md', path.join(dir, '2025-06-schelklingen.md'));
  const dates = start ? `start: ${start}\nend: ${start}\n` : 'when: early December\n';
  writeFileSync(
    path.join(dir, 'next-hackathon.md'),
    `---\ntitle: Hack The Garden\ntimezone: Europe/Berlin\nlocation: Schelklingen\n${dates}${extra}---\n\nCome along.\n`,
  );
  return dir;
}

export function removeEventContent(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}
