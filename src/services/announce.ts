/**
 * Announcing a hackathon in a channel: the preview for the announcer, posting the parent and its thread, and
 * the automatic announcement at start-up. Slack is the memory: every announcement carries metadata naming
 * its hackathon (and, for older readers, its first recap), and `conversations.history` tells whether a
 * hackathon was already announced, across restarts and instances.
 */
import type { Logger } from '@slack/logger';
import type { ConversationsHistoryResponse, WebClient } from '@slack/web-api';
import type { Hackathon } from '../content/model.js';
import { isWrittenUp } from '../content/timing.js';
import type { Intent } from '../intent.js';
import { PRIVATE_CHANNEL_HINT, withChannelAccess } from '../slack-channel-access.js';
import { describeError } from '../slack-errors.js';
import { collectPages } from '../slack-paging.js';
import { compareTs } from '../slack-timestamps.js';
import {
  type EarlierAnnouncement,
  unknownChannelMessage,
  withEarlierAnnouncement,
} from '../views/announce-again.js';
import {
  type AnnouncementFraming,
  type AnnounceOutcome,
  announcementParent,
  announcementPreview,
  announcementThread,
  cannotAnnounceMessage,
  nothingToAnnounceMessage,
  outcomeMessage,
  parseAnnounceValue,
  postingMessage,
} from '../views/announcement.js';
import { announcerOrRefused } from './permissions.js';
import type { TaskRequest } from './task-request.js';

export const ANNOUNCED_EVENT_TYPE = 'hackathon_recap_announced';

/** How far back `conversations.history` is read for earlier announcements: 5 pages of 200 messages. */
const HISTORY_PAGES = 5;
const HISTORY_PAGE_SIZE = 200;

const ANNOUNCE_ACTION = 'announce hackathons';

// ---------------------------------------------------------------------------------------------------------
// Posting.

/** What an announcement's metadata names: the hackathon, and its first recap for instances that read recaps. */
function announcedPayload(hackathon: Hackathon): { hackathon_id: string; recap_id?: string } {
  const recap = hackathon.recaps[0]?.id;
  return recap ? { hackathon_id: hackathon.id, recap_id: recap } : { hackathon_id: hackathon.id };
}

/** The ids an earlier announcement of this hackathon may carry: its own, or one of its recaps'. */
function announcedIds(hackathon: Hackathon): string[] {
  return [hackathon.id, ...hackathon.recaps.map((r) => r.id)];
}

function firstAnnouncement(found: ReadonlyMap<string, string[]>, hackathon: Hackathon): string | undefined {
  return announcedIds(hackathon)
    .flatMap((id) => found.get(id) ?? [])
    .sort(compareTs)[0];
}

type ParentPosted =
  | { kind: 'ok'; ts: string; joined: boolean }
  | Extract<AnnounceOutcome, { kind: 'private' | 'failed' }>;

async function postParent(
  client: WebClient,
  hackathon: Hackathon,
  channel: string,
  framing: AnnouncementFraming = 'new',
): Promise<ParentPosted> {
  const parent = announcementParent(hackathon, framing);
  const access = await withChannelAccess(client, channel, () =>
    client.chat.postMessage({
      channel,
      ...parent,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: ANNOUNCED_EVENT_TYPE, event_payload: announcedPayload(hackathon) },
    }),
  );
  if (access.kind === 'private') return { kind: 'private', channel };
  if (access.kind === 'failed') return { kind: 'failed', channel, error: access.error };
  const ts = access.value.ts;
  if (!ts) return { kind: 'failed', channel, error: 'Slack did not return the message ts' };
  return { kind: 'ok', ts, joined: access.joined };
}

/**
 * The thread replies, one at a time: Slack allows about one message a second per channel, and the WebClient
 * waits out a 429's Retry-After before trying again. A failure stops the thread, so the report can name
 * exactly which sections made it.
 */
async function postThread(
  client: WebClient,
  hackathon: Hackathon,
  channel: string,
  parent: { ts: string; joined: boolean },
): Promise<AnnounceOutcome> {
  const replies = announcementThread(hackathon);
  const posted: string[] = [];
  for (const [index, reply] of replies.entries()) {
    try {
      await client.chat.postMessage({
        channel,
        thread_ts: parent.ts,
        ...reply.message,
        unfurl_links: false,
        unfurl_media: false,
      });
      posted.push(reply.section);
    } catch (error) {
      return {
        kind: 'partial',
        channel,
        ts: parent.ts,
        posted,
        missing: replies.slice(index).map((r) => r.section),
        error: describeError(error),
      };
    }
  }
  return { kind: 'posted', channel, ts: parent.ts, replies: posted.length, joined: parent.joined };
}

export async function postAnnouncement(
  client: WebClient,
  hackathon: Hackathon,
  channel: string,
): Promise<AnnounceOutcome> {
  const parent = await postParent(client, hackathon, channel);
  if (parent.kind !== 'ok') return parent;
  return postThread(client, hackathon, channel, parent);
}

function logOutcome(logger: Logger, hackathon: Hackathon, outcome: AnnounceOutcome, by: string): void {
  const what = `Announcement of hackathon ${hackathon.id} in <#${outcome.channel}> (${by})`;
  switch (outcome.kind) {
    case 'posted':
      logger.info(`${what}: posted with ${outcome.replies} thread replies`);
      return;
    case 'partial':
      logger.warn(
        `${what}: stopped after ${outcome.posted.length} of ${outcome.posted.length + outcome.missing.length} thread replies (${outcome.error})`,
      );
      return;
    case 'private':
      logger.warn(`${what}: not posted, ${PRIVATE_CHANNEL_HINT}`);
      return;
    case 'failed':
      logger.warn(`${what}: not posted (${outcome.error})`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// `/hackathon announce` and its buttons.

/**
 * The earlier announcement of `hackathon` in `channel` (or of one of its recaps, announced before hackathons
 * were the unit), if the bot can read the channel and finds one. Not
 * being able to look is no reason to refuse the preview: Post then behaves as it always did.
 */
async function earlierAnnouncement(
  request: TaskRequest,
  hackathon: Hackathon,
  channel: string,
): Promise<EarlierAnnouncement | undefined> {
  const { client, context } = request;
  let ts: string | undefined;
  try {
    ts = firstAnnouncement(await readAnnouncements(client, channel, context.botUserId), hackathon);
  } catch (error) {
    context.logger.debug(
      `Announce: could not look for earlier announcements in <#${channel}>: ${describeError(error)}`,
    );
    return undefined;
  }
  if (!ts) return undefined;
  try {
    const { permalink } = await client.chat.getPermalink({ channel, message_ts: ts });
    return permalink ? { channel, permalink } : { channel };
  } catch (error) {
    context.logger.warn(
      `Announce: no link to the earlier announcement in <#${channel}>: ${describeError(error)}`,
    );
    return { channel };
  }
}

/** `/hackathon announce [#channel]`: the preview with Post / Cancel, for announcers only. */
export async function previewAnnouncement(
  intent: Extract<Intent, { kind: 'announce' }>,
  request: TaskRequest,
): Promise<void> {
  const { context, reply } = request;
  if (!(await announcerOrRefused(request, ANNOUNCE_ACTION))) return;
  // A channel that was named but not resolved is never swapped for another one.
  if (intent.unknownChannel !== undefined) {
    await reply(unknownChannelMessage(intent.unknownChannel));
    return;
  }
  const hackathon = context.library().latest;
  if (!isWrittenUp(hackathon)) {
    await reply(nothingToAnnounceMessage(hackathon));
    return;
  }
  const channel = intent.channel ?? context.settings.announceChannel ?? request.channelId;
  const preview = announcementPreview(hackathon, channel);
  const earlier = await earlierAnnouncement(request, hackathon, channel);
  await reply(earlier ? withEarlierAnnouncement(preview, earlier) : preview);
}

/** The preview's Post button: checks the clicker again, then posts and replaces the preview with the result. */
export async function confirmAnnouncement(
  value: string,
  request: Omit<TaskRequest, 'channelId'>,
): Promise<void> {
  const { context, client, userId, reply } = request;
  const target = parseAnnounceValue(value);
  const library = context.library();
  const hackathon = target
    ? (library.hackathon(target.hackathonId) ?? library.hackathonOfRecap(target.hackathonId))
    : undefined;
  if (!target || !hackathon) {
    await reply(
      cannotAnnounceMessage(
        'This preview is out of date: that hackathon is no longer in the content. Run `/hackathon announce` again.',
      ),
      { replaceOriginal: true },
    );
    return;
  }
  if (!(await announcerOrRefused(request, ANNOUNCE_ACTION, { replaceOriginal: true }))) return;
  if (!isWrittenUp(hackathon)) {
    await reply(nothingToAnnounceMessage(hackathon), { replaceOriginal: true });
    return;
  }
  // Replacing the preview first takes its buttons away, so a second click cannot post a second copy.
  await reply(postingMessage(target.channel), { replaceOriginal: true });
  const outcome = await postAnnouncement(client, hackathon, target.channel);
  logOutcome(context.logger, hackathon, outcome, `by ${userId}`);
  await reply(outcomeMessage(outcome), { replaceOriginal: true });
}

// ---------------------------------------------------------------------------------------------------------
// AUTO_ANNOUNCE: every hackathon announced once in ANNOUNCE_CHANNEL, remembered in Slack.

/**
 * Parent messages of earlier announcements by this bot, oldest first, by the ids they name: the hackathon's
 * id, and the recap id that announcements made before hackathons (and alongside them) carry.
 */
export function announcementsByRecap(
  messages: readonly {
    ts?: string;
    user?: string;
    metadata?: { event_type?: string; event_payload?: unknown };
  }[],
  botUserId: string,
): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const m of messages) {
    if (!m.ts || m.user !== botUserId || m.metadata?.event_type !== ANNOUNCED_EVENT_TYPE) continue;
    const payload = m.metadata.event_payload as { recap_id?: unknown; hackathon_id?: unknown } | undefined;
    for (const id of new Set([payload?.hackathon_id, payload?.recap_id])) {
      if (typeof id === 'string' && id) found.set(id, [...(found.get(id) ?? []), m.ts]);
    }
  }
  for (const list of found.values()) list.sort(compareTs);
  return found;
}

async function readAnnouncements(
  client: WebClient,
  channel: string,
  botUserId: string,
): Promise<Map<string, string[]>> {
  const messages = await collectPages(
    client,
    'conversations.history',
    { channel, limit: HISTORY_PAGE_SIZE, include_all_metadata: true },
    (page: ConversationsHistoryResponse) => page.messages,
    HISTORY_PAGES,
  );
  return announcementsByRecap(messages, botUserId);
}

/** Takes back an announcement another instance also posted: the bot's replies in its thread, then the parent. */
async function withdraw(client: WebClient, channel: string, ts: string, botUserId: string): Promise<void> {
  const thread = await client.conversations.replies({ channel, ts, limit: 200 });
  for (const m of thread.messages ?? []) {
    if (m.ts && m.ts !== ts && m.user === botUserId) await client.chat.delete({ channel, ts: m.ts });
  }
  await client.chat.delete({ channel, ts });
}

/**
 * After posting a parent: whether another instance's parent for the same hackathon has a lower ts, in which
 * case this copy is taken back (a duplicate that could not be deleted still gets no thread).
 */
async function anotherCopyCameFirst(
  client: WebClient,
  channel: string,
  hackathon: Hackathon,
  ts: string,
  options: { botUserId: string; logger: Logger },
): Promise<boolean> {
  const { botUserId, logger } = options;
  let first: string | undefined;
  try {
    first = firstAnnouncement(await readAnnouncements(client, channel, botUserId), hackathon);
  } catch (error) {
    // Better a rare second copy than no thread: the next start sees both and keeps quiet.
    logger.warn(
      `Auto-announce: could not check ${hackathon.id} for a copy by another instance (${describeError(error)})`,
    );
    return false;
  }
  if (!first || compareTs(first, ts) >= 0) return false;
  try {
    await withdraw(client, channel, ts, botUserId);
    logger.info(
      `Auto-announce: ${hackathon.id} was announced by another instance at the same time; withdrew this copy`,
    );
  } catch (error) {
    logger.warn(
      `Auto-announce: could not withdraw the second copy of ${hackathon.id} (${describeError(error)})`,
    );
  }
  return true;
}

export interface AutoAnnounceSummary {
  announced: string[];
  already: string[];
  /** Posted by this instance, then withdrawn because another one posted the same hackathon first. */
  withdrawn: string[];
  failed: string[];
}

/**
 * Announces, oldest first, every hackathon without an announcement in `channel` (one of its recaps
 * announced before counts). Two instances starting together may both post: right after its parent, each
 * re-reads the history, and the one whose parent has the higher ts withdraws it before posting a thread.
 * Both see the same order, so exactly one copy stays.
 */
export async function autoAnnounce(
  client: WebClient,
  options: {
    channel: string;
    hackathons: readonly Hackathon[];
    botUserId: string;
    logger: Logger;
    /**
     * `new` (the default): each hackathon is news. `by-history`: news only in a channel that already has an
     * announcement; a channel without one gets the hackathon as the latest, not as new.
     */
    framing?: 'new' | 'by-history';
  },
): Promise<AutoAnnounceSummary> {
  const { channel, botUserId, logger } = options;
  const summary: AutoAnnounceSummary = { announced: [], already: [], withdrawn: [], failed: [] };
  // A hackathon whose page came before its topics is not news yet: it is announced once it has topics.
  const hackathons = options.hackathons.filter(isWrittenUp);
  if (hackathons.length === 0) return summary;
  const history = await withChannelAccess(client, channel, () =>
    readAnnouncements(client, channel, botUserId),
  );
  if (history.kind !== 'ok') {
    summary.failed = hackathons.map((h) => h.id);
    logger.warn(
      history.kind === 'private'
        ? `Auto-announce: cannot read <#${channel}>, ${PRIVATE_CHANNEL_HINT}`
        : `Auto-announce: cannot read the history of <#${channel}> (${history.error}); trying again at the next start`,
    );
    return summary;
  }
  const oldestFirst = [...hackathons].reverse();
  const framing: AnnouncementFraming =
    options.framing === 'by-history' && history.value.size === 0 ? 'latest' : 'new';
  for (const hackathon of oldestFirst) {
    if (firstAnnouncement(history.value, hackathon)) {
      summary.already.push(hackathon.id);
      continue;
    }
    const parent = await postParent(client, hackathon, channel, framing);
    if (parent.kind !== 'ok') {
      summary.failed.push(hackathon.id);
      logOutcome(logger, hackathon, parent, 'auto-announce');
      continue;
    }
    if (await anotherCopyCameFirst(client, channel, hackathon, parent.ts, options)) {
      summary.withdrawn.push(hackathon.id);
      continue;
    }
    const outcome = await postThread(client, hackathon, channel, parent);
    logOutcome(logger, hackathon, outcome, 'auto-announce');
    (outcome.kind === 'posted' ? summary.announced : summary.failed).push(hackathon.id);
  }
  logger.info(
    `Auto-announce in <#${channel}>: announced ${summary.announced.length}, already announced ${summary.already.length}, withdrawn ${summary.withdrawn.length}, failed ${summary.failed.length}`,
  );
  return summary;
}
