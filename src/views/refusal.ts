/** The polite "no" to someone who may not announce or manage reminders, naming who can. */

import { listWords } from '../words.js';
import type { SlackMessage } from './message.js';
import { textMessage } from './text-message.js';

/** Why a person was refused: not an announcer, or Slack did not say what their role is. */
export type RefusalReason = 'not-announcer' | 'unknown-role';

/** "<@U1> and <@U2>" or "workspace admins and owners": who to ask instead. */
export function whoMayAnnounce(announcers: readonly string[]): string {
  const people = announcers.map((id) => `<@${id}>`);
  if (people.length === 0) return 'workspace admins and owners';
  return listWords(people);
}

/** `action` completes "Only … can …": "announce recaps", "manage reminders". */
export function refusalMessage(
  announcers: readonly string[],
  reason: RefusalReason,
  action: string,
): SlackMessage {
  return textMessage(
    reason === 'unknown-role'
      ? `Sorry, I could not check whether you may ${action}: Slack did not tell me your role. Please try again in a moment.`
      : `Sorry, only ${whoMayAnnounce(announcers)} can ${action}. Nothing was posted or changed; ask one of them if this should happen.`,
  );
}
