/**
 * A small Slack Web API stand-in on loopback, as strict as Slack where the app could go wrong: the tests
 * and the playground point their WebClient at it. Routes: `/api/<method>`, `/respond/<id>`, `/health`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { listen } from '../http-server.js';
import { handleApi } from './api-route.js';
import { createStandinCore, type StandinCore, type StandinOptions } from './core.js';
import { type SlackStandin, standinHandle } from './handle.js';
import { handleRespond } from './respond-route.js';
import { sendJson, sendText } from './wire.js';

export type { StandinOptions } from './core.js';
export type { Fault } from './faults.js';
export type { SlackStandin } from './handle.js';
export type { RecordedCall, RecordedResponse } from './recording.js';
export type { ResponseOutcome, ResponseTarget } from './response-urls.js';
export { Workspace } from './workspace.js';

function route(core: StandinCore, req: IncomingMessage, res: ServerResponse): Promise<void> | undefined {
  const url = new URL(req.url ?? '/', 'http://standin.invalid');
  const api = /^\/api\/([A-Za-z0-9._]+)$/.exec(url.pathname)?.[1];
  const respond = /^\/respond\/([A-Za-z0-9_-]+)$/.exec(url.pathname)?.[1];
  if (req.method === 'GET' && url.pathname === '/health') sendJson(res, 200, { ok: true });
  else if (api && (req.method === 'POST' || req.method === 'GET'))
    return handleApi(core, req, res, api, url.searchParams);
  else if (respond && req.method === 'POST') return handleRespond(core, req, res, respond);
  else sendText(res, 404, 'not_found');
  return undefined;
}

function requestHandler(core: StandinCore) {
  return (req: IncomingMessage, res: ServerResponse) => {
    route(core, req, res)?.catch((error: unknown) => {
      // A stand-in bug should fail the test loudly, not look like a Slack outage the app might retry through.
      console.error('Slack stand-in failed to handle', req.method, req.url, error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'standin_internal_error' });
    });
  };
}

/** The base URL the stand-in is reached at, IPv6 addresses bracketed. */
function baseUrlOf(address: AddressInfo): string {
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}`;
}

export async function startSlackStandin(options: StandinOptions = {}): Promise<SlackStandin> {
  const core = createStandinCore(options);
  const server = createServer(requestHandler(core));
  const baseUrl = baseUrlOf(await listen(server, options.port ?? 0, options.host ?? '127.0.0.1'));
  return standinHandle(core, server, baseUrl);
}
