import type { Workspace } from './workspace.js';

/** Names Slack puts into payloads for the seeded ids, so built payloads agree with the workspace. */
export const SEEDED_USER_NAMES: Readonly<Record<string, string>> = { U_ADMIN: 'ada', U_MEMBER: 'max' };
export const SEEDED_CHANNEL_NAMES: Readonly<Record<string, string>> = {
  C_GENERAL: 'general',
  C_RANDOM: 'random',
  G_PRIVATE: 'private-team',
};

/** The workspace every stand-in starts with; tests add to it rather than rebuild it. */
export function seedDefaultWorkspace(workspace: Workspace): void {
  const bot = workspace.identity.botUserId;
  workspace.addUser({ id: bot, name: 'hackathon-bot', real_name: 'Hackathon Bot', is_bot: true, tz: 'UTC' });
  workspace.addUser({
    id: 'U_ADMIN',
    name: 'ada',
    real_name: 'Ada Admin',
    tz: 'Europe/Berlin',
    is_admin: true,
  });
  workspace.addUser({ id: 'U_MEMBER', name: 'max', real_name: 'Max Member', tz: 'America/New_York' });

  workspace.addChannel({ id: 'C_GENERAL', name: 'general', members: [bot, 'U_ADMIN', 'U_MEMBER'] });
  workspace.addChannel({ id: 'C_RANDOM', name: 'random', members: ['U_ADMIN', 'U_MEMBER'] });
  workspace.addChannel({ id: 'G_PRIVATE', name: 'private-team', is_private: true, members: ['U_ADMIN'] });
  workspace.addChannel({ id: 'D_ADMIN', is_im: true, user: 'U_ADMIN' });
}
