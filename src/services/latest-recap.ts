/** The newest hackathon as reminders and announcements link it: one place that picks it from the library. */
import type { Library } from '../library.js';
import { hackathonName } from '../views/hackathon.js';
import type { LatestRecapRef } from '../views/next-event.js';

/** Its blog post where it has one (title and link), else the hackathon by name. */
export function latestRecapRef(library: Library): LatestRecapRef | undefined {
  const latest = library.hackathons[0];
  if (!latest) return undefined;
  const post = latest.recaps.find((r) => r.event.recapUrl)?.event;
  if (post?.recapUrl) return { title: post.title, recapUrl: post.recapUrl };
  return { title: hackathonName(latest) };
}
