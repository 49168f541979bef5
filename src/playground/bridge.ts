/**
 * What the person does on the page, turned into what Slack would send the app (signed slash commands,
 * events and interactions, built by the stand-in's request helpers), and the stand-in's workspace turned
 * back into the page's state.
 */
import type { Logger } from '@slack/logger';
import { z } from 'zod';
import type { StoredMessage } from '../standin/model.js';
import {
  appHomeOpenedEnvelope,
  appMentionEnvelope,
  blockActionsPayload,
  type SlackHttpResponse,
  sendEvent,
  sendInteraction,
  sendSlashCommand,
} from '../standin/requests.js';
import type { SlackStandin } from '../standin/server.js';
import type { ApiResult, PlaygroundMessage, PlaygroundState } from './client/types.js';

export const SLACKBOT = 'USLACKBOT';
export const COMMAND = '/hackathon';
/** Slack shows "failed with the error operation_timeout" when a command is not acknowledged in 3 s. */
const ACK_TIMEOUT_MS = 3000;
/** Far below the page server's body limit; Slack's own message limit is 40,000 characters. */
const MAX_TEXT = 40_000;

const sendSchema = z.object({
  channel: z.string().min(1).max(50),
  text: z.string().max(MAX_TEXT),
  threadTs: z.string().max(30).optional(),
});

const actionSchema = z.object({
  messageId: z.string().max(100),
  channel: z.string().max(50),
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000).optional(),
  blockId: z.string().max(255).optional(),
  selectedOption: z
    .object({
      text: z.object({ type: z.literal('plain_text'), text: z.string().max(2000) }),
      value: z.string().max(2000),
    })
    .optional(),
});

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Slack escapes exactly these three in what people type; the app and the page's renderer expect it. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function messageId(channel: string, ts: string): string {
  return `${channel}:${ts}`;
}

interface FoundElement {
  element: Rec;
  blockId: string | undefined;
}

/** The interactive element with `actionId`, in actions blocks or as a section accessory. */
function findElement(blocks: unknown, actionId: string): FoundElement | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const blockId = typeof block.block_id === 'string' ? block.block_id : undefined;
    const candidates = [...(Array.isArray(block.elements) ? block.elements : []), block.accessory];
    for (const element of candidates) {
      if (isRecord(element) && element.action_id === actionId) return { element, blockId };
    }
  }
  return undefined;
}

function plainTextOf(value: unknown): string {
  return isRecord(value) && typeof value.text === 'string' ? value.text : '';
}

/** Slack sends a select's or overflow's option only if the element offered it. */
function offeredOptions(element: Rec): Rec[] {
  const direct = Array.isArray(element.options) ? element.options : [];
  const grouped = Array.isArray(element.option_groups)
    ? element.option_groups.flatMap((g) => (isRecord(g) && Array.isArray(g.options) ? g.options : []))
    : [];
  return [...direct, ...grouped].filter(isRecord);
}

export interface BridgeOptions {
  standin: SlackStandin;
  /** The bot's `…/slack/events`. */
  requestUrl: string;
  signingSecret: string;
  /** The person using the page. */
  me: string;
  logger: Logger;
}

export class SlackBridge {
  private eventNumber = 0;

  constructor(private readonly options: BridgeOptions) {}

  private get workspace() {
    return this.options.standin.workspace;
  }

  private get botUserId(): string {
    return this.workspace.identity.botUserId;
  }

  /** A private note from Slack itself, as Slack shows command failures. */
  notify(channel: string, text: string, threadTs?: string): void {
    this.workspace.addMessage(channel, {
      user: SLACKBOT,
      text,
      ephemeralTo: this.options.me,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }

  /** `POST /playground/send`: a slash command, a mention of the app, or just a message. */
  async send(body: unknown): Promise<ApiResult> {
    const parsed = sendSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'Expected { channel, text, threadTs? }' };
    const { channel, threadTs } = parsed.data;
    const text = parsed.data.text.trim();
    if (text === '') return { ok: false, error: 'Nothing to send' };
    const found = this.workspace.channel(channel);
    if (!found?.members.has(this.options.me)) return { ok: false, error: `No channel ${channel}` };
    let thread: string | undefined;
    if (threadTs !== undefined) {
      const parent = this.workspace.message(channel, threadTs);
      if (!parent) return { ok: false, error: 'That thread is gone' };
      thread = parent.thread_ts ?? parent.ts;
    }

    const command = /^(\/[\w-]+)(?:\s+([\s\S]*))?$/.exec(text);
    if (command) {
      if (command[1]?.toLowerCase() !== COMMAND) {
        return { ok: false, error: `${command[1]} is not a command here: the playground has ${COMMAND}` };
      }
      return this.slashCommand(channel, command[2] ?? '', thread);
    }
    return this.message(channel, text, thread);
  }

  private async slashCommand(
    channel: string,
    text: string,
    threadTs: string | undefined,
  ): Promise<ApiResult> {
    const { standin, me } = this.options;
    // In Slack a command's private answers stay where it was typed, a thread included.
    const responseUrl = standin.responseUrl({ channel, user: me, ...(threadTs ? { threadTs } : {}) });
    const sent = sendSlashCommand(
      this.options.requestUrl,
      this.options.signingSecret,
      {
        text: slackEscape(text),
        user_id: me,
        user_name: this.workspace.user(me)?.name ?? me,
        channel_id: channel,
        channel_name: this.channelName(channel),
        response_url: responseUrl,
        command: COMMAND,
      },
      { refusedAcknowledgement: 'keep' },
    );
    const failed = (error: string) => {
      this.notify(channel, `${COMMAND} failed with the error "${error}"`, threadTs);
      return { ok: true } as const;
    };
    let response: SlackHttpResponse | 'timeout';
    try {
      response = await Promise.race([sent, timeout(ACK_TIMEOUT_MS)]);
    } catch (error) {
      this.options.logger.warn(`Playground: the app did not answer ${COMMAND}: ${(error as Error).message}`);
      return failed('dispatch_failed');
    }
    if (response === 'timeout') return failed('operation_timeout');
    if (response.status !== 200) {
      this.options.logger.warn(`Playground: the app answered ${COMMAND} with HTTP ${response.status}`);
      return failed('dispatch_failed');
    }
    if (response.body.trim() === '') return { ok: true };
    let ack: unknown;
    try {
      ack = response.json();
    } catch {
      // Slack shows a plain-text acknowledgement as the message text.
      ack = { text: response.body };
    }
    const outcome = standin.acknowledgeCommand(responseUrl, ack);
    if (outcome.status !== 200) {
      this.options.logger.warn(`Playground: Slack would not show the acknowledgement: ${outcome.text}`);
      return failed(outcome.text);
    }
    return { ok: true };
  }

  private async message(channel: string, typed: string, threadTs: string | undefined): Promise<ApiResult> {
    // Typed "@hackathon-bot" becomes a real mention, as Slack's autocomplete would make it.
    const mention = `<@${this.botUserId}>`;
    let mentioned = false;
    const text = slackEscape(typed).replace(
      /(^|[\s(])@hackathon(?:-bot)?(?=$|[\s.,:;!?)])/gi,
      (_whole, before: string) => {
        mentioned = true;
        return `${before}${mention}`;
      },
    );
    const stored = this.workspace.addMessage(channel, {
      user: this.options.me,
      text,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
    if (!mentioned) return { ok: true };
    if (!this.workspace.isMember(channel)) {
      this.notify(
        channel,
        `You mentioned <@${this.botUserId}>, but it is not in this channel, so it was not told. Try #general.`,
        threadTs,
      );
      return { ok: true };
    }
    const envelope = appMentionEnvelope({
      text,
      user: this.options.me,
      channel,
      ts: stored.ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      eventId: this.nextEventId(),
    });
    return this.deliver('app_mention', () =>
      sendEvent(this.options.requestUrl, this.options.signingSecret, envelope),
    );
  }

  /** `POST /playground/home`: the person opened the app's Home tab. */
  openHome(): Promise<ApiResult> {
    const { me } = this.options;
    const envelope = appHomeOpenedEnvelope({
      user: me,
      channel: this.workspace.imWith(me).id,
      eventId: this.nextEventId(),
    });
    return this.deliver('app_home_opened', () =>
      sendEvent(this.options.requestUrl, this.options.signingSecret, envelope),
    );
  }

  /** `POST /playground/action`: a click on a button, select or overflow in a message or the Home tab. */
  async action(body: unknown): Promise<ApiResult> {
    const parsed = actionSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'Expected { messageId, channel, actionId, … }' };
    const request = parsed.data;
    const { me, standin } = this.options;

    let payload: Rec;
    if (request.messageId === 'home') {
      const home = this.workspace.homeView(me);
      const found = home ? findElement(home.view.blocks, request.actionId) : undefined;
      if (!home || !found) return { ok: false, error: 'That control is no longer on the Home tab' };
      const built = this.basePayload(request, found, request.channel || this.workspace.imWith(me).id, '');
      if ('error' in built) return { ok: false, error: built.error };
      // Home-tab clicks come with the view and no response_url: there is no message to answer.
      payload = built.payload;
      delete payload.response_url;
      delete payload.channel;
      payload.container = { type: 'view', view_id: home.id };
      payload.view = { id: home.id, type: 'home', hash: home.hash, ...home.view };
    } else {
      const [channel = '', ts = ''] = request.messageId.split(':');
      const message = this.workspace.message(channel, ts);
      if (!message || (message.ephemeralTo !== undefined && message.ephemeralTo !== me)) {
        return { ok: false, error: 'That message is gone' };
      }
      const found = findElement(message.blocks, request.actionId);
      if (!found) return { ok: false, error: 'That control is no longer in the message' };
      const ephemeral = message.ephemeralTo !== undefined;
      const responseUrl = standin.responseUrl({
        channel,
        user: me,
        messageTs: message.ts,
        ...(message.thread_ts ? { threadTs: message.thread_ts } : {}),
      });
      const built = this.basePayload(request, found, channel, responseUrl);
      if ('error' in built) return { ok: false, error: built.error };
      payload = built.payload;
      payload.container = {
        type: 'message',
        message_ts: message.ts,
        channel_id: channel,
        is_ephemeral: ephemeral,
      };
      // Slack describes the clicked message only when everyone can see it.
      if (!ephemeral) payload.message = this.messageObject(message);
      else delete payload.message;
    }
    return this.deliver('block_actions', () =>
      sendInteraction(this.options.requestUrl, this.options.signingSecret, payload),
    );
  }

  /** The block_actions payload for the element Slack has on record; the page only says which one. */
  private basePayload(
    request: z.infer<typeof actionSchema>,
    found: FoundElement,
    channel: string,
    responseUrl: string,
  ): { payload: Rec } | { error: string } {
    const { element } = found;
    const type = typeof element.type === 'string' ? element.type : 'button';
    // Slack makes up a block_id when the app gave none; the page's echo of it is as good as any.
    const blockId = found.blockId ?? request.blockId ?? 'playground';
    const payload = blockActionsPayload({
      user: this.options.me,
      channel,
      actionId: request.actionId,
      value: typeof element.value === 'string' ? element.value : '',
      responseUrl,
      blockId,
      buttonText: plainTextOf(element.text),
    }) as unknown as Rec;
    if (type !== 'button') {
      const option = offeredOptions(element).find((o) => o.value === request.selectedOption?.value);
      if (!option) return { error: 'Pick one of the offered options' };
      const [action] = payload.actions as Rec[];
      payload.actions = [
        {
          type,
          action_id: request.actionId,
          block_id: blockId,
          selected_option: option,
          ...(element.placeholder ? { placeholder: element.placeholder } : {}),
          action_ts: action?.action_ts,
        },
      ];
    }
    return { payload };
  }

  private messageObject(message: StoredMessage): Rec {
    return {
      type: 'message',
      ts: message.ts,
      text: message.text,
      ...(message.user ? { user: message.user } : {}),
      ...(message.bot_id ? { bot_id: message.bot_id, app_id: this.workspace.identity.appId } : {}),
      ...(message.blocks ? { blocks: message.blocks } : {}),
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      team: this.workspace.identity.teamId,
    };
  }

  private async deliver(what: string, send: () => Promise<SlackHttpResponse>): Promise<ApiResult> {
    try {
      const response = await send();
      if (response.status === 200) return { ok: true };
      this.options.logger.warn(`Playground: the app answered ${what} with HTTP ${response.status}`);
      return { ok: false, error: `The app answered ${what} with HTTP ${response.status}` };
    } catch (error) {
      this.options.logger.warn(`Playground: could not deliver ${what}: ${(error as Error).message}`);
      return { ok: false, error: `The app did not answer ${what}` };
    }
  }

  private nextEventId(): string {
    this.eventNumber += 1;
    return `Ev${Date.now().toString(36).toUpperCase()}${String(this.eventNumber).padStart(4, '0')}`;
  }

  private channelName(id: string): string {
    const channel = this.workspace.channel(id);
    // Slack names every DM "directmessage" in command payloads.
    return channel?.is_im ? 'directmessage' : (channel?.name ?? id.toLowerCase());
  }

  private userName(id: string | undefined): string | undefined {
    if (!id) return undefined;
    const user = this.workspace.user(id);
    if (!user) return undefined;
    return user.is_bot ? user.name : user.real_name;
  }

  /** Everything the person can see: their channels, messages (their own ephemerals only), Home and reminders. */
  state(): PlaygroundState {
    const { me } = this.options;
    const channels = this.workspace
      .channels()
      .filter((c) => c.members.has(me) && !c.is_archived)
      .map((c) => ({
        id: c.id,
        name: c.is_im ? (this.userName(this.botUserId) ?? 'hackathon-bot') : c.name,
        kind: c.is_im ? ('im' as const) : c.is_private ? ('private' as const) : ('public' as const),
      }));
    const messages: PlaygroundMessage[] = [];
    for (const channel of channels) {
      for (const m of this.workspace.messages(channel.id)) {
        if (m.ephemeralTo !== undefined && m.ephemeralTo !== me) continue;
        const author = m.user ? this.workspace.user(m.user) : undefined;
        const message: PlaygroundMessage = {
          id: messageId(channel.id, m.ts),
          ts: m.ts,
          channel: channel.id,
          isBot: m.bot_id !== undefined || author?.is_bot === true,
          text: m.text,
        };
        if (m.user) message.user = m.user;
        const name = this.userName(m.user);
        if (name) message.userName = name;
        if (m.thread_ts) message.threadTs = m.thread_ts;
        if (m.blocks) message.blocks = m.blocks;
        if (m.ephemeralTo !== undefined) message.ephemeral = true;
        messages.push(message);
      }
    }
    const home = this.workspace.homeView(me);
    const homeBlocks = home && Array.isArray(home.view.blocks) ? (home.view.blocks as unknown[]) : undefined;
    return {
      channels,
      messages,
      home: homeBlocks ? { blocks: homeBlocks } : null,
      scheduled: this.workspace
        .scheduled()
        .map((s) => ({ id: s.id, channel: s.channel, postAt: s.post_at, text: s.text })),
      me: { id: me, name: this.userName(me) ?? me },
    };
  }
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}
