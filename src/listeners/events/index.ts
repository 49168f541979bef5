import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';

/** The events, as subscribed in `manifest.yml`. */
export const EVENTS = ['app_mention', 'app_home_opened'] as const;

export function registerEvents(app: App, context: BotContext): void {
  app.event('app_mention', appMention(context));
  app.event('app_home_opened', appHomeOpened(context));
}
