/**
 * What the newest hackathon contributes to `next`, the Home tab, reminders and announcements: where to read
 * of it, and while no date is set, its closing sentence and what the archive shows. One place builds it.
 */
import type { Hackathon } from '../content/model.js';
import { type ArchiveFacts, archiveFacts, currentClosing } from './archive.js';
import { hackathonName } from './hackathon.js';

/** What the newest recap contributes: where to read it, and its sentence about the next hackathon. */
export interface LatestRecapRef {
  title: string;
  recapUrl?: string;
  /** The recap's "next hackathon" sentence, already mrkdwn; only while the date it names is to come. */
  closing?: string;
  /** What the archive shows (how often, the last one), said while no date is set. */
  archive?: ArchiveFacts;
}

/** Where to read of a hackathon: its blog post where it has one (title and link), else the hackathon by name. */
export function recapRef(hackathon: Hackathon): LatestRecapRef {
  const post = hackathon.recaps.find((r) => r.event.recapUrl)?.event;
  if (post?.recapUrl) return { title: post.title, recapUrl: post.recapUrl };
  return { title: hackathonName(hackathon) };
}

/** What the newest hackathon tells `next` and the Home tab: where to read of it, its closing while current, the archive. */
export function latestRef(hackathons: readonly Hackathon[], now: Date): LatestRecapRef | undefined {
  const latest = hackathons[0];
  if (!latest) return undefined;
  const ref: LatestRecapRef = { ...recapRef(latest), archive: archiveFacts(hackathons) };
  const closing = currentClosing(hackathons, now);
  if (closing) ref.closing = closing.mrkdwn;
  return ref;
}
