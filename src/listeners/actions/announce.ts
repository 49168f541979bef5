import type { BotContext } from '../../context.js';
import { confirmAnnouncement } from '../../services/announce.js';
import { responder } from '../respond.js';
import { type ActionHandler, buttonValue } from './action-args.js';

/** The announcement preview's Post button: publishes it (permission is checked again). */
export function announcePost(context: BotContext): ActionHandler {
  return async (args) => {
    await args.ack();
    await confirmAnnouncement(buttonValue(args), {
      context,
      client: args.client,
      userId: args.body.user.id,
      reply: responder(args.respond, context),
    });
  };
}

/** The preview's Cancel button: removes the preview. */
export function announceCancel(context: BotContext): ActionHandler {
  return async ({ ack, respond }) => {
    await ack();
    await respond({ delete_original: true }).catch((error: Error) => {
      context.logger.debug(`Could not remove the announcement preview: ${error.message}`);
    });
  };
}
