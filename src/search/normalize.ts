/**
 * Turns recap text and people's queries into the same search terms, so that both sides of a match
 * agree on case, punctuation, emoji, plurals and compound spellings (`GEP-32`, `gep 32`, `gep32`).
 */

/** Words that carry no meaning in a question ("what about the dashboard?") and would only add noise. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of and or but nor to in on at by for from with without into onto as via vs ' +
    'how what which who whom whose where when why is are was were be been being am do does did done ' +
    'has have had i me my mine we us our you your it its this that these those there here ' +
    'can could would should will shall may might must any some all about tell show find give ' +
    'please pls thanks thank hi hello hey topic topics anything something'
  ).split(' '),
);

/** Terms longer than this are pasted noise (hashes, base64): they only make fuzzy matching slow. */
export const MAX_TERM_LENGTH = 40;

export interface Term {
  text: string;
  /**
   * False for the spellings added from a compound (`gep32` from `GEP-32`, `egress` from `EgressCIDRs`):
   * a phrase must match the words as written, while a single word may match any spelling.
   */
  written: boolean;
}

/**
 * A light English plural stemmer (Harman's S-stemmer): wireguards→wireguard, policies→policy.
 * Stronger stemmers merge unrelated technical words (`cluster`/`clustering`); fuzzy and prefix matching
 * cover the remaining variants.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^\p{L}+$/u.test(word)) return word;
  if (word.endsWith('ies') && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && /[aeo]es$/.test(word)) return word;
  if (word.endsWith('s') && !/[us]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * Slack's markup reduced to the words a person meant: mentions and channel/broadcast references go,
 * a labelled link keeps its label, a bare GitHub pull request or issue link keeps its number.
 */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const bar = inner.indexOf('|');
      const target = bar === -1 ? inner : inner.slice(0, bar);
      const label = bar === -1 ? '' : inner.slice(bar + 1);
      if (/^[@#!]/.test(target)) return ' ';
      if (label) return ` ${label} `;
      const reference = /\/(?:pull|issues)\/(\d+)/.exec(target);
      return reference ? ` #${reference[1]} ` : ' ';
    })
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? ' ');
}

/** Letters and digits, with `-`, `_` and `.` inside a word keeping it one compound (`kube-apiserver`, `v1.15`). */
const CHUNK = /[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*/gu;
const LETTERS = /^\p{L}+$/u;
const DIGITS = /^\p{N}+$/u;

function clean(text: string): string {
  return (
    text
      .normalize('NFKD')
      // Accents and emoji variation selectors are marks: `café` matches `cafe`.
      .replace(/\p{M}/gu, '')
      // `Gardener's` is about Gardener; without this the tokenizer would keep a stray `s`.
      .replace(/['’]s\b/gu, '')
  );
}

function keep(word: string): string | undefined {
  if (word.length > MAX_TERM_LENGTH) return undefined;
  if (word.length < 2 && !DIGITS.test(word)) return undefined;
  if (STOP_WORDS.has(word)) return undefined;
  return stem(word);
}

/** `EgressCIDRs` → `Egress`, `CIDRs`; `OpenVPN` → `Open`, `VPN`; `IPv6` stays whole. */
function camelParts(word: string): string[] {
  return word
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}{2,})(\p{Lu}\p{Ll}{2,})/gu, '$1 $2')
    .split(' ');
}

/**
 * Every term of a text, in order. Besides the written words, a compound adds its joined spelling
 * (`load-balancing` → `loadbalancing`), a camel-case word its parts, and a word followed by a number
 * the two joined (`GEP 32` → `gep32`), so that any of these spellings in a query meets the others.
 */
export function* terms(text: string): Generator<Term> {
  let previous: string | undefined;
  for (const [chunk] of clean(text).matchAll(CHUNK)) {
    const words = chunk.split(/[-_.]/).filter(Boolean);
    let pair: string | undefined;
    for (const raw of words) {
      const lower = raw.toLowerCase();
      const word = keep(lower);
      if (word) yield { text: word, written: true };
      const parts = camelParts(raw);
      if (parts.length > 1) {
        for (const part of parts) {
          const extra = keep(part.toLowerCase());
          if (extra && extra !== word) yield { text: extra, written: false };
        }
      }
      if (previous && LETTERS.test(previous) && DIGITS.test(lower)) {
        pair = keep(previous + lower);
        if (pair) yield { text: pair, written: false };
      }
      previous = lower;
    }
    if (words.length > 1) {
      const joined = keep(words.join('').toLowerCase());
      // `GEP-32` already yielded `gep32` as a word-number pair.
      if (joined && joined !== pair) yield { text: joined, written: false };
    }
  }
}

/** The terms of a text as MiniSearch indexes them. */
export function indexTerms(text: string): string[] {
  return Array.from(terms(text), (term) => term.text);
}

/** A question is never longer than this; a longer paste is read only this far. */
export const MAX_QUERY_CHARS = 1000;

/** A query's distinct terms, at most `limit` of them: a 4,000-character paste must not cost more. */
export function queryTerms(text: string, limit = 20): string[] {
  const distinct = new Set<string>();
  for (const term of terms(text.slice(0, MAX_QUERY_CHARS))) {
    distinct.add(term.text);
    if (distinct.size === limit) break;
  }
  return [...distinct];
}

/** The words of a phrase as written (`load-balancing` → `load`, `balancing`), for matching all of them. */
export function phraseTerms(text: string): string[] {
  return [
    ...new Set(
      Array.from(terms(text))
        .filter((term) => term.written)
        .map((term) => term.text),
    ),
  ];
}

/**
 * Numbers a person means as a pull request or issue (`#12252`, `12252`): short bare numbers
 * (`top 5`, `2.0`) are too common in prose to be taken as references.
 */
export function referenceNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const [, hash, digits] of clean(text).matchAll(
    /(?<![\p{L}\p{N}.])(#?)(\d{1,9})(?![\p{L}\p{N}]|\.\d)/gu,
  )) {
    if (digits && (hash || digits.length >= 3)) numbers.add(Number(digits));
  }
  return [...numbers];
}
