/**
 * The page's live stream (Server-Sent Events): every change pushes the whole state, coalesced per tick, with
 * a keepalive comment so proxies and browsers keep the connection open.
 */
import type { ServerResponse } from 'node:http';
import type { PlaygroundState } from './client/types.js';
import { SECURITY_HEADERS } from './http.js';

const KEEPALIVE_MS = 25_000;

export class LiveStream {
  private readonly clients = new Set<ServerResponse>();
  private pushQueued = false;
  private readonly keepalive: NodeJS.Timeout;

  constructor(private readonly state: () => PlaygroundState) {
    this.keepalive = setInterval(() => {
      for (const client of this.clients) client.write(': keepalive\n\n');
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  /** `GET /playground/events`: the current state at once, then every change. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
    });
    res.write(`retry: 1000\n\ndata: ${JSON.stringify(this.state())}\n\n`);
    this.clients.add(res);
    // Not req's 'close': on Node 20 it fires once the (empty) request body is read.
    res.on('close', () => this.clients.delete(res));
  }

  push(): void {
    if (this.pushQueued) return;
    this.pushQueued = true;
    setImmediate(() => {
      this.pushQueued = false;
      if (this.clients.size === 0) return;
      const frame = `data: ${JSON.stringify(this.state())}\n\n`;
      for (const client of this.clients) client.write(frame);
    });
  }

  close(): void {
    clearInterval(this.keepalive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
