/**
 * Action ids of every interactive element the bot sends. The listeners register exactly these, and the
 * manifest test checks them, so a button can never be sent that nothing answers.
 */
export const ACTION = {
  /** "Share in channel": value is the intent text that re-renders the same view (see `intent.ts`). */
  share: 'share_in_channel',
  /** A candidate or suggestion button: value is a topic key (`recapId/topicId`). */
  pickTopic: 'pick_topic',
  /** "More topics" paging button: value is the intent text of the next page. */
  page: 'topics_page',
  /** Announcement preview buttons: value names the target channel and the recap (see `announceValue`). */
  announcePost: 'announce_post',
  announceCancel: 'announce_cancel',
} as const;

/**
 * URL buttons still send an action to the app; their ids start with this prefix and are only acknowledged.
 * Action ids must be unique within a message, hence a suffix per button (`link:video`, `link:pr:12252`).
 */
export const LINK_ACTION_PREFIX = 'link:';

/** Candidate buttons need unique ids too: `pick_topic:0`, `pick_topic:1`, … all routed to one listener. */
export function indexedAction(base: string, index: number): string {
  return `${base}:${index}`;
}
