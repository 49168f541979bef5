/**
 * Who may announce and manage reminders: the user IDs in `ANNOUNCERS`, or, while that list is empty,
 * the workspace's admins and owners as `users.info` reports them. Roles are cached for a few minutes so a
 * preview and its Post click cost one lookup, not two.
 */
import type { WebClient } from '@slack/web-api';
import type { BotContext } from '../context.js';
import type { Settings } from '../settings.js';
import type { SlackMessage } from '../views/message.js';

export const ROLE_CACHE_MS = 5 * 60_000;

export interface WorkspaceRole {
  isAdmin: boolean;
  isOwner: boolean;
}

export type Permission = { allowed: true } | { allowed: false; reason: 'not-announcer' | 'unknown-role' };

/** Whether the ANNOUNCERS list alone decides, with no need to ask Slack. */
export function decidedBySettings(settings: Settings): boolean {
  return settings.announcers.length > 0;
}

export function mayAnnounce(settings: Settings, userId: string, role?: WorkspaceRole): boolean {
  if (decidedBySettings(settings)) return settings.announcers.includes(userId);
  return role !== undefined && (role.isAdmin || role.isOwner);
}

/** "<@U1> and <@U2>" or "workspace admins and owners": who to ask instead. */
export function whoMayAnnounce(settings: Settings): string {
  const people = settings.announcers.map((id) => `<@${id}>`);
  if (people.length === 0) return 'workspace admins and owners';
  if (people.length === 1) return people[0]!;
  return `${people.slice(0, -1).join(', ')} and ${people.at(-1)}`;
}

/** `action` completes "Only … can …": "announce recaps", "manage reminders". */
export function refusalMessage(settings: Settings, permission: Permission, action: string): SlackMessage {
  const text =
    permission.allowed === false && permission.reason === 'unknown-role'
      ? `Sorry, I could not check whether you may ${action}: Slack did not tell me your role. Please try again in a moment.`
      : `Sorry, only ${whoMayAnnounce(settings)} can ${action}. Nothing was posted or changed; ask one of them if this should happen.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

interface CachedRole {
  role: WorkspaceRole;
  until: number;
}

// One cache per running bot: tests start several bots in one process, each with its own workspace.
const caches = new WeakMap<BotContext, Map<string, CachedRole>>();

function cacheOf(context: BotContext): Map<string, CachedRole> {
  let cache = caches.get(context);
  if (!cache) {
    cache = new Map();
    caches.set(context, cache);
  }
  return cache;
}

async function workspaceRole(
  client: WebClient,
  context: BotContext,
  userId: string,
): Promise<WorkspaceRole | undefined> {
  const now = context.clock().getTime();
  const cache = cacheOf(context);
  const cached = cache.get(userId);
  if (cached && cached.until > now) return cached.role;
  try {
    const info = await client.users.info({ user: userId });
    const role = { isAdmin: info.user?.is_admin === true, isOwner: info.user?.is_owner === true };
    cache.set(userId, { role, until: now + ROLE_CACHE_MS });
    return role;
  } catch (error) {
    context.logger.warn(`Could not look up the role of ${userId}: ${(error as Error).message}`);
    return undefined;
  }
}

export async function checkAnnouncer(
  client: WebClient,
  context: BotContext,
  userId: string,
): Promise<Permission> {
  const { settings } = context;
  if (decidedBySettings(settings)) {
    return mayAnnounce(settings, userId) ? { allowed: true } : { allowed: false, reason: 'not-announcer' };
  }
  const role = await workspaceRole(client, context, userId);
  if (!role) return { allowed: false, reason: 'unknown-role' };
  return mayAnnounce(settings, userId, role)
    ? { allowed: true }
    : { allowed: false, reason: 'not-announcer' };
}
