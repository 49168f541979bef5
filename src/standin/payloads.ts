import { randomBytes, randomUUID } from 'node:crypto';
import type { BlockAction, ButtonAction, EnvelopedEvent, SlashCommand } from '@slack/bolt';
import type { AppHomeOpenedEvent, AppMentionEvent } from '@slack/types';
import { SEEDED_CHANNEL_NAMES, SEEDED_USER_NAMES } from './seed.js';
import { formatTs } from './timestamps.js';

const TEAM_ID = 'T0001';
const TEAM_DOMAIN = 'playground';
const APP_ID = 'A0001';
const BOT_USER_ID = 'UBOT';
/** The long-deprecated verification token Slack still puts in every payload. */
const VERIFICATION_TOKEN = 'standin-verification-token';

function userName(userId: string): string {
  return SEEDED_USER_NAMES[userId] ?? userId.toLowerCase();
}

/** Slack names every DM "directmessage" in command payloads. */
function channelName(channelId: string): string {
  if (channelId.startsWith('D')) return 'directmessage';
  return SEEDED_CHANNEL_NAMES[channelId] ?? channelId.toLowerCase();
}

function nowTs(): string {
  return formatTs(Date.now() * 1000);
}

function triggerId(): string {
  return `${Date.now()}.${Math.floor(Math.random() * 1e10)}.${randomBytes(16).toString('hex')}`;
}

export interface SlashCommandFields {
  text: string;
  user_id: string;
  channel_id: string;
  response_url: string;
  command?: string;
  team_id?: string;
  team_domain?: string;
  user_name?: string;
  channel_name?: string;
  trigger_id?: string;
  api_app_id?: string;
}

/** The fields of a slash command, in the order Slack sends them. */
export function slashCommandPayload(fields: SlashCommandFields): SlashCommand {
  return {
    token: VERIFICATION_TOKEN,
    team_id: fields.team_id ?? TEAM_ID,
    team_domain: fields.team_domain ?? TEAM_DOMAIN,
    channel_id: fields.channel_id,
    channel_name: fields.channel_name ?? channelName(fields.channel_id),
    user_id: fields.user_id,
    user_name: fields.user_name ?? userName(fields.user_id),
    command: fields.command ?? '/hackathon',
    text: fields.text,
    api_app_id: fields.api_app_id ?? APP_ID,
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? triggerId(),
  };
}

export interface BlockActionsOptions {
  user: string;
  channel: string;
  actionId: string;
  value: string;
  responseUrl: string;
  /** The message holding the button; without it the click comes from an ephemeral message. */
  messageTs?: string;
  /** Overrides the container Slack would describe. */
  container?: Record<string, unknown>;
  /** The clicked message as Slack includes it for non-ephemeral messages. */
  message?: { ts: string; text?: string; user?: string; [key: string]: unknown };
  blockId?: string;
  buttonText?: string;
  triggerId?: string;
}

/** A button click, as Slack posts it in the `payload` form field. */
export function blockActionsPayload(options: BlockActionsOptions): BlockAction<ButtonAction> {
  const isEphemeral = options.messageTs === undefined && options.message === undefined;
  const messageTs = options.messageTs ?? options.message?.ts ?? nowTs();
  const payload: BlockAction<ButtonAction> = {
    type: 'block_actions',
    user: {
      id: options.user,
      username: userName(options.user),
      name: userName(options.user),
      team_id: TEAM_ID,
    },
    api_app_id: APP_ID,
    token: VERIFICATION_TOKEN,
    container: options.container ?? {
      type: 'message',
      message_ts: messageTs,
      channel_id: options.channel,
      is_ephemeral: isEphemeral,
    },
    trigger_id: options.triggerId ?? triggerId(),
    team: { id: TEAM_ID, domain: TEAM_DOMAIN },
    is_enterprise_install: false,
    channel: { id: options.channel, name: channelName(options.channel) },
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: options.blockId ?? 'actions',
        text: { type: 'plain_text', text: options.buttonText ?? options.actionId, emoji: true },
        value: options.value,
        action_ts: nowTs(),
      },
    ],
  };
  if (options.message) payload.message = { type: 'message', ...options.message };
  return payload;
}

function envelope<E>(event: E, eventId: string): EnvelopedEvent<E> {
  return {
    token: VERIFICATION_TOKEN,
    team_id: TEAM_ID,
    context_team_id: TEAM_ID,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: TEAM_ID,
        user_id: BOT_USER_ID,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(eventId).toString('base64url')}`,
  };
}

export interface AppMentionOptions {
  text: string;
  user: string;
  channel: string;
  ts: string;
  thread_ts?: string;
  eventId: string;
}

export function appMentionEnvelope(options: AppMentionOptions): EnvelopedEvent<AppMentionEvent> {
  const event: AppMentionEvent = {
    type: 'app_mention',
    client_msg_id: randomUUID(),
    text: options.text,
    user: options.user,
    ts: options.ts,
    team: TEAM_ID,
    channel: options.channel,
    event_ts: options.ts,
    ...(options.thread_ts ? { thread_ts: options.thread_ts } : {}),
  };
  return envelope(event, options.eventId);
}

export interface AppHomeOpenedOptions {
  user: string;
  eventId: string;
  /** The user's DM with the app; defaults to the id the stand-in gives that DM. */
  channel?: string;
  tab?: 'home' | 'messages';
}

export function appHomeOpenedEnvelope(options: AppHomeOpenedOptions): EnvelopedEvent<AppHomeOpenedEvent> {
  const event: AppHomeOpenedEvent = {
    type: 'app_home_opened',
    user: options.user,
    channel: options.channel ?? `D${options.user.slice(1)}`,
    tab: options.tab ?? 'home',
    event_ts: nowTs(),
  };
  return envelope(event, options.eventId);
}
