/** Starting and stopping a node HTTP server as the stand-in and the playground page both need it. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Resolves with the address bound once the server listens; rejects with the bind error (EADDRINUSE…). */
export async function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server.address() as AddressInfo;
}

/** Stops now: keep-alive connections are cut rather than waited for, which would hold `close` open. */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
