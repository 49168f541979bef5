import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandPayload } from '../src/standin/requests.js';
import { type SlackStandin, startSlackStandin } from '../src/standin/server.js';
import { type RunningBot, startBot } from '../src/start.js';
import type { SlackMessage } from '../src/views/message.js';
import { BOT_TOKEN } from './support/bot.js';
import { limitProblems } from './support/limits.js';
import { type SocketStandin, startSocketStandin } from './support/socket-standin.js';
import { visibleText } from './support/visible.js';

interface AckPayload extends SlackMessage {
  response_type?: string;
}

describe('the bot over Socket Mode', () => {
  let socket: SocketStandin;
  let standin: SlackStandin;
  let bot: RunningBot;

  const command = async (text: string) => {
    const ack = await socket.sendEnvelope(
      'slash_commands',
      slashCommandPayload({
        text,
        user_id: 'U_MEMBER',
        channel_id: 'C_GENERAL',
        response_url: standin.responseUrl(),
      }),
    );
    return ack.payload as AckPayload;
  };

  beforeAll(async () => {
    socket = await startSocketStandin();
    standin = await startSlackStandin({ socketUrl: socket.url });
    bot = await startBot(
      {
        SLACK_APP_TOKEN: 'xapp-1-A0001-test-token',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_API_URL: standin.apiUrl,
        CONTENT_DIR: 'content',
        LOG_LEVEL: 'warn',
      },
      {
        logSink: () => undefined,
        retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
        backgroundJobs: false,
        // The client waits ping timeout × attempts before reconnecting; Slack's 5 s default would stall the test.
        socketPingTimeoutMs: 100,
      },
    );
    await socket.waitForConnection();
  });
  afterAll(async () => {
    await bot?.stop();
    await socket?.close();
    await standin?.close();
  });

  it('connects through apps.connections.open on the configured API URL', () => {
    expect(bot.settings.mode).toBe('socket');
    expect(standin.callsTo('apps.connections.open')).toHaveLength(1);
    expect(socket.openConnections).toBe(1);
  });

  it('acks a slash command with the answer in the ack payload', async () => {
    const payload = await command('wireguard');
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: 'Replacement of OpenVPN with Wireguard' },
    });
    expect(limitProblems(payload)).toEqual([]);
    // Read-only answers need no Web API call at all.
    expect(
      standin.calls.filter((c) => c.method !== 'apps.connections.open' && c.method !== 'auth.test'),
    ).toEqual([]);
  });

  it('reconnects after the server drops the connection, and answers the next command', async () => {
    const before = socket.connectionCount;
    socket.dropConnections();
    await socket.waitForConnection(10_000);
    expect(socket.connectionCount).toBe(before + 1);
    const payload = await command('topics');
    expect(visibleText(payload)).toContain('Replacement of OpenVPN with Wireguard');
    expect(limitProblems(payload)).toEqual([]);
  });

  it('reconnects when Slack asks it to refresh the connection, and keeps answering', async () => {
    const before = socket.connectionCount;
    const opened = standin.callsTo('apps.connections.open').length;
    // The client closes the old connection first, then asks for a new URL: once it has, only the new one is left.
    const reopened = standin.waitFor('apps.connections.open', opened + 1, 10_000);
    socket.requestDisconnect();
    await reopened;
    await socket.waitForConnection(10_000);
    expect(socket.connectionCount).toBe(before + 1);
    const payload = await command('dashbord');
    expect(visibleText(payload)).toContain('Dashboard Usability Improvements');
  });
});
