import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.js';
import { ACTION, LINK_ACTION_PREFIX } from '../../views/actions.js';
import { registerAnnounceActions } from './announce.js';
import { shareInChannel } from './share.js';
import { showInPlace } from './show.js';

export function registerActions(app: App, context: BotContext): void {
  app.action(ACTION.share, shareInChannel(context));
  // Candidate buttons are numbered (`pick_topic:0`…) because action ids must be unique in a message.
  app.action(
    new RegExp(`^${ACTION.pickTopic}(:\\d+)?$`),
    showInPlace(context, (value) => `topic ${value}`),
  );
  app.action(
    ACTION.page,
    showInPlace(context, (value) => value),
  );
  // URL buttons open in the browser; Slack still sends the click, which only needs acknowledging.
  app.action(new RegExp(`^${LINK_ACTION_PREFIX}`), async ({ ack }) => {
    await ack();
  });
  registerAnnounceActions(app, context);
}
