import { DateTime } from 'luxon';
import { failure, type MethodHandler, stringArg } from './method-support.js';
import type { StandinChannel } from './model.js';
import { paginate } from './paging.js';
import { workspaceUrl } from './permalinks.js';
import { channelObject } from './shapes.js';

const authTest: MethodHandler = (_args, { workspace }) => {
  const { botUserId, botId, teamId, teamName, teamDomain } = workspace.identity;
  return {
    ok: true,
    url: workspaceUrl(teamDomain),
    team: teamName,
    user: workspace.user(botUserId)?.name ?? 'bot',
    team_id: teamId,
    user_id: botUserId,
    bot_id: botId,
    is_enterprise_install: false,
  };
};

const usersInfo: MethodHandler = (args, { workspace, now }) => {
  const user = workspace.user(stringArg(args, 'user') ?? '');
  if (!user) return failure('user_not_found');
  const local = DateTime.fromJSDate(now).setZone(user.tz);
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: workspace.identity.teamId,
      name: user.name,
      real_name: user.real_name,
      deleted: false,
      tz: user.tz,
      tz_label: local.offsetNameLong ?? user.tz,
      tz_offset: local.offset * 60,
      is_admin: user.is_admin,
      is_owner: user.is_owner,
      is_primary_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      is_bot: user.is_bot,
      is_app_user: false,
      profile: { real_name: user.real_name, display_name: user.name, team: workspace.identity.teamId },
    },
  };
};

type ConversationType = 'public_channel' | 'private_channel' | 'mpim' | 'im';

function typeOf(channel: StandinChannel): ConversationType {
  if (channel.is_im) return 'im';
  return channel.is_private ? 'private_channel' : 'public_channel';
}

const usersConversations: MethodHandler = (args, { workspace }) => {
  const userId = stringArg(args, 'user') ?? workspace.identity.botUserId;
  if (!workspace.user(userId)) return failure('user_not_found');
  const types = new Set((stringArg(args, 'types') ?? 'public_channel').split(',').map((t) => t.trim()));
  const excludeArchived = args.exclude_archived === 'true' || args.exclude_archived === true;
  const channels = workspace
    .channels()
    .filter((c) => c.members.has(userId) && types.has(typeOf(c)))
    .filter((c) => !(excludeArchived && c.is_archived))
    .sort((a, b) => a.id.localeCompare(b.id));
  const page = paginate(
    channels,
    args,
    (c) => c.id,
    (c, key) => c.id.localeCompare(key) >= 0,
    { defaultLimit: 100, maxLimit: 1000 },
  );
  if ('error' in page) return failure(page.error);
  return {
    ok: true,
    channels: page.items.map((c) => channelObject(workspace, c)),
    response_metadata: { next_cursor: page.nextCursor },
  };
};

export const userMethods: Record<string, MethodHandler> = {
  'auth.test': authTest,
  'users.info': usersInfo,
  'users.conversations': usersConversations,
};
