/** How recaps and people count hackathons in words ("the sixth hackathon", `/hackathon topics sixth`). */

/** `first` … `twelfth`, in order. */
export const ORDINAL_WORDS: readonly string[] = [
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
];

const ORDINAL_NUMBER: ReadonlyMap<string, number> = new Map(ORDINAL_WORDS.map((word, i) => [word, i + 1]));

/** `sixth` → 6; a word that is no ordinal (or not in lower case) → undefined. */
export function ordinalOfWord(word: string): number | undefined {
  return ORDINAL_NUMBER.get(word);
}
