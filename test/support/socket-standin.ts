import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { messageProblems, refusal } from '../../src/standin/block-kit.js';
import { RefusedAcknowledgementError } from '../../src/standin/requests.js';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface SendEnvelopeOptions {
  /** Slack's default: true for slash commands and view submissions, false otherwise. */
  acceptsResponsePayload?: boolean;
  retryAttempt?: number;
  retryReason?: string;
  timeoutMs?: number;
}

export interface SocketStandin {
  /** What apps.connections.open should answer. */
  readonly url: string;
  /** Connections accepted so far, dropped ones included: a reconnect shows up as a higher count. */
  readonly connectionCount: number;
  readonly openConnections: number;
  /** Resolves once a connection is open and greeted with hello (at once if one already is). */
  waitForConnection(timeoutMs?: number): Promise<void>;
  /** Sends an envelope on the newest connection and resolves with the client's ack. */
  sendEnvelope(type: EnvelopeType, payload: object, options?: SendEnvelopeOptions): Promise<SocketAck>;
  /** Slack's polite way to recycle a connection: a disconnect message, after which the client reconnects. */
  requestDisconnect(reason?: string): void;
  /** Kills every socket without a close frame, as a network failure would. */
  dropConnections(): void;
  close(): Promise<void>;
}

export interface SocketStandinOptions {
  host?: string;
  port?: number;
  /** Slack pings its clients; off by default so tests stay quiet. */
  pingIntervalMs?: number;
}

interface PendingAck {
  socket: WebSocket;
  type: EnvelopeType;
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const DEFAULT_ACK_TIMEOUT_MS = 5000;

function defaultAcceptsResponse(type: EnvelopeType, payload: object): boolean {
  if (type === 'slash_commands') return true;
  const kind = (payload as { type?: unknown }).type;
  return type === 'interactive' && (kind === 'view_submission' || kind === 'block_suggestion');
}

/** A command's ack payload is the answer Slack shows, so Slack's Block Kit rules hold for it. */
function refusedAcknowledgement(ack: SocketAck): RefusedAcknowledgementError | undefined {
  const payload = ack.payload;
  if (typeof payload !== 'object' || payload === null) return undefined;
  const problems = messageProblems(payload as { text?: unknown; blocks?: unknown });
  if (problems.length === 0) return undefined;
  const refused = refusal(problems, 'message');
  return new RefusedAcknowledgementError(refused.error, refused.response_metadata.messages);
}

export async function startSocketStandin(options: SocketStandinOptions = {}): Promise<SocketStandin> {
  const server = new WebSocketServer({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `ws://${address.address}:${address.port}/link/?ticket=standin&app_id=A0001`;

  const open: WebSocket[] = [];
  const pending = new Map<string, PendingAck>();
  const connectionWaiters = new Set<() => void>();
  let connectionCount = 0;

  const forget = (socket: WebSocket, reason: string) => {
    const index = open.indexOf(socket);
    if (index >= 0) open.splice(index, 1);
    for (const [id, ack] of pending) {
      if (ack.socket !== socket) continue;
      clearTimeout(ack.timer);
      pending.delete(id);
      ack.reject(new Error(`Socket Mode connection ${reason} before envelope ${id} was acknowledged`));
    }
  };

  server.on('connection', (socket) => {
    connectionCount += 1;
    open.push(socket);
    const pinger = options.pingIntervalMs
      ? setInterval(() => socket.ping(`standin-${Date.now()}`), options.pingIntervalMs)
      : undefined;
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      const envelopeId = (message as { envelope_id?: unknown }).envelope_id;
      const ack = typeof envelopeId === 'string' ? pending.get(envelopeId) : undefined;
      if (!ack) return;
      clearTimeout(ack.timer);
      pending.delete(envelopeId as string);
      const refused =
        ack.type === 'slash_commands' ? refusedAcknowledgement(message as SocketAck) : undefined;
      if (refused) ack.reject(refused);
      else ack.resolve(message as SocketAck);
    });
    socket.on('close', () => {
      clearInterval(pinger);
      forget(socket, 'closed');
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: open.length,
        debug_info: { host: 'applink-standin', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0001' },
      }),
    );
    for (const wake of [...connectionWaiters]) wake();
  });

  return {
    url,
    get connectionCount() {
      return connectionCount;
    },
    get openConnections() {
      return open.length;
    },
    waitForConnection(timeoutMs = DEFAULT_ACK_TIMEOUT_MS) {
      if (open.length > 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const wake = () => {
          clearTimeout(timer);
          connectionWaiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(() => {
          connectionWaiters.delete(wake);
          reject(new Error(`No Socket Mode connection within ${timeoutMs}ms (${connectionCount} so far)`));
        }, timeoutMs);
        connectionWaiters.add(wake);
      });
    },
    sendEnvelope(type, payload, sendOptions = {}) {
      const socket = open.at(-1);
      if (!socket) return Promise.reject(new Error('No open Socket Mode connection to send an envelope on'));
      const envelopeId = randomUUID();
      const envelope = {
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: sendOptions.acceptsResponsePayload ?? defaultAcceptsResponse(type, payload),
        ...(type === 'events_api'
          ? { retry_attempt: sendOptions.retryAttempt ?? 0, retry_reason: sendOptions.retryReason ?? '' }
          : {}),
      };
      const timeoutMs = sendOptions.timeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
      return new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelopeId);
          reject(new Error(`No ack for ${type} envelope ${envelopeId} within ${timeoutMs}ms`));
        }, timeoutMs);
        pending.set(envelopeId, { socket, type, resolve, reject, timer });
        socket.send(JSON.stringify(envelope));
      });
    },
    requestDisconnect(reason = 'refresh_requested') {
      for (const socket of open) {
        socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-standin' } }));
      }
    },
    dropConnections() {
      for (const socket of [...open]) {
        forget(socket, 'dropped');
        socket.terminate();
      }
    },
    async close() {
      for (const socket of [...open]) {
        forget(socket, 'closed by the stand-in');
        socket.terminate();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
