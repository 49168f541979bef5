import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../records.js';

export type ApiArgs = Record<string, unknown>;

export interface ParsedApiRequest {
  args: ApiArgs;
  token?: string;
}

/**
 * Form-encoded callers (the WebClient among them) JSON-stringify nested values; only these fields are
 * decoded, since a `text` that happens to start with "[" must stay text.
 */
const NESTED_JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'metadata',
  'view',
  'unfurls',
  'user_auth_blocks',
]);

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseApiRequest(
  req: IncomingMessage,
  body: string,
  query: URLSearchParams,
): ParsedApiRequest {
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];

  if (contentType.startsWith('application/json')) {
    const parsed: unknown = body.trim() === '' ? {} : JSON.parse(body);
    const args: ApiArgs = isRecord(parsed) ? { ...parsed } : {};
    // Slack ignores a token inside a JSON body: JSON callers must use the Authorization header.
    delete args.token;
    return bearer ? { args, token: bearer } : { args };
  }

  const fields = new URLSearchParams(query);
  for (const [key, value] of new URLSearchParams(body)) fields.set(key, value);
  const args: ApiArgs = {};
  for (const [key, value] of fields) args[key] = NESTED_JSON_FIELDS.has(key) ? decodeNested(value) : value;
  const bodyToken = typeof args.token === 'string' ? args.token : undefined;
  delete args.token;
  const token = bearer ?? bodyToken;
  return token ? { args, token } : { args };
}

function decodeNested(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
