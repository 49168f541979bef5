/**
 * Announcing a hackathon in a channel: the preview for the announcer, posting the parent and its thread, and
 * the automatic announcement at start-up. Slack is the memory: every announcement carries metadata naming
 * its hackathon (and, for older readers, its first recap), and `conversations.history` tells whether a
 * hackathon was already announced, across restarts and instances.
 */
import type { Logger } from '@slack/logger';
import type { WebClient } from '@slack/web-api';
import type { Hackathon } from '../content/model.js';
import type { BotContext } from '../context.js';
import type { Intent } from '../intent.js';
import type { Reply } from '../listeners/respond.js';
import { withChannelAccess } from '../slack-channel-access.js';
import { describeError } from '../slack-errors.js';
import {
  type AnnounceOutcome,
  announcementParent,
  announcementPreview,
  announcementThread,
  cannotAnnounceMessage,
  outcomeMessage,
  parseAnnounceValue,
  postingMessage,
} from '../views/announcement.js';
import { checkAnnouncer, refusalMessage } from './permissions.js';

export const ANNOUNCED_EVENT_TYPE = 'hackathon_recap_announced';

/** How far back `conversations.history` is read for earlier announcements: 5 pages of 200 messages. */
const HISTORY_PAGES = 5;
const HISTORY_PAGE_SIZE = 200;

const ANNOUNCE_ACTION = 'announce hackathons';

export interface AnnounceRequest {
  context: BotContext;
  client: WebClient;
  userId: string;
  channelId: string;
  reply: Reply;
}

/** Slack timestamps (`1750000000.000100`) in time order; as numbers they would lose the last digits. */
export function compareTs(a: string, b: string): number {
  const [aSec = '', aFrac = ''] = a.split('.');
  const [bSec = '', bFrac = ''] = b.split('.');
  return (
    aSec.length - bSec.length ||
    aSec.localeCompare(bSec) ||
    aFrac.padEnd(6, '0').localeCompare(bFrac.padEnd(6, '0'))
  );
}

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

async function postParent(client: WebClient, hackathon: Hackathon, channel: string): Promise<ParentPosted> {
  const parent = announcementParent(hackathon);
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
      logger.warn(`${what}: not posted, the channel is private and the bot is not in it`);
      return;
    case 'failed':
      logger.warn(`${what}: not posted (${outcome.error})`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// `/hackathon announce` and its buttons.

/** `/hackathon announce [#channel]`: the preview with Post / Cancel, for announcers only. */
export async function previewAnnouncement(
  intent: Extract<Intent, { kind: 'announce' }>,
  request: AnnounceRequest,
): Promise<void> {
  const { context, client, userId, reply } = request;
  const permission = await checkAnnouncer(client, context, userId);
  if (!permission.allowed) {
    await reply(refusalMessage(context.settings, permission, ANNOUNCE_ACTION));
    return;
  }
  const channel = intent.channel ?? context.settings.announceChannel ?? request.channelId;
  await reply(announcementPreview(context.library().latest, channel));
}

/** The preview's Post button: checks the clicker again, then posts and replaces the preview with the result. */
export async function confirmAnnouncement(
  value: string,
  request: Omit<AnnounceRequest, 'channelId'>,
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
  const permission = await checkAnnouncer(client, context, userId);
  if (!permission.allowed) {
    await reply(refusalMessage(context.settings, permission, ANNOUNCE_ACTION), { replaceOriginal: true });
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
  const messages: NonNullable<Awaited<ReturnType<WebClient['conversations']['history']>>['messages']> = [];
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page += 1) {
    const result = await client.conversations.history({
      channel,
      limit: HISTORY_PAGE_SIZE,
      include_all_metadata: true,
      ...(cursor ? { cursor } : {}),
    });
    messages.push(...(result.messages ?? []));
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
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
  options: { channel: string; hackathons: readonly Hackathon[]; botUserId: string; logger: Logger },
): Promise<AutoAnnounceSummary> {
  const { channel, botUserId, logger } = options;
  const summary: AutoAnnounceSummary = { announced: [], already: [], withdrawn: [], failed: [] };
  const history = await withChannelAccess(client, channel, () =>
    readAnnouncements(client, channel, botUserId),
  );
  if (history.kind !== 'ok') {
    summary.failed = options.hackathons.map((h) => h.id);
    logger.warn(
      history.kind === 'private'
        ? `Auto-announce: cannot read <#${channel}>, a private channel the bot is not in; invite it with /invite @hackathon-bot`
        : `Auto-announce: cannot read the history of <#${channel}> (${history.error}); trying again at the next start`,
    );
    return summary;
  }
  const oldestFirst = [...options.hackathons].reverse();
  for (const hackathon of oldestFirst) {
    if (firstAnnouncement(history.value, hackathon)) {
      summary.already.push(hackathon.id);
      continue;
    }
    const parent = await postParent(client, hackathon, channel);
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
