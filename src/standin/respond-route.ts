import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StandinCore } from './core.js';
import type { RecordedResponse } from './recording.js';
import { readBody, sendText } from './wire.js';

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

/** `POST /respond/<id>`: an answer through a response_url, recorded with what Slack made of it. */
export async function handleRespond(
  core: StandinCore,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
): Promise<void> {
  const raw = await readBody(req);
  const body = parseResponseBody(raw, req.headers['content-type']);
  const outcome = core.responseUrls.handle(id, body);
  const recorded: RecordedResponse = {
    id,
    body,
    at: core.clock(),
    status: outcome.status,
    answer: outcome.text,
    ...(outcome.problems ? { problems: outcome.problems } : {}),
  };
  core.responses.push(recorded);
  core.events.emit('response', recorded);
  sendText(res, outcome.status, outcome.text);
}
