/**
 * Message permalinks in Slack's shape: `https://<workspace>.slack.com/archives/<channel>/p<ts without the dot>`,
 * with `?thread_ts=…&cid=…` for a reply in a thread. Imports nothing, so the playground page can read them too.
 */

/** The workspace's address, as auth.test reports it (with the trailing slash). */
export function workspaceUrl(teamDomain: string): string {
  return `https://${teamDomain}.slack.com/`;
}

export interface PermalinkTarget {
  channel: string;
  ts: string;
  /** The thread's parent, for a reply. */
  threadTs?: string;
}

export function permalink(workspace: string, target: PermalinkTarget): string {
  const base = `${workspace}archives/${target.channel}/p${target.ts.replace('.', '')}`;
  if (target.threadTs === undefined || target.threadTs === target.ts) return base;
  return `${base}?thread_ts=${target.threadTs}&cid=${target.channel}`;
}

const PATH = /^archives\/([A-Z0-9_]+)\/p(\d+)(\d{6})(?:\?(.*))?$/;

/** The message a permalink into `workspace` points at; undefined for any other address. */
export function parsePermalink(workspace: string, url: string): PermalinkTarget | undefined {
  if (!url.startsWith(workspace)) return undefined;
  const match = PATH.exec(url.slice(workspace.length));
  if (!match) return undefined;
  const [, channel = '', seconds = '', micros = '', query] = match;
  const target: PermalinkTarget = { channel, ts: `${seconds}.${micros}` };
  const threadTs = query ? new URLSearchParams(query).get('thread_ts') : null;
  if (threadTs && /^\d+\.\d+$/.test(threadTs)) target.threadTs = threadTs;
  return target;
}
