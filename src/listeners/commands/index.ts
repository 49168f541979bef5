import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.js';
import { hackathonCommand } from './hackathon.js';

/** The slash commands, as declared in `manifest.yml`. */
export const COMMANDS = ['/hackathon'] as const;

export function registerCommands(app: App, context: BotContext): void {
  app.command('/hackathon', hackathonCommand(context));
}
