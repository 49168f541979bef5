import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StandinCore } from './core.js';
import type { Fault } from './faults.js';
import { callMethod } from './methods.js';
import type { RecordedCall } from './recording.js';
import { parseApiRequest, readBody, sendJson } from './wire.js';

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What a queued fault answers instead of the method; 'hang' holds the request open. */
function faultAnswer(fault: Fault): Answer | 'hang' {
  switch (fault.kind) {
    case 'hang':
      return 'hang';
    case 'error':
      return { status: 200, body: { ok: false, error: fault.error } };
    case 'status':
      return { status: fault.status, body: { ok: false, error: `http_${fault.status}` } };
    case 'ratelimited':
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(fault.retryAfterSeconds) },
      };
  }
}

function answerCall(core: StandinCore, res: ServerResponse, call: RecordedCall, answer: Answer): void {
  call.result = { status: answer.status, body: answer.body };
  core.calls.push(call);
  // Emitted before the answer leaves, so whoever awaits the call already sees the new state.
  core.events.emit('call', call);
  sendJson(res, answer.status, answer.body, answer.headers);
}

function hold(core: StandinCore, res: ServerResponse, call: RecordedCall): void {
  core.calls.push(call);
  core.hung.add(res);
  res.on('close', () => core.hung.delete(res));
  core.events.emit('call', call);
}

/** `POST /api/<method>`: a Web API call, recorded, answered by a queued fault or by the method. */
export async function handleApi(
  core: StandinCore,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  query: URLSearchParams,
): Promise<void> {
  const body = await readBody(req);
  let parsed: ReturnType<typeof parseApiRequest>;
  try {
    parsed = parseApiRequest(req, body, query);
  } catch {
    const call = { method, args: {}, at: core.clock() };
    return answerCall(core, res, call, { status: 200, body: { ok: false, error: 'invalid_json' } });
  }
  const call: RecordedCall = { method, args: parsed.args, at: core.clock() };
  if (parsed.token) call.token = parsed.token;

  const fault = core.faults.take(method);
  if (fault) {
    const answer = faultAnswer(fault);
    return answer === 'hang' ? hold(core, res, call) : answerCall(core, res, call, answer);
  }

  const now = core.clock();
  // Slack posts scheduled messages on its own; doing it before each call keeps every answer consistent.
  core.workspace.deliverDueScheduled(now);
  const result = callMethod(method, parsed.args, parsed.token, {
    workspace: core.workspace,
    now,
    socketUrl: core.socketUrl,
  });
  answerCall(core, res, call, { status: 200, body: result });
}
