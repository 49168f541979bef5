import { createHash } from 'node:crypto';
import MiniSearch, { type Options, type Query, type SearchOptions } from 'minisearch';
import type { Hackathon, Synonyms, HackathonTopic as Topic } from '../content/model.js';
import {
  indexTerms,
  MAX_QUERY_CHARS,
  phraseTerms,
  queryTerms,
  referenceNumbers,
  stripSlackMarkup,
} from './normalize.js';

/** What a search found, best first; `Library.search` turns it into an answer. */
export type SearchOutcome =
  /** One topic is clearly the best; `others` are the runners-up worth offering. */
  | { kind: 'topic'; topic: Topic; others: Topic[] }
  /** Several topics match about equally well, best first (at most 5). */
  | { kind: 'candidates'; topics: Topic[] }
  /** Nothing matched; the closest topics, best first (at most 5), possibly none. */
  | { kind: 'none'; suggestions: Topic[] };

export const MAX_RESULTS = 5;
/** A query term beyond this many is ignored: the cost of a search grows with its terms. */
export const MAX_QUERY_TERMS = 20;
/**
 * The best topic wins outright when it scores at least this many times the runner-up. Measured on the
 * recaps: a word in one title and mentioned in passing elsewhere (`dashboard`, `etcd`) leads by 5× or more,
 * while two topics both about a word (`azure`: one in its title, one in text and links) stay near 2×.
 */
export const CLEAR_LEAD = 2.5;
/** Runners-up of a clear winner are offered when they reach this fraction of its score. */
const RUNNER_UP_FLOOR = 0.3;
/** A synonym is evidence, but weaker than the word the person typed. */
const SYNONYM_WEIGHT = 0.8;

interface TopicDocument {
  key: string;
  title: string;
  links: string;
  section: string;
  summary: string;
  hackathon: string;
}

const FIELDS = ['title', 'links', 'section', 'summary', 'hackathon'] satisfies (keyof TopicDocument)[];
/** The title says what a topic is; links name its PRs; the hackathon's names are shared by all its topics. */
const BOOST: Record<(typeof FIELDS)[number], number> = {
  title: 4,
  links: 1.5,
  section: 1,
  summary: 1,
  hackathon: 0.2,
};

const DIGITS = /^\d+$/;

/** Typos are only plausible in longer words: `az` or `node` fuzzily match far too much. */
function fuzziness(term: string): number | false {
  if (DIGITS.test(term) || term.length < 5) return false;
  // Two edits (a swapped pair: `wiregaurd`) only for long words: a second edit costs far more to look up.
  return term.length < 9 ? 1 : 2;
}

/** Numbers must match exactly (12251 is not 12252); short words would prefix-match half the index. */
function prefixable(term: string): boolean {
  return term.length >= 4 && !DIGITS.test(term);
}

const FIRST_PASS: SearchOptions = {
  fields: FIELDS,
  boost: BOOST,
  prefix: prefixable,
  fuzzy: fuzziness,
  combineWith: 'OR',
};

/** Only after nothing matched: looser typos and shorter prefixes, to offer something close. */
const SUGGESTION_PASS: SearchOptions = {
  fields: FIELDS,
  boost: BOOST,
  prefix: (term) => term.length >= 3 && !DIGITS.test(term),
  fuzzy: (term) => (DIGITS.test(term) || term.length < 4 ? false : 0.3),
  maxFuzzy: 2,
  combineWith: 'OR',
};

/** One thing the person asked for: a term and the phrases its synonyms stand for. */
interface Concept {
  term: string;
  phrases: string[][];
}

interface Ranked {
  topic: Topic;
  score: number;
  /** How many of the query's concepts the topic matched. */
  covered: number;
}

/** Synonyms keyed and valued in search terms, so `Load-Balancers` in the file meets `load balancer` in a query. */
export function compileSynonyms(synonyms: Synonyms): Map<string, string[][]> {
  const compiled = new Map<string, string[][]>();
  for (const [word, others] of synonyms) {
    const keys = queryTerms(word);
    const key = keys[0];
    if (keys.length !== 1 || !key) continue;
    const phrases = others
      .map((other) => phraseTerms(other))
      .filter((phrase) => phrase.length > 0 && !(phrase.length === 1 && phrase[0] === key));
    const known = compiled.get(key) ?? [];
    const seen = new Set(known.map((phrase) => phrase.join(' ')));
    for (const phrase of phrases) {
      if (!seen.has(phrase.join(' '))) known.push(phrase);
      seen.add(phrase.join(' '));
    }
    if (known.length > 0) compiled.set(key, known);
  }
  return compiled;
}

function documentOf(hackathon: Hackathon, topic: Topic): TopicDocument {
  const section = hackathon.sections.find((s) => s.id === topic.sectionId);
  return {
    key: topic.key,
    title: topic.title,
    links: topic.links
      .map((link) => (link.number ? `${link.label} ${link.number}` : link.label))
      .join(' \n '),
    section: section?.title ?? '',
    summary: topic.summary.text,
    hackathon: [hackathon.title, hackathon.placeShort, ...hackathon.recaps.map((r) => r.event.title)]
      .filter(Boolean)
      .join(' \n '),
  };
}

/**
 * Where a built index is kept between starts (the parse cache's folder): indexing the archive's words is
 * most of what a start with many recaps costs, and reading the index back is a fraction of it.
 */
export interface IndexStore {
  /** The index stored for documents with this hash, as `JSON.stringify(miniSearch)` made it. */
  load(documentsHash: string): string | undefined;
  save(documentsHash: string, index: string): void;
}

const ENGINE_OPTIONS: Options<TopicDocument> = {
  fields: FIELDS,
  idField: 'key',
  tokenize: indexTerms,
  // The tokenizer already yields final terms; the query side builds its own.
  processTerm: (term) => term,
  searchOptions: { tokenize: (term) => [term], processTerm: (term) => term },
};

/** The same documents give the same index: read it back when stored, else build and store it. */
function engineFor(documents: TopicDocument[], store: IndexStore | undefined): MiniSearch<TopicDocument> {
  const hash = store ? createHash('sha256').update(JSON.stringify(documents)).digest('hex') : '';
  const stored = store?.load(hash);
  if (stored) {
    try {
      return MiniSearch.loadJSON(stored, ENGINE_OPTIONS);
    } catch {
      // Cut short or from another MiniSearch: build it again below.
    }
  }
  const engine = new MiniSearch<TopicDocument>(ENGINE_OPTIONS);
  engine.addAll(documents);
  store?.save(hash, JSON.stringify(engine));
  return engine;
}

/**
 * The topics of all hackathons, one document per merged topic, indexed once: every search after that is a
 * lookup in memory. Ties go to the newer hackathon, then to the order of its list, which is how people read them.
 */
export class TopicIndex {
  private readonly engine: MiniSearch<TopicDocument>;
  private readonly topics = new Map<string, Topic>();
  private readonly order = new Map<string, number>();
  private readonly byNumber = new Map<number, Topic[]>();
  private readonly titleTerms = new Map<string, Set<string>>();
  private readonly synonyms: Map<string, string[][]>;

  constructor(hackathons: readonly Hackathon[], synonyms: Synonyms, store?: IndexStore) {
    this.synonyms = compileSynonyms(synonyms);
    const documents: TopicDocument[] = [];
    for (const hackathon of hackathons) {
      for (const topic of hackathon.topics) {
        if (this.topics.has(topic.key)) continue;
        this.topics.set(topic.key, topic);
        this.order.set(topic.key, this.order.size);
        this.titleTerms.set(topic.key, new Set(indexTerms(topic.title)));
        documents.push(documentOf(hackathon, topic));
        for (const number of new Set(topic.links.flatMap((link) => (link.number ? [link.number] : [])))) {
          this.byNumber.set(number, [...(this.byNumber.get(number) ?? []), topic]);
        }
      }
    }
    this.engine = engineFor(documents, store);
  }

  search(query: string): SearchOutcome {
    // Markup makes a question longer than its words: keep some margin before the tokenizer's own cap.
    const text = stripSlackMarkup(query.slice(0, 4 * MAX_QUERY_CHARS));
    const terms = queryTerms(text, MAX_QUERY_TERMS);
    if (terms.length === 0) return { kind: 'none', suggestions: [] };
    const concepts = terms.map((term): Concept => ({ term, phrases: this.synonyms.get(term) ?? [] }));

    const ranked = this.rank(concepts, FIRST_PASS);
    const referenced = this.referenced(text);
    if (referenced.length > 0) {
      // A PR or issue number names its topic exactly: those topics come first, whatever else matched.
      const scoreOf = new Map(ranked.map((r) => [r.topic.key, r.score]));
      const hits = [...referenced].sort(
        (a, b) => (scoreOf.get(b.key) ?? 0) - (scoreOf.get(a.key) ?? 0) || this.tieBreak(a, b),
      );
      const rest = ranked.filter((r) => !hits.includes(r.topic)).map((r) => r.topic);
      const [first, ...more] = hits;
      if (first && more.length === 0)
        return { kind: 'topic', topic: first, others: rest.slice(0, MAX_RESULTS - 1) };
      return { kind: 'candidates', topics: [...hits, ...rest].slice(0, MAX_RESULTS) };
    }

    const [best, second] = ranked;
    if (!best) {
      const suggestions = this.rank(concepts, SUGGESTION_PASS).map((r) => r.topic);
      return { kind: 'none', suggestions: suggestions.slice(0, MAX_RESULTS) };
    }
    const enoughCovered = best.covered * 2 >= concepts.length;
    const clearLead = !second || best.score >= CLEAR_LEAD * second.score;
    if (enoughCovered && (clearLead || this.onlyTitleHit(best, ranked, concepts))) {
      const others = ranked
        .slice(1)
        .filter((r) => r.score >= RUNNER_UP_FLOOR * best.score)
        .map((r) => r.topic);
      return { kind: 'topic', topic: best.topic, others: others.slice(0, MAX_RESULTS - 1) };
    }
    // Without a clear lead, everything the best does not clearly beat is a candidate: the runner-up at least.
    const close = ranked.filter((r) => r.score * CLEAR_LEAD > best.score).map((r) => r.topic);
    if (close.length >= 2) return { kind: 'candidates', topics: close.slice(0, MAX_RESULTS) };
    // A lone, weak match (most of the words found nothing) is offered, not asserted.
    return { kind: 'none', suggestions: ranked.slice(0, MAX_RESULTS).map((r) => r.topic) };
  }

  private referenced(text: string): Topic[] {
    const hits = referenceNumbers(text.slice(0, MAX_QUERY_CHARS)).flatMap(
      (number) => this.byNumber.get(number) ?? [],
    );
    return [...new Set(hits)];
  }

  /**
   * Every word of the query (two at least: one word is too little to name a title) is in this topic's
   * title and no other's: the person typed the title, in any order.
   */
  private onlyTitleHit(best: Ranked, ranked: readonly Ranked[], concepts: readonly Concept[]): boolean {
    if (concepts.length < 2) return false;
    const inTitle = (r: Ranked): boolean => {
      const title = this.titleTerms.get(r.topic.key);
      return concepts.every(
        (c) => title?.has(c.term) || c.phrases.some((p) => p.every((t) => title?.has(t))),
      );
    };
    return inTitle(best) && ranked.filter(inTitle).length === 1;
  }

  private rank(concepts: readonly Concept[], options: SearchOptions): Ranked[] {
    const query: Query = {
      combineWith: 'OR',
      queries: concepts.flatMap((concept): Query[] => [
        concept.term,
        ...concept.phrases.map(
          (phrase): Query => ({ combineWith: 'AND', queries: phrase, boostTerm: () => SYNONYM_WEIGHT }),
        ),
      ]),
    };
    const ranked: Ranked[] = [];
    for (const result of this.engine.search(query, options)) {
      const topic = this.topics.get(String(result.id));
      if (!topic) continue;
      const matched = new Set(result.queryTerms);
      const covered = concepts.filter(
        (c) => matched.has(c.term) || c.phrases.some((p) => p.every((t) => matched.has(t))),
      ).length;
      // MiniSearch multiplies by the number of matched terms; synonyms would inflate that, so count
      // what the person asked for instead.
      const score = (result.score / Math.max(1, result.queryTerms.length)) * Math.max(1, covered);
      ranked.push({ topic, score, covered });
    }
    return ranked.sort((a, b) => b.score - a.score || this.tieBreak(a.topic, b.topic));
  }

  private tieBreak(a: Topic, b: Topic): number {
    return (this.order.get(a.key) ?? 0) - (this.order.get(b.key) ?? 0);
  }
}
