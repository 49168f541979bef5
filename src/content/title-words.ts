/**
 * The words of a topic title, reduced so that two recaps' spellings of one topic meet ("Replacement of
 * OpenVPN with Wireguard" and "Replace OpenVPN With `WireGuard`"), for merging topics within a hackathon and
 * for finding the same work at other hackathons.
 */

const STEM_SUFFIXES = ['ments', 'ment', 'ings', 'ing', 'ions', 'ion', 'ers', 'ed', 'es', 's', 'e'];

const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the of and or to in on at by for from with without into onto as via vs per is are be its it ' +
    'this that these those our we all new more aka'
  ).split(' '),
);

/**
 * Words every Gardener hackathon has in many titles: they say nothing about which work a title is about,
 * so two titles sharing only these are not the same topic ("Improve Shoot Support" is not "Shoot Support
 * for Azure"). Stems, as `matchStem` makes them.
 */
const GENERIC_STEMS: ReadonlySet<string> = new Set(
  [
    'gardener',
    'garden',
    'hackathon',
    'shoot',
    'shoots',
    'seed',
    'seeds',
    'cluster',
    'clusters',
    'support',
    'supported',
    'improve',
    'improvement',
    'improvements',
    'improved',
    'enhance',
    'enhanced',
    'enhancement',
    'better',
    'local',
    'setup',
    'extension',
    'extensions',
    'provider',
    'providers',
    'controller',
    'controllers',
    'make',
    'making',
    'use',
    'using',
    'add',
    'adding',
    'enable',
    'enabling',
    'allow',
    'introduce',
    'introducing',
    'introduction',
    'poc',
    'investigate',
    'investigation',
    'evaluate',
    'evaluation',
    'kubernetes',
    'k8s',
    'api',
    'apis',
    'resource',
    'resources',
    'node',
    'nodes',
    'test',
    'tests',
    'testing',
    'e2e',
    'feature',
    'features',
    'issue',
    'issues',
    'fix',
    'fixes',
    'update',
    'updates',
    'handling',
    'part',
    'based',
    'case',
    'cases',
    'multiple',
    'different',
    'first',
    'next',
    'step',
    'steps',
    'prototype',
    'concept',
    'proof',
    'gep',
    'kep',
  ].map((word) => matchStem(word)),
);

/**
 * A rough stem for matching titles, stronger than the search's plural stemmer: `replacement`/`replace`,
 * `migrating`/`migration`/`migrate` and `versions`/`version` each become one word. Only titles are compared
 * this way, and only with each other.
 */
export function matchStem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  // Twice: `replacement` → `replace` → `replac`, where `replace` gives `replac` at once.
  let stem = word;
  for (let round = 0; round < 2; round++) {
    const suffix = STEM_SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= 4);
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/** Emoji, backticks, accents and `'s` removed; lower case. */
function clean(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]s\b/gu, '')
    .toLowerCase();
}

/** The distinct stems of a title, stop words left out. */
export function titleWords(title: string): Set<string> {
  const words = new Set<string>();
  for (const [word] of clean(title).matchAll(/[a-z0-9]+/g)) {
    if (STOP_WORDS.has(word) || (word.length < 2 && !/\d/.test(word))) continue;
    words.add(matchStem(word));
  }
  return words;
}

/** The words of a title that tell it apart from other Gardener topics. */
export function distinctiveWords(words: ReadonlySet<string>): Set<string> {
  return new Set([...words].filter((word) => !GENERIC_STEMS.has(word) && !/^\d+$/.test(word)));
}

/** Enhancement proposals and the like named in a title (`GEP-28`, `gep 28` → `gep-28`). */
export function identifiers(text: string): Set<string> {
  const found = new Set<string>();
  for (const [, kind, number] of text.matchAll(/\b(GEP|KEP|RFC|ADR|CVE)[\s‑–-]?(\d{1,5})\b/gi)) {
    found.add(`${kind?.toLowerCase()}-${Number(number)}`);
  }
  return found;
}

export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared;
}

/** Shared words over all words: 1 for the same words, 0 for none in common. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = overlap(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * The anchor GitHub gives a heading (`## 🌐 IPv6 Support On IronCore` → `-ipv6-support-on-ironcore`),
 * compared without its edges: blog posts link the wrap-up's topics this way.
 */
export function headingAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The anchor of a link (`README.md#-ipv6-support-on-ironcore`), decoded and compared like `headingAnchor`. */
export function linkAnchor(url: string): string | undefined {
  const hash = url.indexOf('#');
  if (hash === -1) return undefined;
  let anchor = url.slice(hash + 1);
  try {
    anchor = decodeURIComponent(anchor);
  } catch {
    return undefined;
  }
  const clean = anchor
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_-]/gu, '')
    .replace(/^-+|-+$/g, '');
  return clean || undefined;
}
