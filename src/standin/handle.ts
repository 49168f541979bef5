import type { Server } from 'node:http';
import { closeServer } from '../http-server.js';
import type { StandinCore } from './core.js';
import type { Fault } from './faults.js';
import type { WorkspaceChange } from './model.js';
import { type RecordedCall, type RecordedResponse, waitForRecords } from './recording.js';
import type { ResponseOutcome, ResponseTarget } from './response-urls.js';
import type { Workspace } from './workspace.js';

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
   * on it. Refused like any answer whose blocks Slack would refuse. Not recorded in `responses` and uses
   * none of the URL's five uses. Accepts the id or the whole url.
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

function idOf(idOrUrl: string): string {
  return idOrUrl.split('/').at(-1) ?? idOrUrl;
}

function waitForCalls(
  core: StandinCore,
  match: string | ((call: RecordedCall) => boolean),
  count: number,
  timeoutMs: number,
): Promise<RecordedCall[]> {
  return waitForRecords({
    records: core.calls,
    emitter: core.events,
    event: 'call',
    matches: typeof match === 'string' ? (c) => c.method === match : match,
    count,
    timeoutMs,
    describe: () =>
      `call(s) ${typeof match === 'string' ? `to ${match}` : 'matching the predicate'} (calls so far: ${
        core.calls.map((c) => c.method).join(', ') || 'none'
      })`,
  });
}

async function close(core: StandinCore, server: Server): Promise<void> {
  for (const res of core.hung) res.destroy();
  core.hung.clear();
  await closeServer(server);
}

/** What tests and the playground hold of a running stand-in. */
export function standinHandle(core: StandinCore, server: Server, baseUrl: string): SlackStandin {
  const { calls, responses, events, responseUrls } = core;
  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api/`,
    workspace: core.workspace,
    calls,
    responses,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (target) => `${baseUrl}/respond/${responseUrls.create(target)}`,
    expireResponseUrl: (idOrUrl) => responseUrls.expire(idOf(idOrUrl)),
    acknowledgeCommand: (idOrUrl, body) =>
      responseUrls.handle(idOf(idOrUrl), body, { acknowledgement: true }),
    waitFor: (match, count = 1, timeoutMs = DEFAULT_WAIT_MS) => waitForCalls(core, match, count, timeoutMs),
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
    fail: (method, fault) => core.faults.add(method, fault),
    clearFaults: () => core.faults.clear(),
    setSocketUrl: (url) => {
      core.socketUrl = url;
    },
    on: (event: string, listener: (...args: never[]) => void) => {
      events.on(event, listener as (...args: unknown[]) => void);
    },
    off: (event, listener) => {
      events.off(event, listener as (...args: unknown[]) => void);
    },
    close: () => close(core, server),
  };
}
