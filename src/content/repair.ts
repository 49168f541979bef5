import iconv from 'iconv-lite';

/**
 * Repairs UTF-8 text that was once decoded as Mac Roman (`🚀` arriving as `üöÄ`, `–` as `‚Äì`),
 * and leaves correct text alone.
 *
 * Why not re-encode the whole string: correct text mixes in freely (accented names, real dashes), and a
 * blanket round trip would break those. Instead every run of characters that Mac Roman can encode is
 * turned back into bytes, and only the byte sequences that form valid UTF-8 for characters recaps
 * plausibly hold (punctuation, symbols, emoji, Latin letters) are replaced. A lone `ü` or `é` is not a
 * valid UTF-8 sequence, so `Müller` stays `Müller`; `“ü` would decode to Cyrillic, which is refused.
 */

/** Mac Roman byte for each non-ASCII character it can encode. */
const MAC_ROMAN_BYTE: ReadonlyMap<string, number> = (() => {
  const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
  const chars = [...iconv.decode(bytes, 'macintosh')];
  const table = new Map<string, number>();
  chars.forEach((char, i) => {
    if (char !== '\uFFFD') table.set(char, 0x80 + i);
  });
  // iconv-lite's table stops short of these: byte F0 is Apple's logo (private use U+F8FF), and since
  // Mac OS 8.5 byte DB is the euro sign rather than the generic currency sign.
  table.set('\uF8FF', 0xf0);
  table.set('€', 0xdb);
  return table;
})();

function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Characters a recap plausibly holds; anything else decoded from a run is more likely correct text. */
function isPlausible(codePoint: number): boolean {
  return (
    (codePoint >= 0xa0 && codePoint <= 0x24f) || // Latin-1 and Latin Extended letters
    (codePoint >= 0x2000 && codePoint <= 0x2bff) || // punctuation, arrows, symbols, dingbats
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // emoji variation selectors
    (codePoint >= 0x1f000 && codePoint <= 0x1faff) || // emoji
    (codePoint >= 0xe0020 && codePoint <= 0xe007f) // emoji tag sequences (flags)
  );
}

function decodeSequence(bytes: readonly number[]): string | undefined {
  const [lead, ...rest] = bytes;
  if (lead === undefined || rest.some((b) => b < 0x80 || b > 0xbf)) return undefined;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes));
  const codePoint = text.codePointAt(0);
  if (codePoint === undefined || text.includes('\uFFFD') || [...text].length !== 1) return undefined;
  return isPlausible(codePoint) ? text : undefined;
}

function repairRun(run: string): string {
  const chars = [...run];
  const bytes = chars.map((c) => MAC_ROMAN_BYTE.get(c) ?? -1);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const length = sequenceLength(bytes[i] ?? -1);
    const decoded = length > 0 ? decodeSequence(bytes.slice(i, i + length)) : undefined;
    if (decoded !== undefined && i + length <= chars.length) {
      out += decoded;
      i += length;
    } else {
      out += chars[i];
      i += 1;
    }
  }
  return out;
}

export function repairMojibake(text: string): string {
  // Fast path: pure ASCII cannot hold mojibake.
  if (!/[^\p{ASCII}]/u.test(text)) return text;
  let out = '';
  let run = '';
  for (const c of text) {
    if (MAC_ROMAN_BYTE.has(c)) {
      run += c;
      continue;
    }
    if (run) out += repairRun(run);
    run = '';
    out += c;
  }
  return run ? out + repairRun(run) : out;
}
