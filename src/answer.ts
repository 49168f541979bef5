import type { Recap, Topic } from './content/model.js';
import { intentText, type ReadIntent } from './intent.js';
import type { Library } from './library.js';
import { candidatesView } from './views/candidates.js';
import { helpView } from './views/help.js';
import type { SlackMessage } from './views/message.js';
import { nextEventView } from './views/next-event.js';
import { type NotFoundOptions, notFoundView } from './views/not-found.js';
import { recapsOverviewView } from './views/overview.js';
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

function describeTopic(library: Library, topic: Topic): string {
  const recap = library.recapOf(topic);
  const section = library.sectionOf(topic);
  return library.recaps.length > 1 ? `${section.title} · ${recap.event.date.slice(0, 7)}` : section.title;
}

function topicReply(library: Library, topic: Topic): Reply {
  const message = topicView(topic, library.recapOf(topic), library.sectionOf(topic));
  return { message, intent: intentText({ kind: 'topic', key: topic.key }) };
}

function searchReply(library: Library, query: string, notFound: NotFoundOptions = {}): Reply {
  const outcome = library.search(query);
  const intent = intentText({ kind: 'search', query });
  switch (outcome.kind) {
    case 'topic':
      return topicReply(library, outcome.topic);
    case 'candidates':
      return {
        message: candidatesView(query, outcome.topics, (t) => describeTopic(library, t)),
        intent,
        private: true,
      };
    case 'none':
      return { message: notFoundView(query, outcome.suggestions, notFound), intent, private: true };
  }
}

/** Picks the view for a read-only intent. Pure: the same library, time and intent give the same reply. */
export function answer(intent: ReadIntent, { library, now }: AnswerContext): Reply {
  switch (intent.kind) {
    case 'help':
      return { message: helpView(), intent: 'help', private: true };
    case 'next': {
      const latest = library.latest;
      const message = nextEventView(library.next, now, {
        title: latest.event.title,
        recapUrl: latest.event.recapUrl,
        closing: latest.nextHackathon?.mrkdwn,
      });
      return { message, intent: 'next' };
    }
    case 'topic': {
      const topic = library.topic(intent.key);
      return topic ? topicReply(library, topic) : searchReply(library, intent.key.split('/').pop() ?? '');
    }
    case 'search':
      return searchReply(library, intent.query);
    case 'topics': {
      const pageValue = (page: number) => intentText({ ...intent, page });
      const others = (recapId: string) => library.recaps.filter((r) => r.id !== recapId);
      if (!intent.filter && library.recaps.length > 1) {
        const recapIntent = (recap: Recap) => intentText({ kind: 'topics', filter: recap.id, page: 1 });
        return { message: recapsOverviewView(library.recaps, recapIntent), intent: intentText(intent) };
      }
      if (!intent.filter) {
        const message = topicsView(library.latest, { page: intent.page, pageValue });
        return { message, intent: intentText(intent) };
      }
      const recap = library.findRecap(intent.filter);
      if (recap) {
        const message = topicsView(recap, { page: intent.page, pageValue, otherRecaps: others(recap.id) });
        return { message, intent: intentText(intent) };
      }
      const found = library.findSection(intent.filter);
      if (found) {
        const message = topicsView(found.recap, { section: found.section, page: intent.page, pageValue });
        return { message, intent: intentText(intent) };
      }
      // "topics wireguard": not a section or an event, so the person is looking for a topic; when nothing
      // matches either, they most likely named a recap that is not here, so the answer names those there are.
      const reply = searchReply(library, intent.filter, { recaps: library.recaps });
      // The hint about recaps belongs to `topics …`, so that is what renders this answer again.
      return reply.private ? { ...reply, intent: intentText(intent) } : reply;
    }
  }
}

/** The private reply to a command: the answer with its Share button. What `/hackathon` and `preview` send. */
export function privateAnswer(intent: ReadIntent, context: AnswerContext): SlackMessage {
  const reply = answer(intent, context);
  return reply.private ? reply.message : withShareButton(reply.message, reply.intent);
}

export type CommandReply = Readonly<SlackMessage & { response_type: 'ephemeral' }>;

/** Keys come from what people type, so the memo is bounded; the oldest answer goes first. */
const MEMO_SIZE = 500;
const memos = new WeakMap<Library, Map<string, CommandReply>>();

/**
 * The acknowledgement of `/hackathon <text>`. Answers are pure functions of the library and the intent
 * (`next` also of the clock, so it is always rendered), so a repeated question gets the very same frozen
 * object: no render, and the receiver serialises it once. The key is the intent text, which parses back to
 * the same intent, so `Wireguard ` and `wireguard` share an answer; a new library starts a new memo.
 */
export function commandReply(intent: ReadIntent, context: AnswerContext): CommandReply {
  const render = (): CommandReply =>
    Object.freeze({ response_type: 'ephemeral' as const, ...privateAnswer(intent, context) });
  if (intent.kind === 'next') return render();
  let memo = memos.get(context.library);
  if (!memo) {
    memo = new Map();
    memos.set(context.library, memo);
  }
  const key = intentText(intent);
  const known = memo.get(key);
  if (known) return known;
  const reply = render();
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, reply);
  return reply;
}
