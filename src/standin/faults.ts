export type Fault =
  | { kind: 'error'; error: string; times?: number }
  | { kind: 'ratelimited'; retryAfterSeconds: number; times?: number }
  | { kind: 'status'; status: number; times?: number }
  | { kind: 'hang'; times?: number };

interface QueuedFault {
  fault: Fault;
  remaining: number;
}

/** Faults queued per method ('*' for any), consumed in the order they were queued. */
export class FaultQueue {
  private readonly queues = new Map<string, QueuedFault[]>();

  add(method: string, fault: Fault): void {
    const queue = this.queues.get(method) ?? [];
    queue.push({ fault, remaining: fault.times ?? 1 });
    this.queues.set(method, queue);
  }

  clear(): void {
    this.queues.clear();
  }

  /** A fault aimed at this exact method wins over a '*' one. */
  take(method: string): Fault | undefined {
    return this.takeFrom(method) ?? this.takeFrom('*');
  }

  private takeFrom(key: string): Fault | undefined {
    const queue = this.queues.get(key);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.fault;
  }
}
