/**
 * Who may announce and manage reminders: the user IDs in `ANNOUNCERS`, or, while that list is empty,
 * the workspace's admins and owners as `users.info` reports them. Roles are cached for a few minutes so a
 * preview and its Post click cost one lookup, not two.
 */
import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';
import type { BotContext } from '../context.js';
import type { Settings } from '../settings.js';
import { type RefusalReason, refusalMessage } from '../views/refusal.js';
import type { TaskRequest } from './task-request.js';

export const ROLE_CACHE_MS = 5 * 60_000;

export interface WorkspaceRole {
  isAdmin: boolean;
  isOwner: boolean;
}

export type Permission = { allowed: true } | { allowed: false; reason: RefusalReason };

/** People whose role one bot remembers: far more than ever announce. */
const ROLE_CACHE_SIZE = 1000;

/** Whether the ANNOUNCERS list alone decides, with no need to ask Slack. */
export function decidedBySettings(settings: Settings): boolean {
  return settings.announcers.length > 0;
}

export function mayAnnounce(settings: Settings, userId: string, role?: WorkspaceRole): boolean {
  if (decidedBySettings(settings)) return settings.announcers.includes(userId);
  return role !== undefined && (role.isAdmin || role.isOwner);
}

// One cache per running bot: tests start several bots in one process, each with its own workspace. Its
// clock is the bot's, so a test can move time past the cache's few minutes.
const caches = new WeakMap<BotContext, LRUCache<string, WorkspaceRole>>();

function cacheOf(context: BotContext): LRUCache<string, WorkspaceRole> {
  let cache = caches.get(context);
  if (!cache) {
    cache = new LRUCache({
      max: ROLE_CACHE_SIZE,
      ttl: ROLE_CACHE_MS,
      perf: { now: () => context.clock().getTime() },
      // Read the clock on every look-up rather than once a millisecond: a test's clock jumps.
      ttlResolution: 0,
    });
    caches.set(context, cache);
  }
  return cache;
}

async function workspaceRole(
  client: WebClient,
  context: BotContext,
  userId: string,
): Promise<WorkspaceRole | undefined> {
  const cache = cacheOf(context);
  const cached = cache.get(userId);
  if (cached) return cached;
  try {
    const info = await client.users.info({ user: userId });
    const role = { isAdmin: info.user?.is_admin === true, isOwner: info.user?.is_owner === true };
    cache.set(userId, role);
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

/**
 * Whether the person may `action` ("announce recaps", "manage reminders"); if not, they are told why and
 * who may. `replaceOriginal` when the answer takes the place of the message whose button was clicked.
 */
export async function announcerOrRefused(
  request: Omit<TaskRequest, 'channelId'>,
  action: string,
  options: { replaceOriginal?: boolean } = {},
): Promise<boolean> {
  const { client, context, userId, reply } = request;
  const permission = await checkAnnouncer(client, context, userId);
  if (permission.allowed) return true;
  await reply(refusalMessage(context.settings.announcers, permission.reason, action), options);
  return false;
}
