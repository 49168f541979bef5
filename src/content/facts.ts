import { monthOfWeight, readDates } from './dates.js';
import type { RecapFacts } from './model.js';
import { ORDINAL_WORDS, ordinalOfWord } from './ordinals.js';
import { labelWords } from './vocabulary.js';

/**
 * What a recap states about its hackathon, read from each place it may say so and then combined by
 * trust: the wrap-up page's metadata bullets, the recap's own sentences ("From November 24–28, 2025, …",
 * "held in June 2025 at Schlosshof in Schelklingen"), the front matter (`title: "June 2025"`,
 * `weight: -202506`), the file name. The publication date is never one of them.
 */
export interface StatedFacts extends Omit<RecapFacts, 'monthSource'> {
  /** The wrap-up recording, where a metadata bullet links one. */
  recordingUrl?: string;
}

export interface FactsSource {
  /** Where the facts were read, for the content report: `date bullet`, `body`, `front matter`, `file name`. */
  source: string;
  facts: StatedFacts;
}

/** A paragraph as a reader sees it (links as their label), with the links it holds. */
export interface ProseBlock {
  text: string;
  links: ReadonlyArray<{ label: string; url: string }>;
  line?: number;
}

const ORDINAL = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)|\\b(${ORDINAL_WORDS.join('|')})\\b`, 'i');
const ORDINAL_OF_HACKATHON = new RegExp(
  `(?:${ORDINAL.source})\\s+(?:(?:gardener|community|annual|edition of(?: the)?)\\s+)*(?:hackathon|hack the garden)`,
  'i',
);

/** A sentence about another hackathon than the one the recap tells of. */
const OTHER_HACKATHON = /\b(?:next|upcoming|previous|last|earlier|prior|former|continued|since|before)\b/i;

const WORD = "\\p{Lu}[\\p{L}\\p{N}'’&.-]*";
const NAME = `${WORD}(?:,?\\s+(?:${WORD}|(?:am|an|im|bei|de|del|la|von)\\s+${WORD}))*`;
const VENUE = new RegExp(
  `(?:\\b(?:held|hosted|took place|takes place|taking place|gathered|met|came together|convened|happened|located|stayed)\\b[^.;!?]*?\\bat|\\b(?:visited|returned to|went to))\\s+(?:the\\s+)?(${NAME})(?:\\s+(?:in|near|nearby|close to)\\s+(${NAME}))?`,
  'u',
);
const TOWN = new RegExp(`\\b(?:hackathon|event|edition|week|garden)\\s+in\\s+(${NAME})`, 'iu');
const ORGANIZER =
  /\b(?:organi[sz]ed|hosted|sponsored)\s+by\s+(?:the\s+)?([^,.;:()[\]]+?)\s*(?=[,.;:()]|$|\s(?:and|for|in|at|with|on)\s)/i;

const MONTH_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"„“(\d])/u).filter((s) => s.trim() !== '');
}

function cleanName(name: string | undefined): string | undefined {
  const cleaned = name
    ?.replace(/\s+/g, ' ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
  if (!cleaned || MONTH_WORD.test(cleaned) || /\d{4}/.test(cleaned)) return undefined;
  return cleaned;
}

export function ordinalOf(text: string): number | undefined {
  const m = ORDINAL_OF_HACKATHON.exec(text);
  if (!m) return undefined;
  if (m[1]) return Number.parseInt(m[1], 10);
  const word = m[2]?.toLowerCase();
  return word ? ordinalOfWord(word) : undefined;
}

function linkFor(phrase: string, links: ReadonlyArray<{ label: string; url: string }>): string | undefined {
  const words = phrase.toLowerCase();
  return links.find((l) => {
    const label = l.label.toLowerCase().trim();
    return label && (words.includes(label) || label.includes(words.split(',')[0]?.trim() ?? words));
  })?.url;
}

/** `YYYY-MM-DD` of publication → the year that completes "November 24–28" (the year before for a late post). */
function yearFor(published: string | undefined, text: string): number | undefined {
  const m = published ? /^(\d{4})-(\d{2})/.exec(published) : null;
  if (!m) return undefined;
  const year = Number(m[1]);
  const stated = readDates(text, year);
  return stated && stated.month > `${m[1]}-${m[2]}` ? year - 1 : year;
}

/**
 * Facts from the recap's own words: its title (H1) and opening paragraphs. Sentences about another
 * hackathon ("the next hackathon takes place in early December 2025") are not read for dates.
 */
export function proseFacts(
  blocks: readonly ProseBlock[],
  title: { text: string; line?: number } | undefined,
  published?: string,
): StatedFacts {
  const facts: StatedFacts = {};
  let monthOnly: { month: string; line?: number } | undefined;
  const all: ProseBlock[] = [
    ...blocks,
    ...(title ? [{ text: title.text, links: [], line: title.line }] : []),
  ];
  for (const block of all) {
    for (const sentence of sentences(block.text)) {
      if (!facts.start && !OTHER_HACKATHON.test(sentence)) {
        const stated = readDates(sentence, yearFor(published, sentence));
        if (stated?.start) {
          Object.assign(facts, stated);
          facts.line ??= block.line;
        } else if (stated) monthOnly ??= { month: stated.month, line: block.line };
      }
      if (!facts.place) {
        const venue = VENUE.exec(sentence);
        const place = cleanName(venue?.[1]);
        if (place) {
          const town = cleanName(venue?.[2]);
          facts.place = town ? `${place}, ${town}` : place;
          facts.placeUrl = linkFor(place, block.links);
        }
      }
      if (!facts.organizer) {
        const name = cleanName(ORGANIZER.exec(sentence)?.[1]);
        if (name && name.length <= 60) {
          facts.organizer = name;
          facts.organizerUrl = linkFor(name, block.links);
        }
      }
      facts.ordinal ??= ordinalOf(sentence);
    }
    for (const link of block.links) {
      if (/review meeting/i.test(link.label) || /\/review-meetings\//.test(link.url))
        facts.reviewUrl ??= link.url;
    }
  }
  if (!facts.month && monthOnly) {
    facts.month = monthOnly.month;
    facts.line ??= monthOnly.line;
  }
  if (!facts.place) {
    // "… Community Hackathon in Schelklingen": the town alone, when no sentence names the venue.
    for (const block of all) {
      const town = cleanName(TOWN.exec(block.text)?.[1]);
      if (town) {
        facts.place = town;
        break;
      }
    }
  }
  return facts;
}

/** The hackathon's own archive page: `/community/hackathons/2025-11`, `gardener-community/hackathon/…/2024-05_Schelklingen`. */
const ARCHIVE_PAGE = /\/community\/hackathons\/((?:19|20)\d{2})-(0[1-9]|1[0-2])(?![\d])/;
const ARCHIVE_FOLDER =
  /github\.com\/gardener-community\/hackathon\/(?:tree|blob)\/[^/]+\/((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:_([^/#?]+))?/;

/**
 * Facts from a link to the hackathon's archive page (the recap's "full summary of all topics"), in a
 * sentence that is not about another hackathon: its month, and its town from the folder name.
 */
export function archiveLinkFacts(blocks: readonly ProseBlock[]): StatedFacts {
  for (const block of blocks) {
    for (const sentence of sentences(block.text)) {
      if (OTHER_HACKATHON.test(sentence)) continue;
      for (const link of block.links) {
        if (!link.label || !sentence.includes(link.label)) continue;
        const folder = ARCHIVE_FOLDER.exec(link.url);
        const page = folder ?? ARCHIVE_PAGE.exec(link.url);
        if (!page) continue;
        const town = folder?.[3] ? decodeURIComponent(folder[3]).replace(/[_-]+/g, ' ') : undefined;
        return { month: `${page[1]}-${page[2]}`, place: town, line: block.line };
      }
    }
  }
  return {};
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/**
 * Facts from the front matter: explicit `start`/`end`, a title that names the month (the wrap-up pages'
 * `title: "June 2025"`, "Hack The Garden November 2025: …"), the wrap-up pages' `weight: -202506`.
 */
export function frontMatterFacts(data: Record<string, unknown>): StatedFacts {
  const start = asText(data.start);
  const end = asText(data.end);
  const explicit = start ? readDates(end && end !== start ? `${start} – ${end}` : start) : undefined;
  if (explicit) return explicit;
  const title = asText(data.title);
  const fromTitle = title ? readDates(title) : undefined;
  const ordinal = title ? ordinalOf(title) : undefined;
  if (fromTitle) return { ...fromTitle, ordinal };
  const month = monthOfWeight(data.weight);
  return { ...(month ? { month } : {}), ordinal };
}

/** `2025-06-schelklingen`, `community-2023-05` → the month the file is named after. */
export function fileNameFacts(id: string): StatedFacts {
  const m = /(?:^|\D)((?:19|20)\d{2})-(0[1-9]|1[0-2])(?!\d)/.exec(id);
  return m ? { month: `${m[1]}-${m[2]}` } : {};
}

/**
 * One set of facts from several sources, most trusted first: the month comes from the first source that
 * states one; its days from the first that gives days in that month; every other fact from the first
 * source that states it.
 */
export function resolveFacts(sources: readonly FactsSource[]): RecapFacts {
  const dated = sources.find((s) => s.facts.month);
  const month = dated?.facts.month;
  const days = sources.find((s) => s.facts.start && s.facts.month === month)?.facts;
  const first = <K extends keyof StatedFacts>(key: K): StatedFacts[K] | undefined =>
    sources.find((s) => s.facts[key] !== undefined)?.facts[key];
  const withPlace = sources.find((s) => s.facts.place)?.facts;
  const withOrganizer = sources.find((s) => s.facts.organizer)?.facts;
  const facts: RecapFacts = {
    month,
    monthSource: dated?.source,
    start: days?.start,
    end: days?.end,
    place: withPlace?.place,
    placeUrl: withPlace?.placeUrl,
    organizer: withOrganizer?.organizer,
    organizerUrl: withOrganizer?.organizerUrl,
    planningUrl: first('planningUrl'),
    reviewUrl: first('reviewUrl'),
    ordinal: first('ordinal'),
    line: dated?.facts.line ?? first('line'),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as RecapFacts;
}

/** Whether a label names the kind of page a wrap-up is ("Hack The Garden 05/2023 Wrap Up"). */
export function isWrapUpTitle(text: string): boolean {
  return /\bwrap[- ]?up\b/.test(labelWords(text));
}
