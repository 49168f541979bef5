import {
  apiMessage,
  booleanArg,
  channelArg,
  failure,
  type MethodHandler,
  messageContent,
  resolveChannel,
  stringArg,
} from './method-support.js';
import type { StandinChannel, StoredMessage } from './model.js';
import { permalink, workspaceUrl } from './permalinks.js';
import { messageObject, threadReplies } from './shapes.js';
import type { ApiArgs } from './wire.js';
import type { Workspace } from './workspace.js';

/** A reply to a reply belongs to the parent's thread, as in Slack. */
export function threadParent(
  workspace: Workspace,
  channelId: string,
  threadTs: string | undefined,
): string | undefined {
  if (!threadTs) return undefined;
  const target = workspace.message(channelId, threadTs);
  return target?.thread_ts ?? threadTs;
}

const postMessage: MethodHandler = (args, { workspace }) => {
  const channel = channelArg(workspace, args, 'member');
  if ('failure' in channel) return channel.failure;
  if (channel.is_archived) return failure('is_archived');
  const content = messageContent(args, true);
  if ('failure' in content) return content.failure;
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
  const channel = channelArg(workspace, args, 'member');
  if ('failure' in channel) return channel.failure;
  const userId = stringArg(args, 'user');
  if (!userId || !workspace.user(userId)) return failure('user_not_found');
  if (!workspace.isMember(channel.id, userId)) return failure('user_not_in_channel');
  const content = messageContent(args, true);
  if ('failure' in content) return content.failure;
  const threadTs = threadParent(workspace, channel.id, stringArg(args, 'thread_ts'));
  // Slack shows an ephemeral message in a thread only once the thread is active (has replies).
  const inactiveThread =
    threadTs !== undefined && threadReplies(workspace, channel.id, threadTs).length === 0;
  const message = workspace.addMessage(channel.id, {
    user: workspace.identity.botUserId,
    bot_id: workspace.identity.botId,
    ...content,
    thread_ts: threadTs,
    ephemeralTo: userId,
    ...(inactiveThread ? { notShown: 'inactive_thread' as const } : {}),
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
  const message = apiMessage(workspace, channel.id, stringArg(args, 'ts'));
  if (!message) return { error: 'message_not_found' };
  if (message.bot_id !== workspace.identity.botId) return { error: cannot };
  return { channel, message };
}

const update: MethodHandler = (args, { workspace }) => {
  const found = ownMessage(workspace, args, 'cant_update_message');
  if ('error' in found) return failure(found.error);
  const { channel, message } = found;
  const content = messageContent(args, false, message);
  if ('failure' in content) return content.failure;
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

/** Any message the bot can see, its own or not; ephemeral ones have no permalink. */
const getPermalink: MethodHandler = (args, { workspace }) => {
  const channel = channelArg(workspace, args, 'visible');
  if ('failure' in channel) return channel.failure;
  const message = apiMessage(workspace, channel.id, stringArg(args, 'message_ts'));
  if (!message) return failure('message_not_found');
  return {
    ok: true,
    channel: channel.id,
    permalink: permalink(workspaceUrl(workspace.identity.teamDomain), {
      channel: channel.id,
      ts: message.ts,
      ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
    }),
  };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': deleteMessage,
  'chat.getPermalink': getPermalink,
};
