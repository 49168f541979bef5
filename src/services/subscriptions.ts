/**
 * `/hackathon subscribe` and `unsubscribe`, and the pass over subscribed channels. A channel is subscribed
 * when the bot is a member of it (or it is ANNOUNCE_CHANNEL): membership is kept by Slack, so nothing is
 * stored here and every instance sees the same set.
 */
import type { UsersConversationsResponse, WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';
import { planReminders } from '../reminders/plan.js';
import { reminderChannel } from '../reminders/reconcile.js';
import { joinRefusedPrivate } from '../slack-channel-access.js';
import { describeError, slackErrorCode } from '../slack-errors.js';
import { collectPages } from '../slack-paging.js';
import {
  announceChannelView,
  inviteMeView,
  subscribedView,
  subscribeFailedView,
  subscribeInChannelView,
  type UnsubscribedInput,
  unsubscribedView,
} from '../views/subscriptions.js';
import { autoAnnounce } from './announce.js';
import { reconcileChannelReminders } from './channel-reminders.js';
import { announcerOrRefused } from './permissions.js';
import { deleteScheduledReminders, listScheduledReminders } from './scheduled-reminders.js';
import type { TaskRequest } from './task-request.js';

const SUBSCRIBE_ACTION = 'subscribe or unsubscribe channels';
const MEMBERSHIP_PAGE_SIZE = 200;

function isDirectMessage(channel: string): boolean {
  return channel.startsWith('D');
}

/** Every channel the bot is a member of, plus ANNOUNCE_CHANNEL, sorted. */
export async function subscribedChannels(client: WebClient, context: BotContext): Promise<string[]> {
  const member = await collectPages(
    client,
    'users.conversations',
    { types: 'public_channel,private_channel', exclude_archived: true, limit: MEMBERSHIP_PAGE_SIZE },
    (page: UsersConversationsResponse) => page.channels,
  );
  const channels = new Set(member.flatMap((channel) => (channel.id ? [channel.id] : [])));
  if (context.settings.announceChannel) channels.add(context.settings.announceChannel);
  return [...channels].sort();
}

/**
 * The newest hackathon with topics only: a subscribed channel gets each new hackathon once, not the archive,
 * and not a page published before its topics are written.
 */
function newestHackathon(context: BotContext) {
  return context.library().writtenUp.slice(0, 1);
}

/**
 * The newest hackathon in a subscribed channel, unless it is there already. A channel that has had earlier
 * announcements gets it as news; a channel new to the bot gets it as the latest hackathon, which is what it is.
 */
function announceNewest(client: WebClient, context: BotContext, channel: string) {
  return autoAnnounce(client, {
    channel,
    hackathons: newestHackathon(context),
    botUserId: context.botUserId,
    logger: context.logger,
    framing: 'by-history',
  });
}

/** Reminders and the announcement for one subscribed channel; ANNOUNCE_CHANNEL's announcing stays AUTO_ANNOUNCE's. */
async function serveChannel(client: WebClient, context: BotContext, channel: string) {
  const event = context.library().next;
  const reminders = event ? await reconcileChannelReminders(client, context, channel, event) : undefined;
  const announced =
    channel === context.settings.announceChannel ? undefined : await announceNewest(client, context, channel);
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
    if (!joinRefusedPrivate(slackErrorCode(error))) return { kind: 'failed', error: describeError(error) };
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
  return context.settings.openSubscriptions || announcerOrRefused(request, SUBSCRIBE_ACTION);
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
  if (event) await reconcileChannelReminders(client, context, channel, event);
  const scheduled = await listScheduledReminders(client, channel).catch(() => []);
  const keys = new Set(scheduled.map((s) => s.key));
  const reminders = event ? planReminders(event, context.clock()).due.filter((r) => keys.has(r.key)) : [];
  context.logger.info(`Subscriptions: ${request.userId} subscribed <#${channel}>`);
  await reply(subscribedView({ channel, already: joined.already, event, reminders }));
  // After the reply: the announcement is several messages, posted at Slack's pace.
  if (channel !== context.settings.announceChannel) await announceNewest(client, context, channel);
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
    counts = await deleteScheduledReminders(client, scheduled, {
      logger: context.logger,
      now: context.clock(),
    });
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
