/**
 * The page's only link to the playground server. Every call resolves to a value (never rejects), so the page
 * can always show an inline notice instead of breaking.
 */
import { isRecord } from '../../records.js';
import type {
  ActionRequest,
  ChannelKind,
  PageResult,
  PersonRequest,
  PlaygroundChannel,
  PlaygroundMessage,
  PlaygroundPerson,
  PlaygroundScheduled,
  PlaygroundState,
  SendRequest,
} from './types.js';

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parseChannel(value: unknown): PlaygroundChannel | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') return null;
  const kind: ChannelKind = value.kind === 'private' || value.kind === 'im' ? value.kind : 'public';
  return { id: value.id, name: value.name, kind };
}

function parseMessage(value: unknown): PlaygroundMessage | null {
  if (!isRecord(value) || typeof value.ts !== 'string' || typeof value.channel !== 'string') return null;
  const message: PlaygroundMessage = {
    id: typeof value.id === 'string' ? value.id : `${value.channel}:${value.ts}`,
    ts: value.ts,
    channel: value.channel,
    isBot: value.isBot === true,
    text: typeof value.text === 'string' ? value.text : '',
  };
  const user = optionalString(value.user);
  const userName = optionalString(value.userName);
  const threadTs = optionalString(value.threadTs);
  if (user !== undefined) message.user = user;
  if (userName !== undefined) message.userName = userName;
  if (threadTs !== undefined) message.threadTs = threadTs;
  if (Array.isArray(value.blocks)) message.blocks = value.blocks;
  if (value.ephemeral === true) message.ephemeral = true;
  if (typeof value.replyCount === 'number') message.replyCount = value.replyCount;
  return message;
}

function parseScheduled(value: unknown): PlaygroundScheduled | null {
  if (!isRecord(value) || typeof value.channel !== 'string' || typeof value.postAt !== 'number') return null;
  return {
    id: typeof value.id === 'string' ? value.id : `${value.channel}:${value.postAt}`,
    channel: value.channel,
    postAt: value.postAt,
    text: typeof value.text === 'string' ? value.text : '',
  };
}

function parsePerson(value: unknown): PlaygroundPerson | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null;
  return {
    id: value.id,
    name: typeof value.name === 'string' ? value.name : value.id,
    announcer: value.announcer === true,
  };
}

function parseList<T>(value: unknown, parse: (item: unknown) => T | null): T[] {
  if (!Array.isArray(value)) return [];
  return value.map(parse).filter((item): item is T => item !== null);
}

/** Validates a state document from the server; entries that don't fit are dropped rather than crashing the page. */
export function parseState(value: unknown): PlaygroundState | null {
  if (!isRecord(value) || !isRecord(value.me) || typeof value.me.id !== 'string') return null;
  const home =
    isRecord(value.home) && Array.isArray(value.home.blocks) ? { blocks: value.home.blocks } : null;
  const state: PlaygroundState = {
    channels: parseList(value.channels, parseChannel),
    messages: parseList(value.messages, parseMessage),
    home,
    scheduled: parseList(value.scheduled, parseScheduled),
    me: { id: value.me.id, name: typeof value.me.name === 'string' ? value.me.name : value.me.id },
    people: parseList(value.people, parsePerson),
  };
  const workspaceUrl = optionalString(value.workspaceUrl);
  if (workspaceUrl !== undefined) state.workspaceUrl = workspaceUrl;
  return state;
}

/** Accepts the contract's `{ ok, error }` and turns anything else (HTML error page, 502, …) into an error result. */
export function parseResult(status: number, body: string): PageResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  if (isRecord(json) && json.ok === true) return { ok: true };
  if (isRecord(json) && typeof json.error === 'string') return { ok: false, error: json.error };
  if (status >= 200 && status < 300 && json === undefined && body.trim() === '') return { ok: true };
  return { ok: false, error: `Server answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}` };
}

export interface PlaygroundApi {
  getState(): Promise<PlaygroundState | { error: string }>;
  send(request: SendRequest): Promise<PageResult>;
  action(request: ActionRequest): Promise<PageResult>;
  openHome(): Promise<PageResult>;
  /** Act, and see, as another person of the workspace. */
  actAs(request: PersonRequest): Promise<PageResult>;
  /** Calls `onState` for every pushed state; `onConnection` reports drops and recoveries. Returns a closer. */
  subscribe(
    onState: (state: PlaygroundState) => void,
    onConnection: (connected: boolean) => void,
  ): () => void;
}

const UNREACHABLE = 'Cannot reach the playground server. Is `npm start` still running?';

export function createApi(base = ''): PlaygroundApi {
  async function post(path: string, body: unknown): Promise<PageResult> {
    try {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return parseResult(response.status, await response.text());
    } catch {
      return { ok: false, error: UNREACHABLE };
    }
  }

  return {
    async getState() {
      try {
        const response = await fetch(`${base}/playground/state`, { headers: { accept: 'application/json' } });
        if (!response.ok) return { error: `Loading the playground failed (${response.status})` };
        return parseState(await response.json()) ?? { error: 'The server sent a state the page cannot read' };
      } catch {
        return { error: UNREACHABLE };
      }
    },
    send: (request) => post('/playground/send', request),
    action: (request) => post('/playground/action', request),
    openHome: () => post('/playground/home', {}),
    actAs: (request) => post('/playground/person', request),
    subscribe(onState, onConnection) {
      const source = new EventSource(`${base}/playground/events`);
      source.onopen = () => onConnection(true);
      // EventSource reconnects by itself; the page only needs to say so meanwhile.
      source.onerror = () => onConnection(false);
      source.onmessage = (event: MessageEvent<string>) => {
        let data: unknown;
        try {
          data = JSON.parse(event.data);
        } catch {
          return;
        }
        const state = parseState(data);
        if (state) onState(state);
      };
      return () => source.close();
    },
  };
}
