/** Slack message timestamps: "<unix seconds>.<6-digit sequence>", unique and increasing per workspace here. */
export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const fraction = String(micros % 1_000_000).padStart(6, '0');
  return `${seconds}.${fraction}`;
}

/** Compares without Number(): 16 significant digits sit at the edge of a double's precision. */
export function compareTs(a: string, b: string): number {
  const [aSeconds = '0', aFraction = ''] = a.split('.');
  const [bSeconds = '0', bFraction = ''] = b.split('.');
  const bySeconds = Number(aSeconds) - Number(bSeconds);
  if (bySeconds !== 0) return bySeconds;
  const af = aFraction.padEnd(6, '0');
  const bf = bFraction.padEnd(6, '0');
  return af < bf ? -1 : af > bf ? 1 : 0;
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
