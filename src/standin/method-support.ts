import { isRecord } from '../records.js';
import { messageProblems, refusal } from './block-kit.js';
import type { MessageMetadata, StandinChannel, StoredMessage } from './model.js';
import type { ApiArgs } from './wire.js';
import type { Workspace } from './workspace.js';

export type MethodResult = { ok: boolean } & Record<string, unknown>;

export interface MethodContext {
  workspace: Workspace;
  now: Date;
  token: string;
  socketUrl: string | undefined;
}

export type MethodHandler = (args: ApiArgs, ctx: MethodContext) => MethodResult;

export function failure(error: string): MethodResult {
  return { ok: false, error };
}

export function stringArg(args: ApiArgs, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Form bodies carry numbers as strings; NaN means "present but not a number". */
export function numberArg(args: ApiArgs, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || value === '') return undefined;
  return typeof value === 'number' ? value : Number(value);
}

export function booleanArg(args: ApiArgs, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** A user id where a channel is expected means "the bot's DM with that user", as Slack treats it. */
export function resolveChannel(workspace: Workspace, id: string | undefined): StandinChannel | undefined {
  if (!id) return undefined;
  const channel = workspace.channel(id);
  if (channel) return channel;
  if ((id.startsWith('U') || id.startsWith('W')) && workspace.user(id)) return workspace.imWith(id);
  return undefined;
}

/** Private conversations the bot is not in are invisible to it; public ones only refuse writes. */
function accessError(workspace: Workspace, channel: StandinChannel | undefined): string | undefined {
  if (!channel) return 'channel_not_found';
  if (workspace.isMember(channel.id)) return undefined;
  return channel.is_private ? 'channel_not_found' : 'not_in_channel';
}

export function visibilityError(
  workspace: Workspace,
  channel: StandinChannel | undefined,
): string | undefined {
  if (!channel) return 'channel_not_found';
  if (channel.is_private && !workspace.isMember(channel.id)) return 'channel_not_found';
  return undefined;
}

/**
 * The conversation a call names in `channel`, or Slack's failure for it: `member` for what needs the bot in
 * it (posting, reading history), `visible` for what only needs to see it.
 */
export function channelArg(
  workspace: Workspace,
  args: ApiArgs,
  need: 'member' | 'visible',
): StandinChannel | { failure: MethodResult } {
  const channel = resolveChannel(workspace, stringArg(args, 'channel'));
  const error = need === 'member' ? accessError(workspace, channel) : visibilityError(workspace, channel);
  return error || !channel ? { failure: failure(error ?? 'channel_not_found') } : channel;
}

/** A message the Web API can return by its ts: ephemeral ones never are. */
export function apiMessage(
  workspace: Workspace,
  channelId: string,
  ts: string | undefined,
): StoredMessage | undefined {
  const message = ts ? workspace.message(channelId, ts) : undefined;
  return message?.ephemeralTo === undefined ? message : undefined;
}

export interface MessageContent {
  text: string;
  blocks?: unknown[];
  metadata?: MessageMetadata;
}

const MAX_TEXT_LENGTH = 40_000;

/**
 * The content checks chat.postMessage, chat.postEphemeral, chat.scheduleMessage and chat.update share:
 * blocks by Slack's Block Kit rules, the text fallback, the text's length and the metadata's shape.
 * `current` is the message being updated: its text still stands when an update sends only blocks.
 */
export function messageContent(
  args: ApiArgs,
  requireContent: boolean,
  current?: { text: string },
): MessageContent | { failure: MethodResult } {
  const text = typeof args.text === 'string' ? args.text : '';
  let blocks: unknown[] | undefined;
  if (args.blocks !== undefined && args.blocks !== '') {
    // A string here means the caller sent JSON Slack could not parse (form values are decoded before this).
    if (!Array.isArray(args.blocks)) return { failure: failure('invalid_blocks_format') };
    blocks = args.blocks;
  }
  const hasAttachments = Array.isArray(args.attachments) && args.attachments.length > 0;
  if (requireContent && text === '' && !blocks?.length && !hasAttachments)
    return { failure: failure('no_text') };
  if (text.length > MAX_TEXT_LENGTH) return { failure: failure('msg_too_long') };
  const fallback = args.text === undefined && current ? current.text : text;
  const problems = messageProblems({ text: fallback, ...(blocks ? { blocks } : {}) });
  if (problems.length > 0) return { failure: refusal(problems, 'message') };
  let metadata: MessageMetadata | undefined;
  if (args.metadata !== undefined && args.metadata !== '') {
    const m = args.metadata;
    if (!isRecord(m) || typeof m.event_type !== 'string' || !isRecord(m.event_payload)) {
      return { failure: failure('invalid_metadata_format') };
    }
    metadata = { event_type: m.event_type, event_payload: m.event_payload };
  }
  return {
    text,
    ...(blocks ? { blocks } : {}),
    ...(metadata ? { metadata } : {}),
  };
}
