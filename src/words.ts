/** English for counts and lists, one definition for every layer: views, reminders, services and logs. */

/** `1, 'topic'` → `1 topic`; `15, 'topic'` → `15 topics`. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** `['a', 'b', 'c']` → `a, b and c`; one word stays as it is, none is empty. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
