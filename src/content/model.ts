/**
 * The content model: every type that describes a recap, its topics and the next hackathon lives here,
 * so that loaders, search, views and listeners agree on one vocabulary.
 */

/** Text kept twice: plain for search and fallbacks, Slack mrkdwn (links as `<url|label>`) for display. */
export interface RichText {
  text: string;
  mrkdwn: string;
}

export type LinkKind = 'pull-request' | 'issue' | 'document' | 'repository' | 'video' | 'other';

export interface Link {
  url: string;
  /** The words the recap linked, repaired and trimmed. */
  label: string;
  kind: LinkKind;
  /** `owner/name` for GitHub links. */
  repo?: string;
  /** The pull request or issue number. */
  number?: number;
}

export interface Video {
  /** The link as written in the recap (keeps its timestamp). */
  url: string;
  /** YouTube video id. */
  id: string;
  /** Where the presentation starts, in seconds (0 when the link has no timestamp). */
  startSeconds: number;
}

export interface Author {
  name: string;
  login?: string;
  avatar?: string;
}

export interface RecapEvent {
  /** Title as published, repaired. */
  title: string;
  /**
   * Publication date, `YYYY-MM-DD`. A wrap-up page, which has none, gives the hackathon's last day; a
   * recap that states no date at all has '' (the loader warns), never the epoch.
   */
  date: string;
  subtitle?: string;
  authors: Author[];
  /** The published blog post, where the front matter tells it. */
  recapUrl?: string;
  /** The wrap-up recording (a video without timestamp), where the recap links one. */
  recordingUrl?: string;
  /** The full summary of all topics (usually the hackathon repository's README). */
  summaryUrl?: string;
}

export interface Section {
  /** Slug of the title, unique within the recap. */
  id: string;
  /** Title without its leading emoji. */
  title: string;
  emoji?: string;
  intro?: RichText;
  /** Ids of the section's topics, in recap order. */
  topicIds: string[];
}

/** What a topic says, in one recap or merged from several: the part a card shows. */
export interface TopicContent {
  /** Title without its leading emoji. */
  title: string;
  emoji?: string;
  /** Id of the section (heading) that holds the topic; absent when no heading does. */
  sectionId?: string;
  summary: RichText;
  video?: Video;
  /** Every link of the topic except its video, once each, in source order. */
  links: Link[];
  fastTrack: boolean;
}

/** A topic as one recap tells it. */
export interface Topic extends TopicContent {
  /** Slug of the title, unique within its recap and stable across loads. */
  id: string;
  /** `recapId/topicId`: unique across all recaps. */
  key: string;
  recapId: string;
  /** Line in the source file where the topic starts (1-based). */
  line: number;
}

/** A blog post tells the story; a wrap-up page (the community's page per hackathon) has a part per topic. */
export type RecapKind = 'blog-post' | 'wrap-up';

/**
 * What one recap states about its hackathon (the event), wherever it states it: the wrap-up page's
 * metadata bullets (Date, Location, Organizer, Topics, Review Meeting Summary), a body sentence
 * ("From November 24–28, 2025, …"), front matter (`title: "June 2025"`, `weight: -202506`) or the file
 * name. Every field is optional: recaps state different things. Never the publication date.
 */
export interface RecapFacts {
  /** `YYYY-MM` of the hackathon; absent when the recap does not say (the loader then warns). */
  month?: string;
  /**
   * Where `month` was read, for the content report: `date bullet`, `body`, `archive link` (a link to the
   * hackathon's archive page), `front matter`, `file name`.
   */
  monthSource?: string;
  /** First and last day, `YYYY-MM-DD`, where the recap gives days. */
  start?: string;
  end?: string;
  /** "Schlosshof Freizeitheim, Schelklingen", as written (without Markdown). */
  place?: string;
  placeUrl?: string;
  organizer?: string;
  organizerUrl?: string;
  /** The topic planning page (the wrap-up page's "Topics:" bullet, usually HackMD). */
  planningUrl?: string;
  /** The review meeting summary. */
  reviewUrl?: string;
  /** The hackathon's own name where the recap gives one ("Hack The Garden Walldorf Edition" in an H1). */
  name?: string;
  /** "6th" in "the 6th Gardener Community Hackathon". */
  ordinal?: number;
  /** Line (1-based) where the facts were read, for problems and the report. */
  line?: number;
}

export interface Recap {
  /** File name without `.md`: `2025-06-schelklingen`. */
  id: string;
  /** Path of the source file, relative to the content folder. */
  file: string;
  kind: RecapKind;
  /** What the recap says about the hackathon it tells of. */
  facts: RecapFacts;
  event: RecapEvent;
  intro?: RichText;
  sections: Section[];
  topics: Topic[];
  /** The closing sentence(s) about the next hackathon, where the recap has one. */
  nextHackathon?: RichText;
}

/**
 * One recap's telling of a hackathon topic: where the parts of a merged card came from, named on the card
 * ("blog post · wrap-up page") and in the content report.
 */
export interface TopicSource {
  recapId: string;
  /** The topic's id in that recap: `recapId/topicId` is the key that older Slack messages carry. */
  topicId: string;
  kind: RecapKind;
  file: string;
  /** Line (1-based) where the topic starts in that file. */
  line: number;
  /** Where people read that recap, where known. */
  url?: string;
}

/** A topic of another hackathon that carries this one on ("Also at May 2026: …"). */
export interface TopicRef {
  key: string;
  hackathonId: string;
  /** The other hackathon as people name it: "May 2026". */
  hackathonLabel: string;
  title: string;
}

/**
 * A topic of a hackathon: one card, merged from every recap that tells of it. The wrap-up page gives the
 * summary with its labelled parts, the blog post the presentation video at its second; links are the union.
 */
export interface HackathonTopic extends TopicContent {
  /** Slug of the title, unique within its hackathon. */
  id: string;
  /** `hackathonId/topicId` (`2025-06/replacement-of-openvpn-with-wireguard`): what buttons carry. */
  key: string;
  hackathonId: string;
  /** The recaps that tell of it; the first is the one whose summary the card shows. */
  sources: TopicSource[];
  /** The same work at other hackathons, newest first. */
  alsoAt: TopicRef[];
}

/** The hackathon's own pages, from whichever recap names them. */
export interface HackathonLinks {
  /** The topic planning page (usually HackMD). */
  planningUrl?: string;
  /** The review meeting summary. */
  reviewUrl?: string;
  /** The wrap-up recording (the video without a timestamp). */
  recordingUrl?: string;
  /** The full summary of all topics (the hackathon repository's README). */
  summaryUrl?: string;
}

/**
 * The event: one hackathon, however many recaps tell of it. What people ask about; its recaps are where
 * the facts came from.
 */
export interface Hackathon {
  /** `YYYY-MM` of when it took place (a second one in the same month gets `-2`). */
  id: string;
  /** `YYYY-MM`. */
  month: string;
  /** "June 2025". */
  monthLabel: string;
  /** The hackathon's own name where a recap gives one ("Hack The Garden Walldorf Edition"), else `monthLabel`. */
  title: string;
  /** First and last day, `YYYY-MM-DD`, where a recap gives days. */
  start?: string;
  end?: string;
  /** "Schlosshof Freizeitheim, Schelklingen", as written. */
  place?: string;
  placeUrl?: string;
  /** The short form for lists: "Schelklingen". */
  placeShort?: string;
  organizer?: string;
  organizerUrl?: string;
  /** 7 for "the 7th Gardener Community Hackathon". */
  ordinal?: number;
  links: HackathonLinks;
  /** Its recaps, as people name them: blog posts, then wrap-up pages. */
  recaps: Recap[];
  /** Sections of the recap that has headings for its topics; `topicIds` are this hackathon's topic ids. */
  sections: Section[];
  topics: HackathonTopic[];
  /** The closing sentence(s) about the next hackathon, from the recap that has one. */
  nextHackathon?: RichText;
  /** When it was placed by a recap's publication date because no recap states its month. */
  placedByPublication?: boolean;
}

/** A file that could not be read, or a part of one that was skipped; `line` is 1-based. */
export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
  /** `error`: the file was not loaded; `warning`: it loaded, but something in it was skipped. */
  severity: 'error' | 'warning';
}

/** The next hackathon, from `content/next-hackathon.md`. */
export interface NextEvent {
  file: string;
  title: string;
  /** First day, `YYYY-MM-DD`; absent while no date is announced. */
  start?: string;
  /** Last day, `YYYY-MM-DD`; equals `start` for a one-day event. */
  end?: string;
  /** IANA time zone of the venue: dates and reminders are computed there. */
  timezone: string;
  location?: string;
  signup?: string;
  /** Channel ID that overrides `ANNOUNCE_CHANNEL` for this event. */
  channel?: string;
  /** Days before `start` at which to remind (0 = the morning of the first day), largest first. */
  reminderDays: number[];
  /** Local time of day for reminders, `HH:MM`. */
  remindAt: string;
  /** What the organisers already know when there is no date yet ("early December 2025"). */
  when?: string;
  details?: RichText;
}

/** Search synonyms: a word a person types → the words the recaps use. */
export type Synonyms = ReadonlyMap<string, readonly string[]>;

export interface ContentSet {
  /** Newest first (by event date, then file name). */
  recaps: Recap[];
  next?: NextEvent;
  synonyms: Synonyms;
  problems: ContentProblem[];
}
