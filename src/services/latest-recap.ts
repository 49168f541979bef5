/** The newest hackathon as reminders and announcements link it: one place that picks it from the library. */
import type { Library } from '../library.js';
import { type LatestRecapRef, recapRef } from '../views/latest-recap.js';

/** The newest hackathon with topics: a page published before its hackathon has no highlights to link. */
export function latestRecapRef(library: Library): LatestRecapRef | undefined {
  if (library.hackathons.length === 0) return undefined;
  return recapRef(library.latest);
}
