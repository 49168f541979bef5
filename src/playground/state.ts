/** The stand-in's workspace as one person sees it: the page's whole state. */
import { workspaceUrl } from '../standin/permalinks.js';
import type { Workspace } from '../standin/workspace.js';
import type { PlaygroundMessage, PlaygroundPerson, PlaygroundState } from './client/types.js';

export function messageId(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

function displayName(workspace: Workspace, id: string | undefined): string | undefined {
  const user = id ? workspace.user(id) : undefined;
  if (!user) return undefined;
  return user.is_bot ? user.name : user.real_name;
}

function channelsOf(workspace: Workspace, me: string): PlaygroundState['channels'] {
  const botName = displayName(workspace, workspace.identity.botUserId) ?? 'hackathon-bot';
  return workspace
    .channels()
    .filter((c) => c.members.has(me) && !c.is_archived)
    .map((c) => ({
      id: c.id,
      name: c.is_im ? botName : c.name,
      kind: c.is_im ? ('im' as const) : c.is_private ? ('private' as const) : ('public' as const),
    }));
}

/** What `me` sees in a channel: messages for everyone and their own ephemeral ones Slack shows. */
function messagesOf(workspace: Workspace, channel: string, me: string): PlaygroundMessage[] {
  return workspace.visibleTo(channel, me).map((m) => {
    const author = m.user ? workspace.user(m.user) : undefined;
    const message: PlaygroundMessage = {
      id: messageId(channel, m.ts),
      ts: m.ts,
      channel,
      isBot: m.bot_id !== undefined || author?.is_bot === true,
      text: m.text,
    };
    if (m.user) message.user = m.user;
    const name = displayName(workspace, m.user);
    if (name) message.userName = name;
    if (m.thread_ts) message.threadTs = m.thread_ts;
    if (m.blocks) message.blocks = m.blocks;
    if (m.ephemeralTo !== undefined) message.ephemeral = true;
    return message;
  });
}

/** Everything `me` can see: their channels, messages, Home tab, the scheduled reminders, and who they can be. */
export function playgroundState(
  workspace: Workspace,
  me: string,
  people: PlaygroundPerson[],
): PlaygroundState {
  const channels = channelsOf(workspace, me);
  const home = workspace.homeView(me);
  const homeBlocks = home && Array.isArray(home.view.blocks) ? (home.view.blocks as unknown[]) : undefined;
  return {
    channels,
    messages: channels.flatMap((c) => messagesOf(workspace, c.id, me)),
    home: homeBlocks ? { blocks: homeBlocks } : null,
    scheduled: workspace
      .scheduled()
      .map((s) => ({ id: s.id, channel: s.channel, postAt: s.post_at, text: s.text })),
    me: { id: me, name: displayName(workspace, me) ?? me },
    people,
    workspaceUrl: workspaceUrl(workspace.identity.teamDomain),
  };
}
