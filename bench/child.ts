export type ChildMessage =
  | { type: 'listening'; port: number; contentLoadMs: number; rss: number; cpuMs: number }
  | { type: 'rss'; rss: number };

export type ParentMessage = { type: 'rss' } | { type: 'stop' };

/** The IPC side of a benchmarked server: the parent asks for RSS between runs and stops it at the end. */
export function serve(server: { port: number; contentLoadMs: number; stop: () => Promise<unknown> }): void {
  const send = (message: ChildMessage) => process.send?.(message);
  const cpu = process.cpuUsage();
  send({
    type: 'listening',
    port: server.port,
    contentLoadMs: server.contentLoadMs,
    rss: process.memoryUsage().rss,
    // CPU time to here: on a machine others share, it moves far less than the wall clock.
    cpuMs: (cpu.user + cpu.system) / 1000,
  });
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'rss') send({ type: 'rss', rss: process.memoryUsage().rss });
    if (message.type === 'stop') {
      // process.exit (not a signal) so that --cpu-prof gets to write its profile.
      server
        .stop()
        .catch(() => undefined)
        .finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
}
