import type { Link, LinkKind, Video } from './model.js';

/** `104s`, `104`, `1h2m3s`, `2m`, `01:44` → seconds; undefined when it is none of those. */
export function parseTimestamp(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (/^\d+s?$/.test(v)) return Number.parseInt(v, 10);
  const hms = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(v);
  if (hms && v !== '') {
    const [, h = '0', m = '0', s = '0'] = hms;
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(v);
  if (clock) {
    const [, h = '0', m = '0', s = '0'] = clock;
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  return undefined;
}

function tryUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** A YouTube link (`youtu.be/ID?t=104s`, `youtube.com/watch?v=ID&t=1h2m3s`, `/live/ID`, `/embed/ID?start=`). */
export function parseVideo(url: string): Video | undefined {
  const u = tryUrl(url);
  if (!u) return undefined;
  const host = u.hostname.replace(/^(www\.|m\.)/, '');
  let id: string | undefined;
  if (host === 'youtu.be') id = u.pathname.slice(1).split('/')[0];
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id = u.searchParams.get('v') ?? /^\/(?:live|embed|shorts|v)\/([^/]+)/.exec(u.pathname)?.[1];
  }
  if (!id || !/^[\w-]{6,}$/.test(id)) return undefined;
  const t =
    u.searchParams.get('t') ?? u.searchParams.get('start') ?? /(?:^|&)t=([^&]+)/.exec(u.hash.slice(1))?.[1];
  return { url, id, startSeconds: t ? (parseTimestamp(t) ?? 0) : 0 };
}

const DOC_HOSTS = /(^|\.)(gardener\.cloud|readthedocs\.io|docs\.[\w.-]+|kubernetes\.io)$/;

/** Classifies a link: pull request / issue (with repo and number), document, repository, video, other. */
export function classifyLink(url: string, label: string): Link {
  const link: Link = { url, label, kind: 'other' };
  const u = tryUrl(url);
  if (!u) return link;
  if (parseVideo(url)) return { ...link, kind: 'video' };
  const host = u.hostname.replace(/^www\./, '');
  if (host === 'github.com') {
    const [owner, name, area, ...rest] = u.pathname.split('/').filter(Boolean);
    if (!owner || !name) return link;
    const repo = `${owner}/${name}`;
    const number = rest[0] && /^\d+$/.test(rest[0]) ? Number(rest[0]) : undefined;
    const kinds: Record<string, LinkKind> = { pull: 'pull-request', issues: 'issue' };
    const kind = area ? kinds[area] : undefined;
    if (kind && number !== undefined) return { ...link, kind, repo, number };
    if (area === 'blob' && /\.(md|adoc|rst|txt)$/i.test(u.pathname))
      return { ...link, kind: 'document', repo };
    if (area === 'wiki' || rest.includes('docs')) return { ...link, kind: 'document', repo };
    if (!area || area === 'tree') return { ...link, kind: 'repository', repo };
    return { ...link, repo };
  }
  if (DOC_HOSTS.test(host) || /\/docs?\//.test(u.pathname)) return { ...link, kind: 'document' };
  return link;
}
