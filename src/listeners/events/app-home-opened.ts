import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotContext } from '../../context.js';
import { homeView } from '../../views/home.js';

export function appHomeOpened(context: BotContext) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    // The Messages tab opens this event too; only the Home tab has something to publish.
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: homeView(context.library(), context.clock()) });
    } catch (error) {
      context.logger.warn(`Could not publish the App Home for ${event.user}: ${(error as Error).message}`);
    }
  };
}
