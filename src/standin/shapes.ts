import type { StandinChannel, StoredMessage } from './model.js';
import type { Workspace } from './workspace.js';

export function botProfile(workspace: Workspace): Record<string, unknown> {
  const { botId, appId, teamId, botUserId } = workspace.identity;
  return {
    id: botId,
    app_id: appId,
    user_id: botUserId,
    name: workspace.user(botUserId)?.name ?? 'bot',
    deleted: false,
    team_id: teamId,
  };
}

export function threadReplies(workspace: Workspace, channelId: string, parentTs: string): StoredMessage[] {
  return workspace
    .messages(channelId)
    .filter((m) => m.thread_ts === parentTs && m.ts !== parentTs && m.ephemeralTo === undefined);
}

/** A stored message as the Web API shows it. */
export function messageObject(
  workspace: Workspace,
  channelId: string,
  message: StoredMessage,
  includeMetadata: boolean,
): Record<string, unknown> {
  const { botId, appId, teamId } = workspace.identity;
  const out: Record<string, unknown> = { type: 'message' };
  if (message.reply_broadcast) out.subtype = 'thread_broadcast';
  if (message.user) out.user = message.user;
  if (message.bot_id) {
    out.bot_id = message.bot_id;
    if (message.bot_id === botId) {
      out.app_id = appId;
      out.bot_profile = botProfile(workspace);
    }
  }
  out.text = message.text;
  out.ts = message.ts;
  out.team = teamId;
  if (message.blocks) out.blocks = message.blocks;
  if (message.thread_ts) out.thread_ts = message.thread_ts;
  if (message.thread_ts && message.thread_ts !== message.ts)
    out.parent_user_id = parentUser(workspace, channelId, message);
  const replies =
    message.thread_ts === undefined || message.thread_ts === message.ts
      ? threadReplies(workspace, channelId, message.ts)
      : [];
  if (replies.length > 0) {
    const replyUsers = [...new Set(replies.map((r) => r.user ?? r.bot_id ?? ''))];
    out.thread_ts = message.ts;
    out.reply_count = replies.length;
    out.reply_users = replyUsers;
    out.reply_users_count = replyUsers.length;
    out.latest_reply = replies.at(-1)?.ts;
  }
  if (includeMetadata && message.metadata) {
    out.metadata = message.bot_id === botId ? { ...message.metadata, app_id: appId } : message.metadata;
  }
  return out;
}

function parentUser(workspace: Workspace, channelId: string, reply: StoredMessage): string | undefined {
  const parent = reply.thread_ts ? workspace.message(channelId, reply.thread_ts) : undefined;
  return parent?.user;
}

/** A conversation as the Web API shows it to the bot. */
export function channelObject(workspace: Workspace, channel: StandinChannel): Record<string, unknown> {
  const base = { id: channel.id, created: channel.created, is_archived: channel.is_archived };
  if (channel.is_im) {
    return {
      ...base,
      is_im: true,
      is_org_shared: false,
      user: channel.user,
      is_user_deleted: false,
      priority: 0,
    };
  }
  return {
    ...base,
    name: channel.name,
    name_normalized: channel.name,
    is_channel: true,
    is_group: false,
    is_im: false,
    is_mpim: false,
    is_private: channel.is_private,
    is_general: channel.name === 'general',
    is_shared: false,
    is_org_shared: false,
    is_ext_shared: false,
    is_member: workspace.isMember(channel.id),
    num_members: channel.members.size,
  };
}
