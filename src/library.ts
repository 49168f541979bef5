import MiniSearch, { type SearchResult } from 'minisearch';
import { groupHackathons } from './content/hackathons.js';
import type {
  ContentProblem,
  ContentSet,
  Hackathon,
  HackathonTopic,
  NextEvent,
  Recap,
  Section,
} from './content/model.js';
import { monthOfWord } from './content/months.js';
import { ordinalOfWord } from './content/ordinals.js';
import { DEFAULT_TIMEZONE } from './content/timezone.js';
import {
  type ComingHackathon,
  comingHackathon,
  dayIn,
  isWrittenUp,
  pastHackathons,
  unwrittenProblems,
} from './content/timing.js';
import { type IndexStore, type SearchOutcome, TopicIndex } from './search/index.js';
import { indexTerms, queryTerms, stripSlackMarkup } from './search/normalize.js';

export type { SearchOutcome } from './search/index.js';

/** Words every hackathon's names share: they name no hackathon in particular. */
const GENERIC_HACKATHON_WORDS: ReadonlySet<string> = new Set(
  [
    'hackathon',
    'recap',
    'gardener',
    'community',
    'event',
    'blog',
    'post',
    'edition',
    'highlight',
    'hack',
    'garden',
    'wrap',
    'up',
  ].flatMap((word) => indexTerms(word)),
);

const LATEST_WORDS: ReadonlySet<string> = new Set(['latest', 'last', 'newest', 'recent', 'current', 'this']);
const PREVIOUS_WORDS: ReadonlySet<string> = new Set(['previous', 'prev', 'before', 'earlier']);

/** What a person's words name: one hackathon, or several that fit them equally (the person must choose). */
export type HackathonLookup =
  | { kind: 'one'; hackathon: Hackathon }
  | { kind: 'several'; hackathons: Hackathon[] };

interface HackathonProfile {
  hackathon: Hackathon;
  /** `YYYY-MM` of the months it took place in. */
  months: Set<string>;
  words: Set<string>;
}

interface SectionDocument {
  key: string;
  hackathonId: string;
  title: string;
}

function profileOf(hackathon: Hackathon): HackathonProfile {
  const months = new Set([hackathon.month]);
  if (hackathon.start) months.add(hackathon.start.slice(0, 7));
  if (hackathon.end) months.add(hackathon.end.slice(0, 7));
  const text = [
    hackathon.title,
    hackathon.place,
    hackathon.organizer,
    ...hackathon.recaps.flatMap((r) => [r.id, r.event.title, r.event.subtitle]),
  ]
    .filter(Boolean)
    .join(' ');
  return { hackathon, months, words: new Set(indexTerms(text)) };
}

export interface LibraryOptions {
  /**
   * When the library is built: a hackathon whose page still has no topics weeks after it ended is then
   * among `problems`. Without it, nothing is judged by its age.
   */
  now?: Date;
  /** Where the search index is kept between starts (see `IndexStore`). */
  indexStore?: IndexStore;
}

/**
 * All hackathons, newest first by when they took place, with their merged topics; lookups by key and
 * forgiving lookups by what people type. Built once per content set.
 */
export class Library {
  /** Every hackathon, newest first: those still to come, or without topics yet, too. */
  readonly hackathons: Hackathon[];
  /** The hackathons whose topics are written up, newest first: what is news, and what `latest` picks from. */
  readonly writtenUp: Hackathon[];
  /** The zone whose calendar days say whether a hackathon is to come: the next event's, else the default. */
  readonly timezone: string;
  /** Every recap, in the order of their hackathons (newest first), a hackathon's wrap-up page first. */
  readonly recaps: Recap[];
  readonly next: NextEvent | undefined;
  readonly problems: ContentProblem[];
  private readonly topicsByKey = new Map<string, HackathonTopic>();
  private readonly hackathonsById = new Map<string, Hackathon>();
  private readonly recapsById = new Map<string, Recap>();
  private readonly hackathonByRecap = new Map<string, Hackathon>();
  private readonly profiles: HackathonProfile[];
  private readonly index: TopicIndex;
  private readonly sectionIndex: MiniSearch<SectionDocument>;

  constructor(content: ContentSet, options: LibraryOptions = {}) {
    this.hackathons = groupHackathons(content.recaps);
    this.writtenUp = this.hackathons.filter(isWrittenUp);
    this.recaps = this.hackathons.flatMap((h) => h.recaps);
    this.next = content.next;
    this.timezone = content.next?.timezone ?? DEFAULT_TIMEZONE;
    this.problems = options.now
      ? [...content.problems, ...unwrittenProblems(this.hackathons, this.today(options.now))].sort(
          (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
        )
      : content.problems;
    for (const hackathon of this.hackathons) {
      this.hackathonsById.set(hackathon.id, hackathon);
      for (const recap of hackathon.recaps) {
        this.recapsById.set(recap.id, recap);
        this.hackathonByRecap.set(recap.id, hackathon);
      }
      for (const topic of hackathon.topics) {
        this.topicsByKey.set(topic.key, topic);
        // Keys older messages carry (`recapId/topicId`), and each source's own id in this hackathon.
        for (const source of topic.sources) {
          for (const key of [`${source.recapId}/${source.topicId}`, `${hackathon.id}/${source.topicId}`]) {
            if (!this.topicsByKey.has(key)) this.topicsByKey.set(key, topic);
          }
        }
      }
    }
    this.profiles = this.hackathons.map(profileOf);
    this.index = new TopicIndex(this.hackathons, content.synonyms, options.indexStore);
    this.sectionIndex = new MiniSearch<SectionDocument>({
      fields: ['title'],
      idField: 'key',
      storeFields: ['hackathonId'],
      tokenize: indexTerms,
      processTerm: (term) => term,
      searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
    });
    this.sectionIndex.addAll(
      this.hackathons.flatMap((hackathon) =>
        hackathon.sections.map((section) => ({
          key: `${hackathon.id}/${section.id}`,
          hackathonId: hackathon.id,
          // The slug may differ from the title (a renamed section keeps its old id in links).
          title: `${section.title} ${section.id}`,
        })),
      ),
    );
  }

  /**
   * The newest hackathon whose topics are written up: the default for `topics`, the App Home and
   * announcements. A page published before its hackathon (no topics yet) is not it; only when no hackathon
   * has topics is the newest one the latest.
   */
  get latest(): Hackathon {
    const hackathon = this.writtenUp[0] ?? this.hackathons[0];
    if (!hackathon) throw new Error('The library has no hackathon: it was given no recap.');
    return hackathon;
  }

  /** The calendar day at `now` where the hackathons take place (`YYYY-MM-DD`). */
  today(now: Date): string {
    return dayIn(now, this.timezone);
  }

  /** The hackathon on at `now`, else the soonest still to come, as the archive has them. */
  coming(now: Date): ComingHackathon | undefined {
    return comingHackathon(this.hackathons, this.today(now));
  }

  /** The hackathons over by `now`, newest first. */
  past(now: Date): Hackathon[] {
    return pastHackathons(this.hackathons, this.today(now));
  }

  /** A topic by its key (`2025-06/…`), or by the key of one of its recaps' topics (`2025-06-schelklingen/…`). */
  topic(key: string): HackathonTopic | undefined {
    return this.topicsByKey.get(key);
  }

  hackathon(id: string): Hackathon | undefined {
    return this.hackathonsById.get(id);
  }

  recap(id: string): Recap | undefined {
    return this.recapsById.get(id);
  }

  /** The hackathon a recap tells of. */
  hackathonOfRecap(recapId: string): Hackathon | undefined {
    return this.hackathonByRecap.get(recapId);
  }

  hackathonOf(topic: HackathonTopic): Hackathon {
    const hackathon = this.hackathonsById.get(topic.hackathonId);
    if (!hackathon) throw new Error(`Topic ${topic.key} belongs to no hackathon of this library.`);
    return hackathon;
  }

  /** The section that holds the topic; undefined when no recap puts it under a heading. */
  sectionOf(topic: HackathonTopic): Section | undefined {
    if (topic.sectionId === undefined) return undefined;
    return this.hackathonOf(topic).sections.find((s) => s.id === topic.sectionId);
  }

  /**
   * The hackathon(s) named by what a person types: an id (`2024-12`, or a recap's file name), `june 2025`,
   * `dec 2024`, `2021`, `7th`, `sofia` (the place), `latest`, `previous`, or a word only some hackathons
   * have. Dates and ordinals must fit; words that fit no hackathon are ignored. Several fitting hackathons
   * come back as `several`, newest first: the person picks, nothing is picked silently.
   */
  findHackathon(words: string): HackathonLookup | undefined {
    const text = stripSlackMarkup(words).trim().toLowerCase();
    if (!text) return undefined;
    const exact = this.hackathonsById.get(text) ?? this.hackathonByRecap.get(text);
    if (exact) return { kind: 'one', hackathon: exact };

    let candidates = this.profiles;
    let named = false;
    const narrow = (fits: (profile: HackathonProfile) => boolean): void => {
      candidates = candidates.filter(fits);
      named = true;
    };

    let rest = text;
    const yearMonth = /\b(\d{4})[-/.](\d{1,2})\b|\b(\d{1,2})[-/.](\d{4})\b/.exec(rest);
    if (yearMonth) {
      const year = yearMonth[1] ?? yearMonth[4];
      const month = (yearMonth[2] ?? yearMonth[3] ?? '').padStart(2, '0');
      narrow((p) => p.months.has(`${year}-${month}`));
      rest = rest.replace(yearMonth[0], ' ');
    }
    const free: string[] = [];
    let pick: 'latest' | 'previous' | undefined;
    for (const token of rest.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const month = monthOfWord(token);
      const ordinal = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(token)?.[1] ?? ordinalOfWord(token);
      if (month) {
        const mm = String(month).padStart(2, '0');
        narrow((p) => [...p.months].some((m) => m.endsWith(`-${mm}`)));
      } else if (/^(19|20)\d{2}$/.test(token)) {
        narrow((p) => [...p.months].some((m) => m.startsWith(`${token}-`)));
      } else if (ordinal !== undefined) {
        narrow((p) => p.hackathon.ordinal === Number(ordinal));
      } else if (LATEST_WORDS.has(token)) {
        named = true;
        pick ??= 'latest';
      } else if (PREVIOUS_WORDS.has(token)) {
        named = true;
        pick = 'previous';
      } else {
        free.push(token);
      }
    }
    if (pick) {
      // `latest` and `previous` speak of hackathons that have topics to show, not of pages still waiting.
      const written = candidates.filter((p) => isWrittenUp(p.hackathon));
      if (written.length > 0) candidates = written;
    }
    if (pick === 'previous') {
      // The one before the newest of those that fit: `previous` alone is the second newest hackathon.
      candidates = candidates.slice(1, 2);
    }
    for (const term of queryTerms(free.join(' '))) {
      if (GENERIC_HACKATHON_WORDS.has(term)) continue;
      const fitting = candidates.filter((p) => hasWord(p.words, term));
      // Only a word that tells hackathons apart names one (`sofia` does, `gardener` does not),
      // unless there is one hackathon to tell.
      if (fitting.length > 0 && (fitting.length < candidates.length || this.hackathons.length === 1)) {
        candidates = fitting;
        named = true;
      }
    }
    if (pick === 'latest') candidates = candidates.slice(0, 1);
    if (!named || candidates.length === 0) return undefined;
    const [first] = candidates;
    if (candidates.length === 1 && first) return { kind: 'one', hackathon: first.hackathon };
    return { kind: 'several', hackathons: candidates.map((p) => p.hackathon) };
  }

  /**
   * A section named by what a person types ("observability", "security"), in the given hackathon,
   * or else in the newest hackathon that has one.
   */
  findSection(words: string, hackathon?: Hackathon): { hackathon: Hackathon; section: Section } | undefined {
    const terms = queryTerms(stripSlackMarkup(words));
    if (terms.length === 0) return undefined;
    const results = this.sectionIndex.search(
      { combineWith: 'OR', queries: terms },
      {
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => (term.length < 5 ? false : term.length < 8 ? 1 : 2),
        filter: (result) => (hackathon ? result.hackathonId === hackathon.id : true),
      },
    );
    // At least half the words must match, or "security dashboard" would pick any section with "dashboard".
    const good = results.filter((r) => r.queryTerms.length * 2 >= terms.length);
    const order = (r: SearchResult): number => this.hackathons.findIndex((h) => h.id === r.hackathonId);
    const newest = Math.min(...good.map(order));
    const best = good.find((r) => order(r) === newest);
    if (!best) return undefined;
    const found = this.hackathons[newest];
    const section = found?.sections.find((s) => `${found.id}/${s.id}` === best.id);
    return found && section ? { hackathon: found, section } : undefined;
  }

  /** The topics that answer a question typed in Slack, one card per topic; see `TopicIndex.search`. */
  search(query: string): SearchOutcome {
    return this.index.search(query);
  }
}

function hasWord(words: ReadonlySet<string>, term: string): boolean {
  if (words.has(term)) return true;
  if (term.length < 4) return false;
  for (const word of words) if (word.startsWith(term)) return true;
  return false;
}
