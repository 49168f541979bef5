/**
 * Slack message timestamps (`1750000000.000100`): seconds, a dot, six digits that keep messages apart
 * within a second. They are ids as much as times, so they are compared as text: as numbers they would
 * lose the last digits.
 */

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Time order; a shorter fraction counts as padded with zeros (`1.5` is `1.500000`). */
export function compareTs(a: string, b: string): number {
  const [aSeconds = '', aFraction = ''] = a.split('.');
  const [bSeconds = '', bFraction = ''] = b.split('.');
  return (
    aSeconds.length - bSeconds.length ||
    order(aSeconds, bSeconds) ||
    order(aFraction.padEnd(6, '0'), bFraction.padEnd(6, '0'))
  );
}
