/** Requests that act in Slack (announce, reminders, subscriptions), each to its handler. */
import type { Intent, ReadIntent } from '../intent.js';
import { somethingWentWrongMessage } from '../views/text-message.js';
import { previewAnnouncement } from './announce.js';
import { remindMe } from './personal-reminders.js';
import { remindersCommand } from './reminders-command.js';
import { subscribe, unsubscribe } from './subscriptions.js';
import type { TaskRequest } from './task-request.js';

export type TaskIntent = Exclude<Intent, ReadIntent>;

type TaskHandler<K extends TaskIntent['kind']> = (
  intent: Extract<TaskIntent, { kind: K }>,
  request: TaskRequest,
) => Promise<void>;

const HANDLERS: { [K in TaskIntent['kind']]: TaskHandler<K> } = {
  announce: previewAnnouncement,
  reminders: remindersCommand,
  'remind-me': remindMe,
  subscribe,
  unsubscribe,
};

/** Runs the task; a failure is logged and the person is told, never left without an answer. */
export async function runTask(intent: TaskIntent, request: TaskRequest): Promise<void> {
  const handler = HANDLERS[intent.kind] as TaskHandler<typeof intent.kind>;
  try {
    await handler(intent, request);
  } catch (error) {
    request.context.logger.error(`/hackathon ${intent.kind} failed: ${(error as Error).message}`);
    await request.reply(somethingWentWrongMessage());
  }
}
