import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { ContentProblem, Synonyms } from './model.js';

/**
 * Reads `synonyms.yml`: a YAML map from a word people type to the words the recaps use.
 * Content editors write this file by hand, so a mistake in it becomes a problem naming file and line
 * instead of stopping the bot: a file that is not valid YAML (or not a map) yields no synonyms at all,
 * a single bad entry is skipped and the others are kept.
 */
export function parseSynonyms(
  source: string,
  file: string,
): { synonyms: Synonyms; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line;

  const broken = document.errors[0];
  if (broken) {
    return {
      synonyms: new Map(),
      problems: [
        {
          file,
          line: lineAt(broken.pos[0]),
          message: `Synonyms not loaded, the file is not valid YAML: ${broken.message.split('\n')[0]}`,
          severity: 'error',
        },
      ],
    };
  }

  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { synonyms: new Map(), problems: [] };
  }
  if (!isMap(root)) {
    return {
      synonyms: new Map(),
      problems: [
        {
          file,
          line: lineAt(root.range?.[0]),
          message: 'Synonyms not loaded: the file must be a map of `word: [other words]`.',
          severity: 'error',
        },
      ],
    };
  }

  const synonyms = new Map<string, string[]>();
  const problems: ContentProblem[] = [];
  const skip = (offset: number | undefined, message: string): void => {
    problems.push({ file, line: lineAt(offset), message, severity: 'warning' });
  };

  for (const pair of root.items) {
    const keyNode = pair.key;
    const keyOffset = isScalar(keyNode) ? keyNode.range?.[0] : undefined;
    const key = isScalar(keyNode) ? scalarText(keyNode.value) : undefined;
    if (!key) {
      skip(keyOffset, 'Synonym entry skipped: its key must be a word.');
      continue;
    }
    if (/\s/.test(key)) {
      skip(keyOffset, `Synonym "${key}" skipped: a key is one word as people type it, without spaces.`);
      continue;
    }
    const value = pair.value;
    let words: (string | undefined)[];
    if (isSeq(value)) {
      words = value.items.map((item) => (isScalar(item) ? scalarText(item.value) : undefined));
    } else if (isScalar(value) && scalarText(value.value)) {
      // A lone word instead of a list is what an editor means; accept it rather than nag.
      words = [scalarText(value.value)];
    } else {
      skip(
        keyOffset,
        `Synonym "${key}" skipped: it needs a list of words, like \`${key}: [word, other word]\`.`,
      );
      continue;
    }
    const good = words.filter((word): word is string => word !== undefined);
    if (good.length < words.length) {
      skip(keyOffset, `Synonym "${key}": entries that are not plain words were skipped.`);
    }
    if (good.length === 0) continue;
    const normalizedKey = key.toLowerCase();
    synonyms.set(normalizedKey, [...new Set([...(synonyms.get(normalizedKey) ?? []), ...good])]);
  }
  return { synonyms, problems };
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  // YAML reads an unquoted `1.15` or `true` as a number or boolean; the editor meant the word.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
