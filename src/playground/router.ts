/** The page server's routes: the page and its files, the state and its live stream, and what the page does. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@slack/logger';
import type { PageAssets } from './assets.js';
import type { SlackBridge } from './bridge.js';
import type { PageResult } from './client/types.js';
import { BodyError, LOCAL_HOST, readJsonBody, send, sendJson, sendPlain } from './http.js';
import type { LiveStream } from './live.js';

export interface RouterDeps {
  bridge: SlackBridge;
  live: LiveStream;
  assets: PageAssets;
  /** Runs on every page load: a reload is the moment a person expects their content edits to show. */
  onPageLoad(): Promise<void>;
  logger: Logger;
}

type PostRoute = (body: unknown) => Promise<PageResult>;

function postRoutes({ bridge, live }: RouterDeps): Record<string, PostRoute> {
  return {
    '/playground/send': (body) => bridge.send(body),
    '/playground/action': (body) => bridge.action(body),
    '/playground/home': () => bridge.openHome(),
    '/playground/person': async (body) => {
      const result = bridge.actAs(body);
      // Who is looking changes what the page shows, though nothing in the workspace changed.
      if (result.ok) live.push();
      return result;
    },
  };
}

async function handlePost(req: IncomingMessage, res: ServerResponse, route: PostRoute): Promise<void> {
  if (req.method !== 'POST') return sendPlain(res, 405, 'Use POST');
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
  const result = await route(body);
  sendJson(res, result.ok ? 200 : 400, result);
}

async function handleGet(deps: RouterDeps, path: string, res: ServerResponse): Promise<void> {
  switch (path) {
    case '/':
    case '/index.html':
      await deps.onPageLoad();
      return send(res, 200, 'text/html; charset=utf-8', deps.assets.page);
    case '/playground/style.css':
      return send(res, 200, 'text/css; charset=utf-8', deps.assets.style);
    case '/playground/main.js':
      return send(res, 200, 'text/javascript; charset=utf-8', await deps.assets.script());
    case '/playground/state':
      return sendJson(res, 200, deps.bridge.state());
    case '/playground/events':
      return deps.live.attach(res);
    default:
      return sendPlain(res, 404, 'Not found');
  }
}

export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const posts = postRoutes(deps);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!LOCAL_HOST.test(req.headers.host ?? '')) {
      return sendPlain(res, 403, 'Open the playground at http://localhost');
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const post = posts[path];
    if (post) return handlePost(req, res, post);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 404, 'Not found');
    return handleGet(deps, path, res);
  };
  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      deps.logger.error(`Playground: ${req.method} ${req.url} failed: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'The playground server failed' });
      else res.end();
    });
  };
}
