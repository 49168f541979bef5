// STUB (API contract) — to be implemented: all recaps, lookup and search.
import type { ContentProblem, ContentSet, NextEvent, Recap, Section, Topic } from './content/model.js';

export type SearchOutcome =
  /** One topic is clearly the best; `others` are the runners-up worth offering. */
  | { kind: 'topic'; topic: Topic; others: Topic[] }
  /** Several topics match about equally well, best first (at most 5). */
  | { kind: 'candidates'; topics: Topic[] }
  /** Nothing matched; the closest topics, best first (at most 5), possibly none. */
  | { kind: 'none'; suggestions: Topic[] };

export class Library {
  readonly recaps: Recap[];
  readonly next: NextEvent | undefined;
  readonly problems: ContentProblem[];

  constructor(content: ContentSet) {
    this.recaps = content.recaps;
    this.next = content.next;
    this.problems = content.problems;
  }

  /** The newest recap: the default for `topics` and the App Home. */
  get latest(): Recap {
    const recap = this.recaps[0];
    if (!recap) throw new Error('The library has no recap.');
    return recap;
  }

  topic(key: string): Topic | undefined {
    throw new Error(`not implemented ${key}`);
  }
  recap(id: string): Recap | undefined {
    return this.recaps.find((r) => r.id === id);
  }
  recapOf(topic: Topic): Recap {
    throw new Error(`not implemented ${topic.key}`);
  }
  sectionOf(topic: Topic): Section {
    throw new Error(`not implemented ${topic.key}`);
  }
  /** A recap named by what a person types: `june 2025`, `2024-12`, `6th`, a title word. */
  findRecap(words: string): Recap | undefined {
    throw new Error(`not implemented ${words}`);
  }
  /** A section named by what a person types, in the given recap or any. */
  findSection(words: string, recap?: Recap): { recap: Recap; section: Section } | undefined {
    throw new Error(`not implemented ${words} ${recap?.id}`);
  }
  search(query: string): SearchOutcome {
    throw new Error(`not implemented ${query}`);
  }
}
