import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.js';
import { confirmAnnouncement } from '../../services/announce.js';
import { ACTION } from '../../views/actions.js';
import { responder } from '../respond.js';

/** The announcement preview's buttons: Post publishes it, Cancel removes the preview. */
export function registerAnnounceActions(app: App, context: BotContext): void {
  app.action(ACTION.announcePost, async ({ ack, action, body, respond, client }) => {
    await ack();
    const value = action.type === 'button' ? (action.value ?? '') : '';
    await confirmAnnouncement(value, {
      context,
      client,
      userId: body.user.id,
      reply: responder(respond, context),
    });
  });
  app.action(ACTION.announceCancel, async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true }).catch((error: Error) => {
      context.logger.debug(`Could not remove the announcement preview: ${error.message}`);
    });
  });
}
