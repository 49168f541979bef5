import { LRUCache } from 'lru-cache';
import type { Hackathon, HackathonTopic } from './content/model.js';
import { intentText, type ReadIntent } from './intent.js';
import type { Library } from './library.js';
import { candidatesView, hackathonChoiceView } from './views/candidates.js';
import { topicPlace } from './views/hackathon.js';
import { helpView } from './views/help.js';
import { latestRef } from './views/latest-recap.js';
import type { SlackMessage } from './views/message.js';
import { nextEventView } from './views/next-event.js';
import { type NotFoundOptions, notFoundView } from './views/not-found.js';
import { hackathonsView } from './views/overview.js';
import { withShareButton } from './views/share.js';
import { topicView } from './views/topic.js';
import { topicsView } from './views/topics.js';

/** A reply to a read-only request, and the intent text that renders it again (for Share and paging). */
export interface Reply {
  message: SlackMessage;
  intent: string;
  /**
   * For the asker alone, so it gets no Share button: help, "Which one do you mean?" and "nothing matches"
   * show the channel nothing worth seeing. Topic cards, lists and `next` are shared.
   */
  private?: boolean;
}

export interface AnswerContext {
  library: Library;
  now: Date;
}

type TopicsIntent = Extract<ReadIntent, { kind: 'topics' }>;

function describeTopic(library: Library, topic: HackathonTopic): string {
  return topicPlace(library.hackathonOf(topic), topic);
}

function topicReply(library: Library, topic: HackathonTopic, back?: string): Reply {
  const hackathon = library.hackathonOf(topic);
  const message = topicView(topic, hackathon, library.sectionOf(topic), back ? { back } : {});
  return { message, intent: intentText({ kind: 'topic', key: topic.key }) };
}

function searchReply(library: Library, query: string, notFound: NotFoundOptions = {}): Reply {
  const outcome = library.search(query);
  const intent = intentText({ kind: 'search', query });
  const describe = (t: HackathonTopic) => describeTopic(library, t);
  switch (outcome.kind) {
    case 'topic':
      return topicReply(library, outcome.topic);
    case 'candidates':
      return { message: candidatesView(query, outcome.topics, describe), intent, private: true };
    case 'none':
      return {
        message: notFoundView(query, outcome.suggestions, { describe, ...notFound }),
        intent,
        private: true,
      };
  }
}

function hackathonTopics(
  library: Library,
  hackathon: Hackathon,
  intent: TopicsIntent,
  today: string,
): SlackMessage {
  return topicsView(hackathon, {
    page: intent.page,
    pageValue: (page) => intentText({ ...intent, page }),
    otherHackathons: library.hackathons.slice(0, 9),
    today,
  });
}

function topicsReply(library: Library, intent: TopicsIntent, today: string): Reply {
  const text = intentText(intent);
  const pageValue = (page: number) => intentText({ ...intent, page });
  const topicsOf = (hackathon: Hackathon) => intentText({ kind: 'topics', filter: hackathon.id, page: 1 });
  if (!intent.filter) {
    const message =
      library.hackathons.length > 1
        ? hackathonsView(library.hackathons, topicsOf, { page: intent.page, pageValue, today })
        : topicsView(library.latest, { page: intent.page, pageValue, today });
    return { message, intent: text };
  }
  const found = library.findHackathon(intent.filter);
  if (found?.kind === 'one')
    return { message: hackathonTopics(library, found.hackathon, intent, today), intent: text };
  if (found?.kind === 'several') {
    // "Which one do you mean?" is for the asker alone, like the topic candidates.
    return {
      message: hackathonChoiceView(intent.filter, found.hackathons, topicsOf, today),
      intent: text,
      private: true,
    };
  }
  const section = library.findSection(intent.filter);
  if (section) {
    const message = topicsView(section.hackathon, {
      section: section.section,
      page: intent.page,
      pageValue,
      today,
    });
    return { message, intent: text };
  }
  // "topics wireguard": not a section or a hackathon, so the person is looking for a topic; when nothing
  // matches either, they most likely named a hackathon that is not here, so the answer names those there are.
  const reply = searchReply(library, intent.filter, { hackathons: library.hackathons });
  // The hint about hackathons belongs to `topics …`, so that is what renders this answer again.
  return reply.private ? { ...reply, intent: text } : reply;
}

/** Picks the view for a read-only intent. Pure: the same library, time and intent give the same reply. */
export function answer(intent: ReadIntent, { library, now }: AnswerContext): Reply {
  switch (intent.kind) {
    case 'help':
      return { message: helpView(), intent: 'help', private: true };
    case 'next':
      return {
        message: nextEventView(library.next, now, latestRef(library.past(now), now), library.coming(now)),
        intent: 'next',
      };
    case 'topic': {
      const topic = library.topic(intent.key);
      return topic
        ? topicReply(library, topic, intent.back)
        : searchReply(library, (intent.key.split('/').pop() ?? '').replace(/-/g, ' '));
    }
    case 'search':
      return searchReply(library, intent.query);
    case 'topics':
      return topicsReply(library, intent, library.today(now));
  }
}

/** The private reply to a command: the answer with its Share button. What `/hackathon` and `preview` send. */
export function privateAnswer(intent: ReadIntent, context: AnswerContext): SlackMessage {
  const reply = answer(intent, context);
  return reply.private ? reply.message : withShareButton(reply.message, reply.intent);
}

export type CommandReply = Readonly<SlackMessage & { response_type: 'ephemeral' }>;

/** Keys come from what people type, so the memo is bounded; the answer asked for least recently goes first. */
const MEMO_SIZE = 500;
const memos = new WeakMap<Library, LRUCache<string, CommandReply>>();

/**
 * The acknowledgement of `/hackathon <text>`. Answers are pure functions of the library, the intent and the
 * day (`next` also of the time, so it is always rendered), so a repeated question gets the very same frozen
 * object: no render, and the receiver serialises it once. The key is the day and the intent text, which
 * parses back to the same intent, so `Wireguard ` and `wireguard` share an answer; a hackathon that was
 * coming up yesterday may be on today, so a new day starts over, and so does a new library.
 */
export function commandReply(intent: ReadIntent, context: AnswerContext): CommandReply {
  const render = (): CommandReply =>
    Object.freeze({ response_type: 'ephemeral' as const, ...privateAnswer(intent, context) });
  if (intent.kind === 'next') return render();
  let memo = memos.get(context.library);
  if (!memo) {
    memo = new LRUCache<string, CommandReply>({ max: MEMO_SIZE });
    memos.set(context.library, memo);
  }
  const text = intentText(intent);
  const key =
    context.library.writtenUp.length < context.library.hackathons.length
      ? `${context.library.today(context.now)} ${text}`
      : text;
  const known = memo.get(key);
  if (known) return known;
  const reply = render();
  memo.set(key, reply);
  return reply;
}
