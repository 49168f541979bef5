/** The newest recap as reminders and announcements link it: one place that picks it from the library. */
import type { Library } from '../library.js';
import type { LatestRecapRef } from '../views/next-event.js';

export function latestRecapRef(library: Library): LatestRecapRef | undefined {
  const latest = library.recaps[0]?.event;
  return latest
    ? { title: latest.title, ...(latest.recapUrl ? { recapUrl: latest.recapUrl } : {}) }
    : undefined;
}
