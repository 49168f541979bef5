import {
  accessError,
  booleanArg,
  failure,
  type MethodHandler,
  messageContent,
  numberArg,
  resolveChannel,
  stringArg,
} from './method-support.js';
import type { StandinChannel, StoredMessage } from './model.js';
import { paginate } from './paging.js';
import { botProfile, messageObject } from './shapes.js';
import { unixSeconds } from './timestamps.js';
import type { ApiArgs } from './wire.js';
import type { Workspace } from './workspace.js';

const MAX_SCHEDULE_AHEAD_SECONDS = 120 * 24 * 60 * 60;

/** A reply to a reply belongs to the parent's thread, as in Slack. */
function threadParent(
  workspace: Workspace,
  channelId: string,
  threadTs: string | undefined,
): string | undefined {
  if (!threadTs) return undefined;
  const target = workspace.message(channelId, threadTs);
  return target?.thread_ts ?? threadTs;
}

const postMessage: MethodHandler = (args, { workspace }) => {
  const channel = resolveChannel(workspace, stringArg(args, 'channel'));
  const denied = accessError(workspace, channel);
  if (denied || !channel) return failure(denied ?? 'channel_not_found');
  if (channel.is_archived) return failure('is_archived');
  const content = messageContent(args, true);
  if ('error' in content) return failure(content.error);
  const threadTs = threadParent(workspace, channel.id, stringArg(args, 'thread_ts'));
  const message = workspace.addMessage(channel.id, {
    user: workspace.identity.botUserId,
    bot_id: workspace.identity.botId,
    ...content,
    thread_ts: threadTs,
    reply_broadcast: threadTs && booleanArg(args, 'reply_broadcast') ? true : undefined,
  });
  return {
    ok: true,
    channel: channel.id,
    ts: message.ts,
    message: messageObject(workspace, channel.id, message, true),
  };
};

const postEphemeral: MethodHandler = (args, { workspace }) => {
  const channel = resolveChannel(workspace, stringArg(args, 'channel'));
  const denied = accessError(workspace, channel);
  if (denied || !channel) return failure(denied ?? 'channel_not_found');
  const userId = stringArg(args, 'user');
  if (!userId || !workspace.user(userId)) return failure('user_not_found');
  if (!workspace.isMember(channel.id, userId)) return failure('user_not_in_channel');
  const content = messageContent(args, true);
  if ('error' in content) return failure(content.error);
  const message = workspace.addMessage(channel.id, {
    user: workspace.identity.botUserId,
    bot_id: workspace.identity.botId,
    ...content,
    thread_ts: threadParent(workspace, channel.id, stringArg(args, 'thread_ts')),
    ephemeralTo: userId,
  });
  return { ok: true, message_ts: message.ts };
};

function ownMessage(
  workspace: Workspace,
  args: ApiArgs,
  cannot: string,
): { channel: StandinChannel; message: StoredMessage } | { error: string } {
  const channel = resolveChannel(workspace, stringArg(args, 'channel'));
  if (!channel) return { error: 'channel_not_found' };
  const ts = stringArg(args, 'ts');
  const message = ts ? workspace.message(channel.id, ts) : undefined;
  if (!message || message.ephemeralTo !== undefined) return { error: 'message_not_found' };
  if (message.bot_id !== workspace.identity.botId) return { error: cannot };
  return { channel, message };
}

const update: MethodHandler = (args, { workspace }) => {
  const found = ownMessage(workspace, args, 'cant_update_message');
  if ('error' in found) return failure(found.error);
  const content = messageContent(args, false);
  if ('error' in content) return failure(content.error);
  const { channel, message } = found;
  const patch = {
    ...(args.text !== undefined ? { text: content.text } : {}),
    ...(args.blocks !== undefined ? { blocks: content.blocks } : {}),
    ...(content.metadata ? { metadata: content.metadata } : {}),
  };
  if (patch.text === undefined && patch.blocks === undefined) return failure('no_text');
  const updated = workspace.updateMessage(channel.id, message.ts, patch) ?? message;
  return {
    ok: true,
    channel: channel.id,
    ts: updated.ts,
    text: updated.text,
    message: messageObject(workspace, channel.id, updated, true),
  };
};

const deleteMessage: MethodHandler = (args, { workspace }) => {
  const found = ownMessage(workspace, args, 'cant_delete_message');
  if ('error' in found) return failure(found.error);
  workspace.deleteMessage(found.channel.id, found.message.ts);
  return { ok: true, channel: found.channel.id, ts: found.message.ts };
};

const scheduleMessage: MethodHandler = (args, { workspace, now }) => {
  const channel = resolveChannel(workspace, stringArg(args, 'channel'));
  const denied = accessError(workspace, channel);
  if (denied || !channel) return failure(denied ?? 'channel_not_found');
  if (channel.is_archived) return failure('is_archived');
  const postAt = numberArg(args, 'post_at');
  if (postAt === undefined || !Number.isFinite(postAt)) return failure('invalid_time');
  const postAtSeconds = Math.floor(postAt);
  const nowSeconds = unixSeconds(now);
  if (postAtSeconds <= nowSeconds) return failure('time_in_past');
  if (postAtSeconds > nowSeconds + MAX_SCHEDULE_AHEAD_SECONDS) return failure('time_too_far');
  const content = messageContent(args, true);
  if ('error' in content) return failure(content.error);
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

const deleteScheduled: MethodHandler = (args, { workspace }) => {
  const channel = resolveChannel(workspace, stringArg(args, 'channel'));
  if (!channel) return failure('channel_not_found');
  const id = stringArg(args, 'scheduled_message_id');
  const scheduled = workspace.scheduled(channel.id).find((s) => s.id === id);
  if (!scheduled) return failure('invalid_scheduled_message_id');
  workspace.unschedule(scheduled.id);
  return { ok: true };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': deleteMessage,
  'chat.scheduleMessage': scheduleMessage,
  'chat.scheduledMessages.list': listScheduled,
  'chat.deleteScheduledMessage': deleteScheduled,
};
