import type { App } from '@slack/bolt';
import type { BotContext } from '../../context.js';

export function registerAnnounceActions(_app: App, _context: BotContext): void {}
