/** What a person reads when the bot cannot act in a private channel: one message for announce and subscribe. */
import { INVITE_COMMAND } from '../slack-channel-access.js';

/**
 * `action` completes "I can't … <#C1>" ("post in", "join"); `then` says what to do once invited. Slack
 * answers the same for a private channel the bot is not in and for one that is gone, so both are named.
 */
export function privateChannelText(action: string, channel: string, then: string): string {
  return (
    `I can't ${action} <#${channel}>: it is a private channel I'm not a member of (or it no longer exists). ` +
    `Invite me there with \`${INVITE_COMMAND}\`, then ${then}`
  );
}
