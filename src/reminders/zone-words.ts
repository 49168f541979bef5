/**
 * A time zone in words a person reads, and back: `America/Mexico_City` is "Mexico City", written into the
 * text of a scheduled message so a later listing can tell which zone the person asked in. Underscores are
 * Slack formatting (`America/Port_of_Spain` would turn "of" italic) and dots make links, so neither is ever
 * written; spaces take the underscores' place.
 */
import { IANAZone } from 'luxon';

/** `America/Argentina/Buenos_Aires` → `Buenos Aires`. */
function placeOf(zone: string): string {
  return (zone.split('/').pop() ?? zone).replaceAll('_', ' ');
}

let places: Map<string, string> | undefined;

/** Place name → zone, for the zones whose place name is theirs alone in this runtime's zone list. */
function zonesByPlace(): Map<string, string> {
  if (places) return places;
  const seen = new Map<string, string | null>();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    if (!zone.includes('/')) continue;
    const place = placeOf(zone);
    seen.set(place, seen.has(place) ? null : zone);
  }
  places = new Map([...seen].filter((entry): entry is [string, string] => entry[1] !== null));
  return places;
}

/**
 * The words for `zone`: its place name ("Mexico City") when that names it alone, else the whole name
 * with spaces for underscores ("Asia/Kolkata", "America/Indiana/Tell City", "UTC").
 */
export function zoneWords(zone: string): string {
  const place = placeOf(zone);
  if (zone.includes('/') && zonesByPlace().get(place) === zone) return place;
  return zone.replaceAll('_', ' ');
}

const validity = new Map<string, boolean>();

/** Checking a zone builds an `Intl.DateTimeFormat`; a pass reads the same few zones thousands of times. */
function isValidZone(zone: string): boolean {
  let valid = validity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    // Only names that look like zones are remembered, so odd text cannot grow the map without bound.
    if (valid || validity.size < 1000) validity.set(zone, valid);
  }
  return valid;
}

/** The zone `zoneWords` wrote; undefined for words that name no zone. */
export function zoneFromWords(words: string): string | undefined {
  const trimmed = words.trim();
  if (!trimmed) return undefined;
  const zone = trimmed.includes('/')
    ? trimmed.replaceAll(' ', '_')
    : (zonesByPlace().get(trimmed) ?? trimmed.replaceAll(' ', '_'));
  return isValidZone(zone) ? zone : undefined;
}
