import type { App, BlockAction } from '@slack/bolt';
import type { BotContext } from '../../context.js';
import { ACTION, LINK_ACTION_PREFIX } from '../../views/actions.js';
import type { ActionHandler } from './action-args.js';
import { announceCancel, announcePost } from './announce.js';
import { shareInChannel } from './share.js';
import { showInPlace } from './show.js';

/**
 * Every button the bot sends, by action id. Numbered ids (`pick_topic:0`…, unique within a message as
 * Slack requires) route by their base. One Bolt listener serves them all: Bolt runs the filters of every
 * listener for every request, slash commands included, so each extra listener costs every answer.
 */
export function registerActions(app: App, context: BotContext): void {
  const routes: Record<string, ActionHandler> = {
    [ACTION.share]: shareInChannel(context),
    [ACTION.pickTopic]: showInPlace(context, (value) => `topic ${value}`),
    [ACTION.page]: showInPlace(context, (value) => value),
    [ACTION.announcePost]: announcePost(context),
    [ACTION.announceCancel]: announceCancel(context),
  };
  app.action<BlockAction>(/.*/, async (args) => {
    const id = args.action.action_id;
    const handler = routes[id.replace(/:\d+$/, '')];
    if (handler) {
      await handler(args);
      return;
    }
    await args.ack();
    // URL buttons open in the browser; Slack still sends the click, which only needs acknowledging.
    if (!id.startsWith(LINK_ACTION_PREFIX))
      context.logger.warn(`Ignored a click on an unknown button: ${id}`);
  });
}
