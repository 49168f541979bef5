/**
 * Channel access for posting and scheduling: a public channel the bot is not in is joined; a private one
 * needs an invitation, which only a person can give.
 */
import type { WebClient } from '@slack/web-api';
import { describeError, slackErrorCode } from './slack-errors.js';

export type Access<T> =
  | { kind: 'ok'; value: T; joined: boolean }
  | { kind: 'private' }
  | { kind: 'failed'; error: string };

const NO_ACCESS = new Set(['not_in_channel', 'channel_not_found']);
/** `conversations.join` answers these for private channels, which only an invitation opens. */
const JOIN_REFUSED_PRIVATE = new Set(['method_not_supported_for_channel_type', 'channel_not_found']);

/** Whether `conversations.join` failed because the channel is private (or not visible to the bot). */
export function joinRefusedPrivate(code: string | undefined): boolean {
  return code !== undefined && JOIN_REFUSED_PRIVATE.has(code);
}

/** The only way into a private channel: a member types it there. */
export const INVITE_COMMAND = '/invite @hackathon-bot';

/** For logs: why the bot cannot act in a channel, and what a person can do about it. */
export const PRIVATE_CHANNEL_HINT = `a private channel the bot is not in: invite it with ${INVITE_COMMAND}`;

/**
 * Runs `call`; when Slack says the bot is not in the channel, joins it if it is public and runs `call`
 * once more. Private channels (a `G…` id, or one `conversations.join` refuses) are reported, not retried.
 */
export async function withChannelAccess<T>(
  client: WebClient,
  channel: string,
  call: () => Promise<T>,
): Promise<Access<T>> {
  try {
    return { kind: 'ok', value: await call(), joined: false };
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !NO_ACCESS.has(code)) return { kind: 'failed', error: describeError(error) };
    if (channel.startsWith('G')) return { kind: 'private' };
  }
  try {
    await client.conversations.join({ channel });
  } catch (error) {
    if (joinRefusedPrivate(slackErrorCode(error))) return { kind: 'private' };
    return { kind: 'failed', error: describeError(error) };
  }
  try {
    return { kind: 'ok', value: await call(), joined: true };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && NO_ACCESS.has(code)) return { kind: 'private' };
    return { kind: 'failed', error: describeError(error) };
  }
}
