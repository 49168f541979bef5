/** The real bot, in HTTP mode on loopback, its Web API pointed at the stand-in: what the page talks to. */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import { WebClient } from '@slack/web-api';
import { createApp, webClientOptions } from '../app.js';
import type { BotContext, Clock } from '../context.js';
import type { Library } from '../library.js';
import type { Settings } from '../settings.js';
import type { SlackStandin } from '../standin/server.js';

export const LOOPBACK = '127.0.0.1';

export interface PlaygroundBot {
  app: App;
  context: BotContext;
  /** The settings the bot runs with (fake token, random signing secret, the stand-in's API URL). */
  settings: Settings;
  /** Where the bot takes Slack's requests (`http://127.0.0.1:PORT/slack/events`). */
  requestUrl: string;
}

/** The settings a person gave, with what only the playground can know: a token and secret of its own. */
function botSettings(settings: Settings, standin: SlackStandin, announceChannel: string): Settings {
  return {
    ...settings,
    mode: 'http',
    botToken: `xoxb-playground-${randomBytes(12).toString('hex')}`,
    signingSecret: randomBytes(32).toString('hex'),
    appToken: undefined,
    slackApiUrl: standin.apiUrl,
    announceChannel,
    port: 0,
  };
}

/** Starts the bot; the caller stops `app` (it may already listen when a later step throws). */
export async function startPlaygroundBot(options: {
  settings: Settings;
  standin: SlackStandin;
  announceChannel: string;
  library: () => Library;
  logger: Logger;
  clock: Clock;
  onStarted(app: App): void;
}): Promise<PlaygroundBot> {
  const { standin, logger, clock } = options;
  const settings = botSettings(options.settings, standin, options.announceChannel);
  const auth = await new WebClient(settings.botToken, webClientOptions(settings, logger)).auth.test();
  if (!auth.user_id || !auth.bot_id) throw new Error('The Slack stand-in did not name a bot user');

  const { app, context } = createApp({
    settings,
    library: options.library,
    logger,
    bot: { botId: auth.bot_id, botUserId: auth.user_id },
    clock,
  });
  const server = (await app.start({ port: 0, host: LOOPBACK })) as Server;
  options.onStarted(app);
  const bound = server.address() as AddressInfo;
  // Refuse rather than serve: a receiver that ignored the host would put the bot on the network.
  if (bound.address !== LOOPBACK)
    throw new Error(`The bot listens on ${bound.address}, not on ${LOOPBACK} only`);
  return { app, context, settings, requestUrl: `http://${LOOPBACK}:${bound.port}/slack/events` };
}
