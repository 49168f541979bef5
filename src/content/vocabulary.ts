/**
 * The words recaps use for their structure, in one place: the labelled parts of a topic ("**Problem
 * Statement:**", "### Achievements"), the frame headings that are never topics (Conclusion, Preparation …),
 * call-out leads that are neither titles nor parts (**Note:**), the wrap-up page's metadata labels
 * (Date, Location, Organizer, Topics, Review Meeting Summary) and the marks of a fast-track topic.
 */

const EMOJI =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3|\s)+/u;
const TRAILING_EMOJI =
  /(?:\s|\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\uFE0F|\u200D|\u20E3)+$/u;

/** `🚀 Modernizing` → emoji `🚀`, rest `Modernizing`; text without a leading emoji comes back trimmed. */
export function splitEmoji(text: string): { emoji?: string; rest: string } {
  const match = EMOJI.exec(text);
  if (!match?.[0].trim()) return { rest: text.trim() };
  return { emoji: match[0].replace(/\s+/g, ''), rest: text.slice(match[0].length).trim() };
}

/** Trailing emoji (a title's `🏎️` mark), and the text before them. */
export function splitTrailingEmoji(text: string): { emoji?: string; rest: string } {
  const match = TRAILING_EMOJI.exec(text);
  if (!match?.[0].trim()) return { rest: text.trim() };
  return { emoji: match[0].replace(/\s+/g, ''), rest: text.slice(0, match.index).trim() };
}

/**
 * A label as words to compare: no emoji, no Markdown markers, no trailing colon, lower case, and
 * `/`, `&`, `+` and `and` between words all read as `&` ("Code/Pull Requests" = "Code & Pull Requests").
 */
export function labelWords(text: string): string {
  return splitEmoji(text)
    .rest.replace(/[*_`]/g, '')
    .replace(/\s*:\s*$/, '')
    .replace(/\s*(?:\/|&|\+|\band\b)\s*/gi, ' & ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Parts of one topic: a heading or a bold lead with one of these names stays inside its topic. */
const LABEL =
  /^(?:problems?(?: statements?)?|motivation(?: & benefits?)?|benefits?|context|background|goals?|objectives?|achievements?|results?|outcomes?|next steps?|code(?: & (?:pull requests?|prs?))?|pull requests?|prs?|issues?|status|team|participants|people|members|summary|challenges?|learnings?|lessons learned|links?|references?|resources?|demo|presentation|recording|video|slides|documentation|docs|details|conclusions?|tracking|tracked (?:in|by)|repo|repository|gep(?: document)?|proposal|discussion|approach|solution|description)$/;

/** Headings that frame a recap (and may hold topics) but are never a topic themselves. */
const FRAME =
  /^(?:conclusions?|summary|wrap[- ]?up|looking (?:ahead|forward)|outlook|what'?s next|next steps|(?:the )?next hackathon|introduction|intro|overview|about|thanks|thank you|acknowledge?ments?|closing(?: thoughts)?|final thoughts|(?:the )?team|participants|agenda|schedule|key achievements|highlights|results|topics|preparations?|organi[sz]ation|logistics|(?:group )?(?:pictures?|photos?|impressions)|sponsors?|funding|fast[- ]?tracks?(?: topics)?|(?:community )?takeaways?|call to action|get involved|join us|venue)$/;

/** Bold leads that open a remark, not a topic ("**Note:** …"); GitHub alert names are among them. */
const CALLOUT =
  /^(?:note|notes|tip|hint|important|warning|caution|attention|update|disclaimer|tl;?dr|fyi|ps)$/;

const FAST_TRACK_TITLE = /^fast[- ]?tracks?(?: topics)?$/;

/** Marks a topic as a fast-track item: the racing car or the words. */
export const FAST_TRACK_MARK = /fast[- ]?track|🏎/iu;

/**
 * What a page says while its topics are not written yet: "Coming soon", "TBD", "Topics will follow",
 * "(to be announced)". A heading or bold lead that says only this is a placeholder, never a topic.
 */
const PLACEHOLDER_WORDS = [
  'coming soon',
  'more (?:to come|soon)',
  'stay tuned',
  'tb[ad]',
  'to be (?:announced|confirmed|decided|defined|determined|done|written(?: up)?|added|published)',
  'work in progress',
  'wip',
  'under construction',
  'todo',
  'placeholder',
  '(?:the )?topics? (?:will )?(?:follow|come|be (?:added|announced|published|written(?: up)?))',
  '(?:not )?(?:yet )?(?:written|published)(?: up)?(?: yet)?',
];
const PLACEHOLDER = new RegExp(
  `^\\(?(?:${PLACEHOLDER_WORDS.join('|')})(?: (?:soon|later|shortly|after (?:the )?(?:hackathon|event|review(?: meeting)?)))?\\)?[\\s.!…]*$`,
);

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(labelWords(text));
}

/** A sentence about the next hackathon (kept for `/hackathon next`). */
export const NEXT_HACKATHON = /\bnext (hackathon|hack the garden|event)\b/i;

export function isLabel(text: string): boolean {
  return LABEL.test(labelWords(text));
}

export function isFrameTitle(text: string): boolean {
  return FRAME.test(labelWords(text));
}

export function isCallout(text: string): boolean {
  return CALLOUT.test(labelWords(text));
}

export function isFastTrackTitle(text: string): boolean {
  return FAST_TRACK_TITLE.test(labelWords(text));
}

/** What a wrap-up page's metadata bullet tells about its hackathon. */
export type MetadataField = 'date' | 'place' | 'organizer' | 'planning' | 'review' | 'recording' | 'other';

const METADATA: ReadonlyArray<[RegExp, MetadataField]> = [
  [/^(?:dates?|when|time|period|datum|zeitraum)$/, 'date'],
  [/^(?:location|locations|place|venue|where|address|ort)$/, 'place'],
  [/^(?:organi[sz]er|organi[sz]ers|organi[sz]ed by|hosts?|hosted by|veranstalter)$/, 'organizer'],
  [/^(?:topics?|topic (?:list|planning|board)|planning|agenda|hackmd|board)$/, 'planning'],
  [
    /^(?:review(?: meeting)?(?: summary)?|review summary|wrap[- ]?up(?: meeting)?(?: summary)?|summary)$/,
    'review',
  ],
  [/^(?:recording|wrap[- ]?up recording|video)$/, 'recording'],
  [/^(?:participants|attendees|teams?|group picture)$/, 'other'],
];

export function metadataFieldOf(label: string): MetadataField | undefined {
  const words = labelWords(label);
  return METADATA.find(([pattern]) => pattern.test(words))?.[1];
}
