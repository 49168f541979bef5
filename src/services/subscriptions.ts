/**
 * `/hackathon subscribe` and `unsubscribe`, and the pass over subscribed channels. A channel is subscribed
 * when the bot is a member of it (or it is ANNOUNCE_CHANNEL): membership is kept by Slack, so nothing is
 * stored here and every instance sees the same set.
 */
import type { WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';
import { planReminders } from '../reminders/plan.js';
import {
  deleteScheduledReminders,
  listScheduledReminders,
  reconcileReminders,
  reminderChannel,
} from '../reminders/reconcile.js';
import { describeError, slackErrorCode } from '../slack-errors.js';
import {
  announceChannelView,
  inviteMeView,
  subscribedView,
  subscribeFailedView,
  subscribeInChannelView,
  type UnsubscribedInput,
  unsubscribedView,
} from '../views/follow.js';
import { autoAnnounce } from './announce.js';
import { checkAnnouncer, type Permission, refusalMessage } from './permissions.js';
import type { TaskRequest } from './tasks.js';

const SUBSCRIBE_ACTION = 'subscribe or unsubscribe channels';
const MEMBERSHIP_PAGE_SIZE = 200;

/** `conversations.join` answers these for private channels, which only an invitation opens. */
const PRIVATE_CHANNEL = new Set(['method_not_supported_for_channel_type', 'channel_not_found']);

async function mayManage(request: TaskRequest): Promise<Permission> {
  if (request.context.settings.openSubscriptions) return { allowed: true };
  return checkAnnouncer(request.client, request.context, request.userId);
}

function isDirectMessage(channel: string): boolean {
  return channel.startsWith('D');
}

/** Every channel the bot is a member of, plus ANNOUNCE_CHANNEL, sorted. */
export async function subscribedChannels(client: WebClient, context: BotContext): Promise<string[]> {
  const channels = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.users.conversations({
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: MEMBERSHIP_PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const channel of page.channels ?? []) if (channel.id) channels.add(channel.id);
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  if (context.settings.announceChannel) channels.add(context.settings.announceChannel);
  return [...channels].sort();
}

/** The newest hackathon only: a subscribed channel gets each new hackathon once, not the archive. */
function newestHackathon(context: BotContext) {
  return context.library().hackathons.slice(0, 1);
}

function latestRef(context: BotContext): { title: string; recapUrl?: string } | undefined {
  const latest = context.library().recaps[0]?.event;
  return latest
    ? { title: latest.title, ...(latest.recapUrl ? { recapUrl: latest.recapUrl } : {}) }
    : undefined;
}

/** Reminders and the announcement for one subscribed channel; ANNOUNCE_CHANNEL's announcing stays AUTO_ANNOUNCE's. */
async function serveChannel(client: WebClient, context: BotContext, channel: string) {
  const event = context.library().next;
  const latest = latestRef(context);
  const reminders = event
    ? await reconcileReminders(client, {
        channel,
        event,
        now: context.clock(),
        ...(latest ? { latest } : {}),
        logger: context.logger,
      })
    : undefined;
  const announced =
    channel === context.settings.announceChannel
      ? undefined
      : await autoAnnounce(client, {
          channel,
          hackathons: newestHackathon(context),
          botUserId: context.botUserId,
          logger: context.logger,
        });
  return { reminders, announced };
}

export interface SubscriptionPassSummary {
  channels: number;
  announced: number;
  scheduled: number;
  failed: number;
}

/** Every subscribed channel but the reminder channel, which the reminder pass already covers. Never throws. */
export async function subscriptionPass(
  context: BotContext,
  client: WebClient,
): Promise<SubscriptionPassSummary> {
  const summary: SubscriptionPassSummary = { channels: 0, announced: 0, scheduled: 0, failed: 0 };
  let channels: string[];
  try {
    channels = await subscribedChannels(client, context);
  } catch (error) {
    context.logger.warn(
      `Subscriptions: could not list the bot's channels (${describeError(error)}); trying again on the next pass`,
    );
    return summary;
  }
  const skip = reminderChannel(context.settings, context.library().next);
  for (const channel of channels) {
    if (channel === skip) continue;
    summary.channels += 1;
    try {
      const { reminders, announced } = await serveChannel(client, context, channel);
      summary.scheduled += reminders?.scheduled ?? 0;
      summary.announced += announced?.announced.length ?? 0;
      summary.failed += (reminders?.failed ?? 0) + (announced?.failed.length ?? 0);
    } catch (error) {
      summary.failed += 1;
      context.logger.warn(`Subscriptions: <#${channel}> failed (${describeError(error)})`);
    }
  }
  context.logger.info(
    `Subscriptions: ${summary.channels} channel(s): announced ${summary.announced}, scheduled ${summary.scheduled}, failed ${summary.failed}`,
  );
  return summary;
}

// ---------------------------------------------------------------------------------------------------------
// The commands.

type Joined = { kind: 'joined'; already: boolean } | { kind: 'private' } | { kind: 'failed'; error: string };

async function joinChannel(client: WebClient, channel: string): Promise<Joined> {
  try {
    const joined = await client.conversations.join({ channel });
    return { kind: 'joined', already: joined.warning === 'already_in_channel' };
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !PRIVATE_CHANNEL.has(code)) return { kind: 'failed', error: describeError(error) };
  }
  // A private channel the bot is already in is subscribed; one it cannot see needs an invitation.
  try {
    const info = await client.conversations.info({ channel });
    return info.channel?.is_member ? { kind: 'joined', already: true } : { kind: 'private' };
  } catch (error) {
    return slackErrorCode(error) === 'channel_not_found'
      ? { kind: 'private' }
      : { kind: 'failed', error: describeError(error) };
  }
}

/** What subscribe and unsubscribe both ask first: is this a channel, and may this person manage it? */
async function mayManageHere(request: TaskRequest): Promise<boolean> {
  const { context, channelId, reply } = request;
  if (isDirectMessage(channelId)) {
    await reply(subscribeInChannelView());
    return false;
  }
  const permission = await mayManage(request);
  if (!permission.allowed) {
    await reply(refusalMessage(context.settings, permission, SUBSCRIBE_ACTION));
    return false;
  }
  return true;
}

export async function subscribe(_intent: unknown, request: TaskRequest): Promise<void> {
  const { context, client, channelId: channel, reply } = request;
  if (!(await mayManageHere(request))) return;
  const joined = await joinChannel(client, channel);
  if (joined.kind === 'private') {
    await reply(inviteMeView(channel));
    return;
  }
  if (joined.kind === 'failed') {
    await reply(subscribeFailedView(channel, joined.error));
    return;
  }
  const event = context.library().next;
  const latest = latestRef(context);
  if (event) {
    await reconcileReminders(client, {
      channel,
      event,
      now: context.clock(),
      ...(latest ? { latest } : {}),
      logger: context.logger,
    });
  }
  const scheduled = await listScheduledReminders(client, channel).catch(() => []);
  const keys = new Set(scheduled.map((s) => s.key));
  const reminders = event ? planReminders(event, context.clock()).due.filter((r) => keys.has(r.key)) : [];
  context.logger.info(`Subscriptions: ${request.userId} subscribed <#${channel}>`);
  await reply(subscribedView({ channel, already: joined.already, event, reminders }));
  // After the reply: the announcement is several messages, posted at Slack's pace.
  if (channel !== context.settings.announceChannel) {
    await autoAnnounce(client, {
      channel,
      hackathons: newestHackathon(context),
      botUserId: context.botUserId,
      logger: context.logger,
    });
  }
}

export async function unsubscribe(_intent: unknown, request: TaskRequest): Promise<void> {
  const { context, client, channelId: channel, reply } = request;
  if (!(await mayManageHere(request))) return;
  if (channel === context.settings.announceChannel) {
    await reply(announceChannelView(channel, 'ANNOUNCE_CHANNEL'));
    return;
  }
  if (channel === context.library().next?.channel) {
    await reply(announceChannelView(channel, '`channel:` in next-hackathon.md'));
    return;
  }
  let visible: { isMember: boolean; isPrivate: boolean };
  try {
    const info = await client.conversations.info({ channel });
    visible = { isMember: info.channel?.is_member === true, isPrivate: info.channel?.is_private === true };
  } catch (error) {
    if (slackErrorCode(error) !== 'channel_not_found') {
      await reply(subscribeFailedView(channel, describeError(error)));
      return;
    }
    visible = { isMember: false, isPrivate: true };
  }
  let counts = { deleted: 0, failed: 0 };
  try {
    const scheduled = await listScheduledReminders(client, channel);
    counts = await deleteScheduledReminders(client, scheduled, context.logger);
  } catch (error) {
    context.logger.warn(
      `Subscriptions: could not list the reminders in <#${channel}> (${describeError(error)})`,
    );
  }
  let membership: UnsubscribedInput['membership'];
  if (!visible.isMember) membership = 'not-member';
  else if (visible.isPrivate) membership = 'private';
  else {
    try {
      await client.conversations.leave({ channel });
      membership = 'left';
    } catch (error) {
      membership = { error: describeError(error) };
    }
  }
  context.logger.info(
    `Subscriptions: ${request.userId} unsubscribed <#${channel}> (${JSON.stringify(membership)})`,
  );
  await reply(unsubscribedView({ channel, removed: counts.deleted, failed: counts.failed, membership }));
}
