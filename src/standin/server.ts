import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, FaultQueue } from './faults.js';
import { callMethod } from './methods.js';
import type { WorkspaceChange } from './model.js';
import { type RecordedCall, type RecordedResponse, waitForRecords } from './recording.js';
import { type ResponseOutcome, type ResponseTarget, ResponseUrls } from './response-urls.js';
import { seedDefaultWorkspace } from './seed.js';
import { parseApiRequest, readBody, sendJson, sendText } from './wire.js';
import { Workspace } from './workspace.js';

export type { Fault } from './faults.js';
export type { RecordedCall, RecordedResponse } from './recording.js';
export type { ResponseOutcome, ResponseTarget } from './response-urls.js';
export { Workspace } from './workspace.js';

export interface StandinOptions {
  host?: string;
  port?: number;
  clock?: () => Date;
  botUserId?: string;
  botId?: string;
  socketUrl?: string;
  /** Start from the default workspace (users, #general, #random, #private-team, a DM); default true. */
  seed?: boolean;
}

export interface SlackStandin {
  readonly url: string;
  readonly apiUrl: string;
  readonly workspace: Workspace;
  readonly calls: RecordedCall[];
  readonly responses: RecordedResponse[];
  callsTo(method: string): RecordedCall[];
  /** A fresh `${url}/respond/<id>`; answers default to an ephemeral message to U_MEMBER in C_GENERAL. */
  responseUrl(target?: ResponseTarget): string;
  /** Accepts the id or the whole url. */
  expireResponseUrl(idOrUrl: string): void;
  /**
   * Shows a slash command's acknowledgement body (`{ response_type, text, blocks }`) as Slack does: as the
   * first answer at the command's response_url, so a later replace_original or delete_original there acts
   * on it. Not recorded in `responses` and uses none of the URL's five uses. Accepts the id or the whole url.
   */
  acknowledgeCommand(idOrUrl: string, body: unknown): ResponseOutcome;
  /** Resolves with every matching call once at least `count` are recorded (earlier ones count). */
  waitFor(
    match: string | ((call: RecordedCall) => boolean),
    count?: number,
    timeoutMs?: number,
  ): Promise<RecordedCall[]>;
  waitForResponse(count?: number, timeoutMs?: number): Promise<RecordedResponse[]>;
  fail(method: string, fault: Fault): void;
  clearFaults(): void;
  setSocketUrl(url: string): void;
  on(event: 'call', listener: (call: RecordedCall) => void): void;
  on(event: 'response', listener: (response: RecordedResponse) => void): void;
  on(event: 'change', listener: (change: WorkspaceChange) => void): void;
  off(event: 'call' | 'response' | 'change', listener: (...args: never[]) => void): void;
  close(): Promise<void>;
}

const DEFAULT_WAIT_MS = 5000;

export async function startSlackStandin(options: StandinOptions = {}): Promise<SlackStandin> {
  const clock = options.clock ?? (() => new Date());
  const workspace = new Workspace(
    {
      botUserId: options.botUserId ?? 'UBOT',
      botId: options.botId ?? 'BBOT',
      appId: 'A0001',
      teamId: 'T0001',
      teamName: 'Playground',
      teamDomain: 'playground',
    },
    clock,
  );
  if (options.seed ?? true) seedDefaultWorkspace(workspace);

  const events = new EventEmitter();
  // Listeners (waitFor, the playground's browsers) come and go; the default cap of 10 would only warn.
  events.setMaxListeners(0);
  workspace.subscribe((change) => events.emit('change', change));

  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const faults = new FaultQueue();
  const responseUrls = new ResponseUrls(workspace, clock);
  const hung = new Set<ServerResponse>();
  let socketUrl = options.socketUrl;

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    query: URLSearchParams,
  ) {
    const body = await readBody(req);
    let parsed: ReturnType<typeof parseApiRequest>;
    try {
      parsed = parseApiRequest(req, body, query);
    } catch {
      return answerCall(res, { method, args: {}, at: clock() }, 200, { ok: false, error: 'invalid_json' });
    }
    const call: RecordedCall = { method, args: parsed.args, at: clock() };
    if (parsed.token) call.token = parsed.token;

    const fault = faults.take(method);
    if (fault?.kind === 'hang') {
      calls.push(call);
      hung.add(res);
      res.on('close', () => hung.delete(res));
      events.emit('call', call);
      return;
    }
    if (fault?.kind === 'error') return answerCall(res, call, 200, { ok: false, error: fault.error });
    if (fault?.kind === 'status') {
      return answerCall(res, call, fault.status, { ok: false, error: `http_${fault.status}` });
    }
    if (fault?.kind === 'ratelimited') {
      return answerCall(
        res,
        call,
        429,
        { ok: false, error: 'ratelimited' },
        {
          'retry-after': String(fault.retryAfterSeconds),
        },
      );
    }

    const now = clock();
    // Slack posts scheduled messages on its own; doing it before each call keeps every answer consistent.
    workspace.deliverDueScheduled(now);
    const result = callMethod(method, parsed.args, parsed.token, { workspace, now, socketUrl });
    answerCall(res, call, 200, result);
  }

  function answerCall(
    res: ServerResponse,
    call: RecordedCall,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    call.result = { status, body };
    calls.push(call);
    // Emitted before the answer leaves, so whoever awaits the call already sees the new state.
    events.emit('call', call);
    sendJson(res, status, body, headers);
  }

  async function handleRespond(req: IncomingMessage, res: ServerResponse, id: string) {
    const raw = await readBody(req);
    const body = parseResponseBody(raw, req.headers['content-type']);
    const outcome = responseUrls.handle(id, body);
    const recorded: RecordedResponse = {
      id,
      body,
      at: clock(),
      status: outcome.status,
      answer: outcome.text,
    };
    responses.push(recorded);
    events.emit('response', recorded);
    sendText(res, outcome.status, outcome.text);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://standin.invalid');
    const apiMatch = /^\/api\/([A-Za-z0-9._]+)$/.exec(url.pathname);
    const respondMatch = /^\/respond\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    let work: Promise<void> | undefined;
    if (req.method === 'GET' && url.pathname === '/health') {
      sendJson(res, 200, { ok: true });
    } else if (apiMatch?.[1] && (req.method === 'POST' || req.method === 'GET')) {
      work = handleApi(req, res, apiMatch[1], url.searchParams);
    } else if (respondMatch?.[1] && req.method === 'POST') {
      work = handleRespond(req, res, respondMatch[1]);
    } else {
      sendText(res, 404, 'not_found');
    }
    work?.catch((error: unknown) => {
      // A stand-in bug should fail the test loudly, not look like a Slack outage the app might retry through.
      console.error('Slack stand-in failed to handle', req.method, req.url, error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'standin_internal_error' });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${host}:${address.port}`;

  const standin: SlackStandin = {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    workspace,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (target) => `${baseUrl}/respond/${responseUrls.create(target)}`,
    expireResponseUrl: (idOrUrl) => responseUrls.expire(idOrUrl.split('/').at(-1) ?? idOrUrl),
    acknowledgeCommand: (idOrUrl, body) =>
      responseUrls.handle(idOrUrl.split('/').at(-1) ?? idOrUrl, body, { acknowledgement: true }),
    waitFor: (match, count = 1, timeoutMs = DEFAULT_WAIT_MS) =>
      waitForRecords({
        records: calls,
        emitter: events,
        event: 'call',
        matches: typeof match === 'string' ? (c) => c.method === match : match,
        count,
        timeoutMs,
        describe: () =>
          `call(s) ${typeof match === 'string' ? `to ${match}` : 'matching the predicate'} (calls so far: ${
            calls.map((c) => c.method).join(', ') || 'none'
          })`,
      }),
    waitForResponse: (count = 1, timeoutMs = DEFAULT_WAIT_MS) =>
      waitForRecords({
        records: responses,
        emitter: events,
        event: 'response',
        matches: () => true,
        count,
        timeoutMs,
        describe: () => 'response_url post(s)',
      }),
    fail: (method, fault) => faults.add(method, fault),
    clearFaults: () => faults.clear(),
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    on: (event: string, listener: (...args: never[]) => void) => {
      events.on(event, listener as (...args: unknown[]) => void);
    },
    off: (event, listener) => {
      events.off(event, listener as (...args: unknown[]) => void);
    },
    close: async () => {
      for (const res of hung) res.destroy();
      hung.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return standin;
}

/** Bolt's respond() posts JSON; a form body with a `payload` field is accepted too. */
function parseResponseBody(raw: string, contentType: string | undefined): unknown {
  try {
    if ((contentType ?? '').includes('application/x-www-form-urlencoded')) {
      const payload = new URLSearchParams(raw).get('payload');
      return payload === null ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(payload);
    }
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
