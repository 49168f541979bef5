/**
 * The playground in a real browser: the page, its server, the real bot and the Slack stand-in, all
 * in-process. Set UPDATE_SCREENSHOT=1 to rewrite docs/playground.png (the README's picture).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type RunningPlayground, startPlayground } from '../src/playground/server.js';
import { readSettings } from '../src/settings.js';
import { launchBrowser } from './support/browser.js';

const WIREGUARD = 'Replacement of OpenVPN with Wireguard';
const VIDEO = 'https://youtu.be/TCLXovw43HA?t=104s';
const RECAP_FILE = '2025-06-schelklingen.md';

describe('the playground in a browser', () => {
  let contentDir: string;
  let pg: RunningPlayground;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const logs: string[] = [];
  const pageErrors: string[] = [];

  const composer = () => page.getByLabel('Message #general');
  const channelMessages = () => page.locator('#message-list .msg');
  const ephemeral = () => page.locator('#message-list .msg-ephemeral');

  /** Types into the message box and presses Enter, then waits for the box to empty (the server said ok). */
  async function send(text: string): Promise<void> {
    const box = composer();
    await box.fill(text);
    await box.press('Enter');
    await page.waitForFunction(
      () => (document.getElementById('composer-input') as HTMLTextAreaElement | null)?.value === '',
    );
  }

  function heading(scope: Locator | Page, name: string): Locator {
    return scope.getByRole('heading', { name, exact: true });
  }

  beforeAll(async () => {
    // A copy, so the reload test can break and repair a recap without touching the real content.
    contentDir = mkdtempSync(path.join(tmpdir(), 'playground-content-'));
    cpSync('content', contentDir, { recursive: true });
    pg = await startPlayground(readSettings({ PORT: '0', CONTENT_DIR: contentDir, LOG_LEVEL: 'info' }), {
      logSink: (_level, line) => logs.push(line),
    });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'Europe/Berlin',
    });
    // Nothing leaves the machine: links the page opens (the YouTube video) get a stub page.
    await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<title>stub</title>' }),
    );
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // CSP violations are reported as console errors.
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(pg.url);
    await page.getByRole('heading', { name: '#general', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await pg?.stop();
    if (contentDir) rmSync(contentDir, { recursive: true, force: true });
  });

  it('prints one line with the URL and how to connect Slack instead', () => {
    const line = logs.find((l) => l.includes(pg.url));
    expect(line).toMatch(/no Slack credentials/);
    expect(line).toMatch(/Connecting to Slack/);
    expect(line).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('answers /hackathon wireguard privately, with the presentation at 1:44', async () => {
    await send('/hackathon wireguard');
    const card = ephemeral().filter({ has: heading(page, WIREGUARD) });
    await card.waitFor();
    expect(await card.locator('.msg-ephemeral-note').textContent()).toContain('Only visible to you');
    const video = card.getByRole('link', { name: /Watch the presentation \(1:44\)/ });
    expect(await video.getAttribute('href')).toBe(VIDEO);

    if (process.env.UPDATE_SCREENSHOT === '1') {
      await page.screenshot({ path: 'docs/playground.png' });
    }

    // A URL button opens the link, and Slack still tells the app about the click.
    const [popup, action] = await Promise.all([
      context.waitForEvent('page'),
      page.waitForResponse((r) => r.url().endsWith('/playground/action')),
      video.click(),
    ]);
    await popup.waitForURL((url) => url.href === VIDEO);
    expect(await action.json()).toEqual({ ok: true });
    await popup.close();
  });

  it('shares the card in the channel and removes the private copy', async () => {
    const card = ephemeral().filter({ has: heading(page, WIREGUARD) });
    await card.getByRole('button', { name: 'Share in channel' }).click();
    const shared = page
      .locator('#message-list .msg:not(.msg-ephemeral)')
      .filter({ has: heading(page, WIREGUARD) })
      .filter({ hasText: 'Shared by' });
    await shared.waitFor();
    await card.waitFor({ state: 'detached' });
    expect(await shared.textContent()).toContain('Shared by @Ada Admin');
    expect(await shared.locator('.msg-ephemeral-note').count()).toBe(0);
  });

  it('offers candidates for /hackathon azure and replaces the reply with the picked topic', async () => {
    await send('/hackathon azure');
    const choices = ephemeral().filter({ hasText: 'Several topics match' });
    await choices.waitFor();
    const id = await choices.getAttribute('data-message-id');
    const first = choices
      .locator('.blk-section')
      .filter({ has: page.locator('[data-action-id="pick_topic:0"]') });
    const title = (await first.locator('strong').first().textContent())?.trim() ?? '';
    expect(title).not.toBe('');

    await first.getByRole('button').click();
    const reply = page.locator(`#message-list [data-message-id="${id}"]`);
    await heading(reply, title).waitFor();
    expect(await reply.locator('[data-action-id^="pick_topic"]').count()).toBe(0);
    expect(await reply.getAttribute('class')).toContain('msg-ephemeral');
  });

  it('shows the highlights on App Home', async () => {
    await page.getByRole('button', { name: 'App Home' }).click();
    const home = page.locator('#home-content');
    await heading(home, '🌱 Hack The Garden').waitFor();
    expect(await home.textContent()).toContain(WIREGUARD);
    await page.getByRole('button', { name: 'general' }).click();
    await composer().waitFor();
  });

  it('answers @hackathon-bot topics in a thread', async () => {
    await send('@hackathon-bot topics');
    const asked = channelMessages().filter({ hasText: '@hackathon-bot topics' }).last();
    await asked.locator('.mention').first().waitFor();
    const threadLink = asked.getByRole('button', { name: /1 reply/ });
    await threadLink.click();
    const thread = page.locator('#thread-list');
    await thread.locator('.msg-bot').filter({ hasText: WIREGUARD }).waitFor();
    await page.getByRole('button', { name: 'Close thread' }).click();
    await page.locator('#thread-pane').waitFor({ state: 'hidden' });
  });

  it('shows markup, special mentions and handlers as inert text', async () => {
    const attempts = [
      '<script>window.__pwned=1</script>',
      '<!channel>',
      '<img src=x onerror=window.__pwned=2>',
    ];
    for (const text of attempts) {
      await send(text);
      await channelMessages().locator('.msg-content').filter({ hasText: text }).last().waitFor();
    }
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    expect(pwned).toBeUndefined();
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll(
          '#message-list script, [onerror], img[src="x"], #message-list .mention-special',
        ).length,
    );
    expect(injected).toBe(0);
    const channel = channelMessages().filter({ hasText: '<!channel>' }).last();
    expect(await channel.locator('.mention').count()).toBe(0);
  });

  it('has a labelled message box that sends on Enter and keeps Shift+Enter for new lines', async () => {
    const box = composer();
    expect(await box.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await box.focus();
    await page.keyboard.type('first line');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('second line');
    expect(await box.inputValue()).toBe('first line\nsecond line');
    await page.keyboard.press('Enter');
    await channelMessages().filter({ hasText: 'second line' }).waitFor();
    expect(await box.inputValue()).toBe('');
  });

  it('picks up content edits on reload and survives a broken one', async () => {
    const file = path.join(contentDir, RECAP_FILE);
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/^---\n/, '---\ntitle: [unclosed\n'));
    await page.reload();
    const problem = ephemeral().filter({ hasText: 'could not be loaded' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain(`${RECAP_FILE}:4`);
    expect(logs.some((l) => l.includes('[WARN]') && l.includes(`${RECAP_FILE}:4`))).toBe(true);

    // The last good content still answers.
    await send('/hackathon wireguard');
    await ephemeral()
      .filter({ has: heading(page, WIREGUARD) })
      .waitFor();

    writeFileSync(file, original);
    await page.reload();
    await ephemeral().filter({ hasText: 'Content reloaded' }).waitFor();
  });

  it('acts as a member, who is refused what only announcers may do, and back as the announcer', async () => {
    const picker = page.getByLabel('Acting as');
    const switchTo = async (label: string) => {
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/playground/person')),
        picker.selectOption({ label }),
      ]);
      expect(await response.json()).toEqual({ ok: true });
    };
    await switchTo('Max Member (member)');
    await send('/hackathon announce');
    const refusal = ephemeral().filter({ hasText: /can announce/ });
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/Sorry, only .+ can announce/);

    // Ada does not see Max's private answer.
    await switchTo('Ada Admin (announcer)');
    await refusal.waitFor({ state: 'detached' });
    await composer().waitFor();
  });

  it('links an announcement made again to the earlier one, which opens here, not in a Slack that is not there', async () => {
    const byId = async (found: Locator) =>
      page.locator(`#message-list [data-message-id="${await found.getAttribute('data-message-id')}"]`);
    await send('/hackathon announce');
    const preview = await byId(ephemeral().filter({ hasText: 'Post puts it in' }).last());
    await preview.getByRole('button', { name: 'Post', exact: true }).click();
    const announced = page
      .locator('#message-list .msg:not(.msg-ephemeral)')
      .filter({ hasText: 'New hackathon recap' });
    await announced.waitFor();
    await preview.filter({ hasText: 'Announced in' }).waitFor();
    const parent = page.locator(`#message-list .msg[data-ts="${await announced.getAttribute('data-ts')}"]`);

    await send('/hackathon announce');
    const again = await byId(ephemeral().filter({ hasText: 'already announced' }).last());
    const link = again.getByRole('link', { name: 'the earlier announcement' });
    await page.locator('#message-list').evaluate((list) => {
      list.scrollTop = list.scrollHeight;
    });
    await link.click();
    await parent.and(page.locator('.msg-linked')).waitFor();
    expect(await parent.isVisible()).toBe(true);
    expect(context.pages()).toEqual([page]);
    expect(new URL(page.url()).hash).toBe('#channel/C_GENERAL');
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'detached' });
  });

  it('reported no script errors or CSP violations', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('the playground server', () => {
  let pg: RunningPlayground;

  beforeAll(async () => {
    pg = await startPlayground(readSettings({ PORT: '0', LOG_LEVEL: 'error' }), { logSink: () => {} });
  });
  afterAll(async () => {
    await pg?.stop();
  });

  const post = (p: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${pg.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('sends a CSP without inline scripts and nosniff', async () => {
    const response = await fetch(pg.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown routes with 404', async () => {
    expect((await fetch(`${pg.url}/nope`)).status).toBe(404);
    expect((await fetch(`${pg.url}/slack/events`)).status).toBe(404);
  });

  it('refuses bodies over 64 KB, non-JSON bodies and other hosts', async () => {
    const big = JSON.stringify({ channel: 'C_GENERAL', text: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await post('/playground/send', big)).status).toBe(413);
    expect((await post('/playground/send', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('/playground/send', '{}', { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('answers only to localhost names, against DNS rebinding', async () => {
    // fetch() will not send a Host header of our choosing; node:http will.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(pg.url, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(403);
  });

  it('shows a command acknowledgement as the answer that replace_original later replaces', async () => {
    const responseUrl = pg.standin.responseUrl({ channel: 'C_GENERAL', user: 'U_ADMIN' });
    pg.standin.acknowledgeCommand(responseUrl, { response_type: 'ephemeral', text: 'first answer' });
    const acked = pg.standin.workspace.messages('C_GENERAL').find((m) => m.text === 'first answer');
    expect(acked?.ephemeralTo).toBe('U_ADMIN');
    await fetch(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replace_original: true, text: 'second answer' }),
    });
    expect(pg.standin.workspace.message('C_GENERAL', acked?.ts ?? '')?.text).toBe('second answer');
  });

  it('keeps the stand-in and the bot on 127.0.0.1', () => {
    expect(pg.standin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(pg.botUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/slack\/events$/);
    expect(pg.settings.slackApiUrl).toBe(pg.standin.apiUrl);
  });

  it('rejects malformed requests with a reason', async () => {
    const response = await post('/playground/send', JSON.stringify({ channel: 'C_NOPE', text: 'hi' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false });
  });
});
