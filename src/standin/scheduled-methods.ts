/**
 * chat.scheduleMessage, chat.scheduledMessages.list and chat.deleteScheduledMessage with Slack's documented
 * restrictions: 120 days ahead at most, 30 messages a channel within any 5 minutes, no deleting within
 * 60 seconds of post_at, listings that show only the text, and the bug that messages with metadata never post.
 */
import { threadParent } from './chat-methods.js';
import {
  channelArg,
  failure,
  type MethodHandler,
  messageContent,
  numberArg,
  resolveChannel,
  stringArg,
} from './method-support.js';
import { paginate } from './paging.js';
import { botProfile } from './shapes.js';
import { unixSeconds } from './timestamps.js';
import type { Workspace } from './workspace.js';

const MAX_SCHEDULE_AHEAD_SECONDS = 120 * 24 * 60 * 60;
/** "You cannot schedule more than 30 messages to post within a 5-minute window to the same channel." */
const MAX_IN_WINDOW = 30;
const WINDOW_SECONDS = 5 * 60;
/** Slack no longer lets go of a message due this soon: the delete answers invalid_scheduled_message_id. */
const DELETE_CUTOFF_SECONDS = 60;

/** Whether some 5-minute window around `postAt` already holds 30 messages for the channel. */
function windowFull(workspace: Workspace, channelId: string, postAt: number): boolean {
  const near = workspace
    .scheduled(channelId)
    .map((s) => s.post_at)
    .filter((t) => Math.abs(t - postAt) < WINDOW_SECONDS);
  for (const start of [...near, postAt].filter((t) => t <= postAt)) {
    const inWindow = near.filter((t) => t >= start && t < start + WINDOW_SECONDS).length;
    if (inWindow >= MAX_IN_WINDOW) return true;
  }
  return false;
}

const scheduleMessage: MethodHandler = (args, { workspace, now }) => {
  const channel = channelArg(workspace, args, 'member');
  if ('failure' in channel) return channel.failure;
  if (channel.is_archived) return failure('is_archived');
  const postAt = numberArg(args, 'post_at');
  if (postAt === undefined || !Number.isFinite(postAt)) return failure('invalid_time');
  const postAtSeconds = Math.floor(postAt);
  const nowSeconds = unixSeconds(now);
  if (postAtSeconds <= nowSeconds) return failure('time_in_past');
  if (postAtSeconds > nowSeconds + MAX_SCHEDULE_AHEAD_SECONDS) return failure('time_too_far');
  const content = messageContent(args, true);
  if ('failure' in content) return content.failure;
  if (windowFull(workspace, channel.id, postAtSeconds)) return failure('restricted_too_many');
  const scheduled = workspace.schedule({
    channel: channel.id,
    post_at: postAtSeconds,
    ...content,
    thread_ts: threadParent(workspace, channel.id, stringArg(args, 'thread_ts')),
  });
  return {
    ok: true,
    channel: channel.id,
    scheduled_message_id: scheduled.id,
    post_at: scheduled.post_at,
    message: {
      type: 'delayed_message',
      subtype: 'bot_message',
      text: scheduled.text,
      user: workspace.identity.botUserId,
      bot_id: workspace.identity.botId,
      app_id: workspace.identity.appId,
      team: workspace.identity.teamId,
      bot_profile: botProfile(workspace),
      ...(scheduled.blocks ? { blocks: scheduled.blocks } : {}),
    },
  };
};

const SCHEDULED_KEY_WIDTH = 12;

function scheduledKey(item: { post_at: number; id: string }): string {
  return `${String(item.post_at).padStart(SCHEDULED_KEY_WIDTH, '0')}:${item.id}`;
}

/** Slack lists a scheduled message by its text alone: no blocks, no metadata. */
const listScheduled: MethodHandler = (args, { workspace }) => {
  const oldest = numberArg(args, 'oldest');
  const latest = numberArg(args, 'latest');
  const channelId = stringArg(args, 'channel');
  const items = workspace
    .scheduled(channelId)
    .filter((s) => oldest === undefined || Number.isNaN(oldest) || s.post_at >= oldest)
    .filter((s) => latest === undefined || Number.isNaN(latest) || s.post_at <= latest);
  const page = paginate(items, args, scheduledKey, (item, key) => scheduledKey(item) >= key, {
    defaultLimit: 100,
    maxLimit: 1000,
  });
  if ('error' in page) return failure(page.error);
  return {
    ok: true,
    scheduled_messages: page.items.map((s) => ({
      id: s.id,
      channel_id: s.channel,
      post_at: s.post_at,
      date_created: s.date_created,
      text: s.text,
    })),
    response_metadata: { next_cursor: page.nextCursor },
  };
};

const deleteScheduled: MethodHandler = (args, { workspace, now }) => {
  const channel = resolveChannel(workspace, stringArg(args, 'channel'));
  if (!channel) return failure('channel_not_found');
  const id = stringArg(args, 'scheduled_message_id');
  const scheduled = workspace.scheduled(channel.id).find((s) => s.id === id);
  if (!scheduled) return failure('invalid_scheduled_message_id');
  // Too close to post_at: Slack refuses, and the message still posts.
  if (scheduled.post_at - unixSeconds(now) <= DELETE_CUTOFF_SECONDS) {
    return failure('invalid_scheduled_message_id');
  }
  workspace.unschedule(scheduled.id);
  return { ok: true };
};

export const scheduledMethods: Record<string, MethodHandler> = {
  'chat.scheduleMessage': scheduleMessage,
  'chat.scheduledMessages.list': listScheduled,
  'chat.deleteScheduledMessage': deleteScheduled,
};
