import MiniSearch, { type SearchResult } from 'minisearch';
import type { ContentProblem, ContentSet, NextEvent, Recap, Section, Topic } from './content/model.js';
import { type IndexStore, type SearchOutcome, TopicIndex } from './search/index.js';
import { indexTerms, queryTerms, stripSlackMarkup } from './search/normalize.js';

export type { SearchOutcome } from './search/index.js';

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ].flatMap((name, i): [string, number][] => [
    [name, i + 1],
    [name.slice(0, 3), i + 1],
    // `sept` is as common as `sep`.
    ...(name === 'september' ? [['sept', 9] as [string, number]] : []),
  ]),
);

const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map(
  [
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
    'eleventh',
    'twelfth',
  ].map((word, i) => [word, i + 1]),
);

/** Words every recap title shares: they name no recap in particular. */
const GENERIC_RECAP_WORDS: ReadonlySet<string> = new Set(
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
  ].flatMap((word) => indexTerms(word)),
);

const LATEST_WORDS: ReadonlySet<string> = new Set(['latest', 'last', 'newest', 'recent', 'current', 'this']);

interface RecapProfile {
  recap: Recap;
  /** `YYYY-MM` of the file name (when the hackathon was) and of the publication date. */
  months: Set<string>;
  ordinals: Set<number>;
  words: Set<string>;
}

interface SectionDocument {
  key: string;
  recapId: string;
  title: string;
}

function profileOf(recap: Recap): RecapProfile {
  const months = new Set([recap.event.date.slice(0, 7)]);
  const fromId = /^(\d{4})-(\d{2})/.exec(recap.id);
  if (fromId) months.add(`${fromId[1]}-${fromId[2]}`);
  const text = `${recap.id} ${recap.event.title} ${recap.event.subtitle ?? ''}`;
  const ordinals = new Set<number>();
  for (const [, n] of text.toLowerCase().matchAll(/\b(\d{1,3})(?:st|nd|rd|th)\b/g)) ordinals.add(Number(n));
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const n = ORDINAL_WORDS.get(word);
    if (n) ordinals.add(n);
  }
  return { recap, months, ordinals, words: new Set(indexTerms(text)) };
}

/** All recaps, newest first, with lookups by key and forgiving lookups by what people type. */
export class Library {
  readonly recaps: Recap[];
  readonly next: NextEvent | undefined;
  readonly problems: ContentProblem[];
  private readonly topicsByKey = new Map<string, Topic>();
  private readonly recapsById = new Map<string, Recap>();
  private readonly profiles: RecapProfile[];
  private readonly index: TopicIndex;
  private readonly sectionIndex: MiniSearch<SectionDocument>;

  /** `indexStore`: where the search index is kept between starts (see `IndexStore`). */
  constructor(content: ContentSet, options: { indexStore?: IndexStore } = {}) {
    this.recaps = content.recaps;
    this.next = content.next;
    this.problems = content.problems;
    for (const recap of this.recaps) {
      this.recapsById.set(recap.id, recap);
      for (const topic of recap.topics) this.topicsByKey.set(topic.key, topic);
    }
    this.profiles = this.recaps.map(profileOf);
    this.index = new TopicIndex(this.recaps, content.synonyms, options.indexStore);
    this.sectionIndex = new MiniSearch<SectionDocument>({
      fields: ['title'],
      idField: 'key',
      storeFields: ['recapId'],
      tokenize: indexTerms,
      processTerm: (term) => term,
      searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
    });
    this.sectionIndex.addAll(
      this.recaps.flatMap((recap) =>
        recap.sections.map((section) => ({
          key: `${recap.id}/${section.id}`,
          recapId: recap.id,
          // The slug may differ from the title (a renamed section keeps its old id in links).
          title: `${section.title} ${section.id}`,
        })),
      ),
    );
  }

  /** The newest recap: the default for `topics` and the App Home. */
  get latest(): Recap {
    const recap = this.recaps[0];
    if (!recap) throw new Error('The library has no recap.');
    return recap;
  }

  topic(key: string): Topic | undefined {
    return this.topicsByKey.get(key);
  }

  recap(id: string): Recap | undefined {
    return this.recapsById.get(id);
  }

  recapOf(topic: Topic): Recap {
    const recap = this.recapsById.get(topic.recapId);
    if (!recap) throw new Error(`Topic ${topic.key} belongs to no recap of this library.`);
    return recap;
  }

  /** The heading that holds the topic; undefined when none does (a recap without headings). */
  sectionOf(topic: Topic): Section | undefined {
    const recap = this.recapOf(topic);
    return recap.sections.find((s) => s.id === topic.sectionId);
  }

  /**
   * A recap named by what a person types: its id, `june 2025`, `2024-12`, `dec 2024`, `6th`,
   * `7th hackathon`, `latest`, or a title word only one recap has. Dates and ordinals must fit;
   * words that fit no recap are ignored; several fitting recaps give the newest.
   */
  findRecap(words: string): Recap | undefined {
    const text = stripSlackMarkup(words).trim().toLowerCase();
    if (!text) return undefined;
    const exact = this.recapsById.get(text);
    if (exact) return exact;

    let candidates = this.profiles;
    let named = false;
    const narrow = (fits: (profile: RecapProfile) => boolean): void => {
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
    for (const token of rest.match(/[\p{L}\p{N}]+/gu) ?? []) {
      const month = MONTHS.get(token);
      const ordinal = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(token)?.[1] ?? ORDINAL_WORDS.get(token);
      if (month) {
        const mm = String(month).padStart(2, '0');
        narrow((p) => [...p.months].some((m) => m.endsWith(`-${mm}`)));
      } else if (/^(19|20)\d{2}$/.test(token)) {
        narrow((p) => [...p.months].some((m) => m.startsWith(`${token}-`)));
      } else if (ordinal !== undefined) {
        narrow((p) => p.ordinals.has(Number(ordinal)));
      } else if (LATEST_WORDS.has(token)) {
        named = true;
      } else if (token === 'previous') {
        named = true;
        candidates = candidates.slice(1);
      } else {
        free.push(token);
      }
    }
    for (const term of queryTerms(free.join(' '))) {
      if (GENERIC_RECAP_WORDS.has(term)) continue;
      const fitting = candidates.filter((p) => hasWord(p.words, term));
      // Only a word that tells recaps apart names one (`schelklingen` does, `gardener` does not),
      // unless there is one recap to tell.
      if (fitting.length > 0 && (fitting.length < candidates.length || this.recaps.length === 1)) {
        candidates = fitting;
        named = true;
      }
    }
    return named ? candidates[0]?.recap : undefined;
  }

  /**
   * A section named by what a person types ("observability", "security"), in the given recap,
   * or else in the newest recap that has one.
   */
  findSection(words: string, recap?: Recap): { recap: Recap; section: Section } | undefined {
    const terms = queryTerms(stripSlackMarkup(words));
    if (terms.length === 0) return undefined;
    const results = this.sectionIndex.search(
      { combineWith: 'OR', queries: terms },
      {
        prefix: (term) => term.length >= 3,
        fuzzy: (term) => (term.length < 5 ? false : term.length < 8 ? 1 : 2),
        filter: (result) => (recap ? result.recapId === recap.id : true),
      },
    );
    // At least half the words must match, or "security dashboard" would pick any section with "dashboard".
    const good = results.filter((r) => r.queryTerms.length * 2 >= terms.length);
    const order = (r: SearchResult): number => this.recaps.findIndex((x) => x.id === r.recapId);
    const newest = Math.min(...good.map(order));
    const best = good.find((r) => order(r) === newest);
    if (!best) return undefined;
    const found = this.recaps[newest];
    const section = found?.sections.find((s) => `${found.id}/${s.id}` === best.id);
    return found && section ? { recap: found, section } : undefined;
  }

  /** The topics that answer a question typed in Slack; see `TopicIndex.search` for the ranking. */
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
