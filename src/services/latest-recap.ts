/** The newest hackathon as reminders and announcements link it: one place that picks it from the library. */
import type { Library } from '../library.js';
import { hackathonName } from '../views/hackathon.js';
import type { LatestRecapRef } from '../views/next-event.js';

/**
 * Its blog post where it has one (title and link), else the hackathon by name. The newest hackathon with
 * topics: a page published before its hackathon has no highlights to link.
 */
export function latestRecapRef(library: Library): LatestRecapRef | undefined {
  if (library.hackathons.length === 0) return undefined;
  const latest = library.latest;
  const post = latest.recaps.find((r) => r.event.recapUrl)?.event;
  if (post?.recapUrl) return { title: post.title, recapUrl: post.recapUrl };
  return { title: hackathonName(latest) };
}
