/**
 * The floor: Bolt with its default settings (HTTPReceiver, conversation store, token verification) and a
 * listener that acknowledges with a word. Same receiver type and signature check as the bot.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { serve } from './child.js';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  logLevel: LogLevel.WARN,
  // Only so auth.test reaches the stand-in instead of slack.com.
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/hackathon', async ({ ack }) => {
  await ack('ok');
});
const server = (await app.start(Number(process.env.PORT ?? 0))) as Server;
serve({ port: (server.address() as AddressInfo).port, contentLoadMs: 0, stop: () => app.stop() });
