import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mrkdwnToText } from '../src/views/terminal.js';

/** `npm run --silent preview -- <args>`, as a content editor runs it (stdout is a pipe, not a terminal). */
function preview(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/preview.ts', ...args], {
    env: { PATH: process.env.PATH, CONTENT_DIR: 'content' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Slack markup a terminal would show as stray characters. */
const STRAY_MARKUP = /(^|[\s(])[*_~][^\s*_~]|[^\s*_~][*_~]($|[\s).,:;])|<https?:|<[#@!]|&(amp|lt|gt);/m;
const ESCAPE = String.fromCharCode(0x1b);

describe('npm run preview', () => {
  it('prints how to use it for --help', async () => {
    const { code, stdout } = await preview(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run --silent preview -- \[options\] <text>/);
    expect(stdout).toContain('--format text');
    expect(stdout).toContain('CONTENT_DIR');
  });

  it('renders --format text as plain text, without Slack markup, in a pipe', {
    timeout: 60_000,
  }, async () => {
    const [card, list] = await Promise.all([
      preview(['wireguard', '--format', 'text']),
      preview(['topics', '--format=text']),
    ]);
    for (const { code, stdout } of [card, list]) {
      expect(code).toBe(0);
      expect(stdout).not.toMatch(STRAY_MARKUP);
      // Not a terminal: no ANSI styles either.
      expect(stdout).not.toContain(ESCAPE);
    }
    expect(card.stdout).toContain('== Replacement of OpenVPN with Wireguard ==');
    expect(card.stdout).toContain('replacement of OpenVPN (https://openvpn.net/) with Wireguard');
    expect(list.stdout).toContain('Documentation Revamp');
  });

  it('names an unknown option instead of searching for it', async () => {
    const { code, stderr } = await preview(['--frmat', 'text', 'wireguard']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option --frmat');
  });
});

describe('mrkdwn for a terminal', () => {
  it('turns bold and italics into ANSI styles only when asked, and links into "label (url)"', () => {
    const mrkdwn = '*Later*, _to be announced_: <https://x.example/a_b|R&amp;D> ~gone~ snake_case *a*b';
    expect(mrkdwnToText(mrkdwn)).toBe(
      'Later, to be announced: R&D (https://x.example/a_b) gone snake_case *a*b',
    );
    expect(mrkdwnToText(mrkdwn, { ansi: true })).toBe(
      '\u001b[1mLater\u001b[22m, \u001b[3mto be announced\u001b[23m: R&D (https://x.example/a_b) gone snake_case *a*b',
    );
  });
});
