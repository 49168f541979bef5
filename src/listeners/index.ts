import type { App } from '@slack/bolt';
import type { BotContext } from '../context.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';

export function registerListeners(app: App, context: BotContext): void {
  registerCommands(app, context);
  registerActions(app, context);
  registerEvents(app, context);
}
