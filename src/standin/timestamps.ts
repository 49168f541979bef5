/** Slack message timestamps: "<unix seconds>.<6-digit sequence>", unique and increasing per workspace here. */
export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${seconds}.${fraction}`;
}

export function unixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Hands out ts values that never repeat, even when a fake clock stands still. */
export class TsSequence {
  private lastMicros = 0;

  next(at: Date): string {
    this.lastMicros = Math.max(at.getTime() * 1000, this.lastMicros + 1);
    return formatTs(this.lastMicros);
  }
}
