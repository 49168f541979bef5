/**
 * The local playground: the real bot (HTTP mode) against the Slack stand-in, and a page that looks like a
 * Slack channel. Everything the page does reaches the bot as the signed requests Slack would send.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import { WebClient } from '@slack/web-api';
import { build } from 'esbuild';
import { createApp, webClientOptions } from '../app.js';
import type { Clock } from '../context.js';
import type { Library } from '../library.js';
import { createLogger, type LogSink } from '../logger.js';
import { type BackgroundJobs, startBackgroundJobs } from '../services/background.js';
import type { Settings } from '../settings.js';
import { type SlackStandin, startSlackStandin } from '../standin/server.js';
import { StartError } from '../start.js';
import { SLACKBOT, SlackBridge, slackEscape } from './bridge.js';
import type { ApiResult } from './client/types.js';
import { ContentReloader, type ContentReport } from './content.js';

/** The person at the keyboard: an admin, so announcer-only commands work as they would for an organiser. */
export const PLAYGROUND_USER = 'U_ADMIN';
export const DEFAULT_CHANNEL = 'C_GENERAL';
const LOOPBACK = '127.0.0.1';
export const MAX_BODY_BYTES = 64 * 1024;
/** Scheduled messages are posted when they are due, as Slack would, even while nobody calls the API. */
const DELIVER_DUE_MS = 15_000;
const SSE_KEEPALIVE_MS = 25_000;

export interface PlaygroundOptions {
  clock?: Clock;
  logSink?: LogSink;
}

export interface RunningPlayground {
  /** `http://localhost:PORT`, the page. */
  url: string;
  port: number;
  /** Where the bot takes Slack's requests (`http://127.0.0.1:PORT/slack/events`). */
  botUrl: string;
  /** The settings the bot runs with (fake token, random signing secret, the stand-in's API URL). */
  settings: Settings;
  app: App;
  standin: SlackStandin;
  /** The library the bot answers from right now. */
  library(): Library;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * The page's files. `npm start` runs a bundle from `dist/`, where `./client/` is not beside the code, so
 * the source folder is found from there too.
 */
const CLIENT_DIR = [
  new URL('./client/', import.meta.url),
  new URL('../src/playground/client/', import.meta.url),
]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(join(dir, 'index.html'))) as string;

const SECURITY_HEADERS: Record<string, string> = {
  // The page is one script and one stylesheet from here; everything in messages is rendered as text.
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Only names that mean this machine: a page elsewhere cannot reach us through DNS rebinding. */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

function send(res: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    // Cross-site forms can only send form and text bodies; insisting on JSON keeps them out.
    throw new BodyError(415, 'Send JSON (content-type: application/json)');
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    throw new BodyError(413, 'Request body too large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.byteLength;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'Request body too large');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError(400, 'The body is not JSON');
  }
}

async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Content problems go to the person as a private note in #general, where they are trying things out. */
function contentNotice(report: ContentReport, dir: string): string | undefined {
  const list = report.problems.map((p) => `• ${slackEscape(p)}`).join('\n');
  if (report.keptPrevious) {
    return `:warning: The content in \`${slackEscape(dir)}\` could not be loaded, so answers still come from the content that last loaded. Fix the file and reload the page.\n${list}`;
  }
  if (report.problems.length > 0) {
    return `:warning: ${report.problems.length} content problem(s) in \`${slackEscape(dir)}\`; the rest loaded (${report.recaps} recap(s)).\n${list}`;
  }
  return undefined;
}

/**
 * Starts the stand-in, the real bot against it and the page server on `settings.port` (0 picks a free
 * port). The stand-in and the bot listen on 127.0.0.1 only; the page on localhost (IPv4 and, when the
 * machine has it, IPv6).
 */
export async function startPlayground(
  settings: Settings,
  options: PlaygroundOptions = {},
): Promise<RunningPlayground> {
  const logger = createLogger(settings.logLevel, options.logSink);
  const clock = options.clock ?? (() => new Date());
  const content = await ContentReloader.load(settings, logger);

  const standin = await startSlackStandin({ host: LOOPBACK, clock });
  const cleanups: Array<() => Promise<void> | void> = [() => standin.close()];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step();
  };

  try {
    const workspace = standin.workspace;
    workspace.addUser({ id: SLACKBOT, name: 'slackbot', real_name: 'Slackbot', is_bot: true, tz: 'UTC' });
    const announceChannel = settings.announceChannel ?? DEFAULT_CHANNEL;
    if (!workspace.channel(announceChannel)) {
      // An ANNOUNCE_CHANNEL from a real workspace: give it a home here so announcements have somewhere to go.
      workspace.addChannel({
        id: announceChannel,
        name: 'announcements',
        members: [workspace.identity.botUserId, PLAYGROUND_USER],
      });
    }

    const botSettings: Settings = {
      ...settings,
      mode: 'http',
      botToken: `xoxb-playground-${randomBytes(12).toString('hex')}`,
      signingSecret: randomBytes(32).toString('hex'),
      appToken: undefined,
      slackApiUrl: standin.apiUrl,
      announceChannel,
      port: 0,
    };
    const auth = await new WebClient(botSettings.botToken, webClientOptions(botSettings, logger)).auth.test();
    if (!auth.user_id || !auth.bot_id) throw new Error('The Slack stand-in did not name a bot user');

    const { app, context } = createApp({
      settings: botSettings,
      library: () => content.library,
      logger,
      bot: { botId: auth.bot_id, botUserId: auth.user_id },
      clock,
    });
    const botServer = (await app.start({ port: 0, host: LOOPBACK })) as Server;
    cleanups.push(() => app.stop().then(() => undefined));
    const bound = botServer.address() as AddressInfo;
    // Refuse rather than serve: a receiver that ignored the host would put the bot on the network.
    if (bound.address !== LOOPBACK)
      throw new Error(`The bot listens on ${bound.address}, not on ${LOOPBACK} only`);
    const requestUrl = `http://${LOOPBACK}:${bound.port}/slack/events`;

    const jobs: BackgroundJobs = startBackgroundJobs(context, app.client);
    cleanups.push(() => jobs.stop());
    const deliverTimer = setInterval(() => workspace.deliverDueScheduled(clock()), DELIVER_DUE_MS);
    deliverTimer.unref();
    cleanups.push(() => clearInterval(deliverTimer));

    const bridge = new SlackBridge({
      standin,
      requestUrl,
      signingSecret: botSettings.signingSecret ?? '',
      me: PLAYGROUND_USER,
      logger,
    });

    let shownProblems = '';
    const showContentReport = (report: ContentReport) => {
      const notice = contentNotice(report, settings.contentDir);
      const key = notice ?? '';
      if (key === shownProblems) return;
      if (notice) bridge.notify(DEFAULT_CHANNEL, notice);
      else if (shownProblems)
        bridge.notify(
          DEFAULT_CHANNEL,
          `:white_check_mark: Content reloaded: ${report.recaps} recap(s), no problems.`,
        );
      shownProblems = key;
    };
    showContentReport(content.report());

    // Server-Sent Events: every change in the workspace pushes the whole state, coalesced per tick.
    const clients = new Set<ServerResponse>();
    let pushQueued = false;
    const push = () => {
      if (pushQueued) return;
      pushQueued = true;
      setImmediate(() => {
        pushQueued = false;
        if (clients.size === 0) return;
        const frame = `data: ${JSON.stringify(bridge.state())}\n\n`;
        for (const client of clients) client.write(frame);
      });
    };
    standin.on('change', push);
    const keepalive = setInterval(() => {
      for (const client of clients) client.write(': keepalive\n\n');
    }, SSE_KEEPALIVE_MS);
    keepalive.unref();
    cleanups.push(() => {
      clearInterval(keepalive);
      standin.off('change', push);
      for (const client of clients) client.end();
      clients.clear();
    });

    const page = await readFile(`${CLIENT_DIR}index.html`, 'utf8');
    const style = await readFile(`${CLIENT_DIR}style.css`, 'utf8');
    let script: Promise<string> | undefined;
    const bundle = () => {
      script ??= build({
        entryPoints: [`${CLIENT_DIR}main.ts`],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        logLevel: 'silent',
      }).then((result) => result.outputFiles[0]?.text ?? '');
      // A failed build is retried on the next request rather than cached.
      script.catch(() => {
        script = undefined;
      });
      return script;
    };

    // Built now so the first page load does not wait for it, and a broken client shows up at start.
    bundle().catch((error: Error) =>
      logger.error(`Playground: the page script does not build: ${error.message}`),
    );

    const postRoutes: Record<string, (body: unknown) => Promise<ApiResult>> = {
      '/playground/send': (body) => bridge.send(body),
      '/playground/action': (body) => bridge.action(body),
      '/playground/home': () => bridge.openHome(),
    };

    const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      if (!LOCAL_HOST.test(req.headers.host ?? '')) {
        return send(res, 403, 'text/plain; charset=utf-8', 'Open the playground at http://localhost');
      }
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = req.method ?? 'GET';
      const post = postRoutes[path];
      if (post) {
        if (method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Use POST');
        const origin = req.headers.origin;
        if (origin !== undefined && !LOCAL_HOST.test(origin.replace(/^https?:\/\//, ''))) {
          return sendJson(res, 403, { ok: false, error: 'Cross-site request refused' });
        }
        let body: unknown;
        try {
          body = await readJsonBody(req);
        } catch (error) {
          if (!(error instanceof BodyError)) throw error;
          res.setHeader('connection', 'close');
          return sendJson(res, error.status, { ok: false, error: error.message });
        }
        const result = await post(body);
        return sendJson(res, result.ok ? 200 : 400, result);
      }
      if (method !== 'GET' && method !== 'HEAD')
        return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      switch (path) {
        case '/':
        case '/index.html': {
          // A page load is the moment a person expects their content edits to show.
          showContentReport(await content.refresh());
          return send(res, 200, 'text/html; charset=utf-8', page);
        }
        case '/playground/style.css':
          return send(res, 200, 'text/css; charset=utf-8', style);
        case '/playground/main.js':
          return send(res, 200, 'text/javascript; charset=utf-8', await bundle());
        case '/playground/state':
          return sendJson(res, 200, bridge.state());
        case '/playground/events': {
          res.writeHead(200, {
            ...SECURITY_HEADERS,
            'content-type': 'text/event-stream; charset=utf-8',
            connection: 'keep-alive',
          });
          res.write(`retry: 1000\n\ndata: ${JSON.stringify(bridge.state())}\n\n`);
          clients.add(res);
          // Not req's 'close': on Node 20 it fires once the (empty) request body is read.
          res.on('close', () => clients.delete(res));
          return;
        }
        default:
          return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
      }
    };
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      handle(req, res).catch((error: unknown) => {
        logger.error(`Playground: ${req.method} ${req.url} failed: ${(error as Error).message}`);
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'The playground server failed' });
        else res.end();
      });
    };

    const ipv4 = createServer(onRequest);
    await listen(ipv4, settings.port, LOOPBACK).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EADDRINUSE'
        ? new StartError(
            `Port ${settings.port} is in use: start the playground on another one, e.g. PORT=3001 npm start`,
          )
        : error;
    });
    cleanups.push(() => closeServer(ipv4));
    const port = (ipv4.address() as AddressInfo).port;
    // `localhost` may resolve to ::1 first; serve it there too when the machine has IPv6.
    const ipv6 = createServer(onRequest);
    await listen(ipv6, port, '::1').catch((error: NodeJS.ErrnoException) => {
      logger.debug(`Playground: not listening on [::1]:${port} (${error.code ?? error.message})`);
    });
    cleanups.push(() => closeServer(ipv6));

    const url = `http://localhost:${port}`;
    logger.info(
      `Playground running at ${url} — no Slack credentials are set, so the bot answers there instead of in Slack. ` +
        'To connect a real workspace, follow "Connecting to Slack" in the README (set SLACK_BOT_TOKEN and SLACK_APP_TOKEN).',
    );

    let stopped: Promise<void> | undefined;
    return {
      url,
      port,
      botUrl: requestUrl,
      settings: botSettings,
      app,
      standin,
      library: () => content.library,
      logger,
      stop: () => {
        stopped ??= cleanup();
        return stopped;
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
