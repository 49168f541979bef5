/** Replies to `/hackathon subscribe` and `unsubscribe`. Channel reminder times are in the event's zone. */
import type { NextEvent } from '../content/model.js';
import type { PlannedReminder } from '../reminders/plan.js';
import { formatCount } from '../words.js';
import { eventTitle } from './event-dates.js';
import type { SlackMessage } from './message.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { whenBefore } from './personal-reminders.js';
import { privateChannelText } from './private-channel.js';
import { textMessage } from './text-message.js';

export function subscribeInChannelView(): SlackMessage {
  return textMessage(
    '`/hackathon subscribe` works in the channel that should get recaps and reminders: run it there. For reminders just for you, use `/hackathon remind me`.',
  );
}

export interface SubscribedInput {
  channel: string;
  already: boolean;
  event: NextEvent | undefined;
  /** Channel reminders now scheduled here, in the event's zone. */
  reminders: readonly PlannedReminder[];
}

export function subscribedView(input: SubscribedInput): SlackMessage {
  const where = `<#${input.channel}>`;
  const lines = [
    input.already
      ? `${where} is already subscribed: new hackathon recaps are announced here, and the reminders before the next hackathon are posted here.`
      : `${where} is subscribed: I announce new hackathon recaps here (each once) and post the reminders before the next hackathon.`,
  ];
  if (input.reminders.length > 0) {
    lines.push('', `*Reminders scheduled here* for ${eventTitle(input.event)}:`);
    for (const r of input.reminders) lines.push(`• ${whenBefore(r.daysBefore)}: ${r.localLabel}`);
  } else if (!input.event?.start) {
    lines.push('', 'There is no date for the next hackathon yet; its reminders are scheduled once there is.');
  }
  return textMessage(lines.join('\n'), { note: '`/hackathon unsubscribe` stops it.' });
}

export function inviteMeView(channel: string): SlackMessage {
  return textMessage(privateChannelText('join', channel, 'run `/hackathon subscribe` again.'));
}

export function subscribeFailedView(channel: string, error: string): SlackMessage {
  return textMessage(
    `Sorry, I could not subscribe <#${channel}> (${escapeMrkdwn(error)}). Please try again in a moment.`,
  );
}

export function announceChannelView(channel: string, setting: string): SlackMessage {
  return textMessage(
    `<#${channel}> is the bot's configured channel (${setting}), so it cannot be unsubscribed with a command. Ask whoever runs the bot to change ${setting}.`,
  );
}

export interface UnsubscribedInput {
  channel: string;
  removed: number;
  failed: number;
  /** `left`: the bot left; `private`: people must remove it; `not-member`: it was not subscribed. */
  membership: 'left' | 'private' | 'not-member' | { error: string };
}

export function unsubscribedView(input: UnsubscribedInput): SlackMessage {
  const where = `<#${input.channel}>`;
  const removed = input.removed > 0 ? ` and removed ${formatCount(input.removed, 'scheduled reminder')}` : '';
  const kept = input.failed > 0 ? ` (${input.failed} could not be removed; I will retry)` : '';
  const { membership } = input;
  if (membership === 'left')
    return textMessage(`${where} is unsubscribed: I left the channel${removed}${kept}.`);
  if (membership === 'not-member')
    return textMessage(`${where} was not subscribed (I am not a member)${removed}${kept}.`);
  if (membership === 'private') {
    return textMessage(
      `I stopped the reminders in ${where}${removed}${kept}. It is a private channel, so I cannot leave it myself: remove me (channel details → Integrations → Remove app, or \`/remove @hackathon-bot\`). Until then the channel counts as subscribed and gets recaps and reminders again.`,
    );
  }
  return textMessage(
    `I stopped the reminders in ${where}${removed}${kept}, but could not leave the channel (${escapeMrkdwn(membership.error)}). Please remove me from the channel to stop the announcements.`,
  );
}
