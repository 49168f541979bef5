/**
 * What the person does on the page, turned into what Slack would send the app (signed slash commands,
 * events and interactions, built by the stand-in's request helpers), and the stand-in's workspace turned
 * back into the page's state.
 */
import type { Logger } from '@slack/logger';
import { z } from 'zod';
import { isRecord, type Rec } from '../records.js';
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
import { slackTypedText } from '../standin/typed-text.js';
import type { PageResult, PlaygroundPerson, PlaygroundState } from './client/types.js';
import { playgroundState } from './state.js';

export const SLACKBOT = 'USLACKBOT';
export const COMMAND = '/hackathon';
/** Slack shows "failed with the error operation_timeout" when a command is not acknowledged in 3 s. */
const ACK_TIMEOUT_MS = 3000;
/** Far below the page server's body limit; Slack's own message limit is 40,000 characters. */
const MAX_TEXT = 40_000;

const personSchema = z.object({ user: z.string().min(1).max(50) });

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
  /** Who the person at the keyboard is at first. */
  me: string;
  /** Everyone they may act as, to see what each would see (an announcer, a member who is refused). */
  people: PlaygroundPerson[];
  logger: Logger;
}

export class SlackBridge {
  private eventNumber = 0;
  private me: string;

  constructor(private readonly options: BridgeOptions) {
    this.me = options.me;
  }

  /** `POST /playground/person`: from now on the page acts, and sees, as this person. */
  actAs(body: unknown): PageResult {
    const parsed = personSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'Expected { user }' };
    if (!this.options.people.some((p) => p.id === parsed.data.user)) {
      return { ok: false, error: `No one called ${parsed.data.user} in the playground` };
    }
    this.me = parsed.data.user;
    return { ok: true };
  }

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
      ephemeralTo: this.me,
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }

  /** `POST /playground/send`: a slash command, a mention of the app, or just a message. */
  async send(body: unknown): Promise<PageResult> {
    const parsed = sendSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'Expected { channel, text, threadTs? }' };
    const { channel, threadTs } = parsed.data;
    const text = parsed.data.text.trim();
    if (text === '') return { ok: false, error: 'Nothing to send' };
    const found = this.workspace.channel(channel);
    if (!found?.members.has(this.me)) return { ok: false, error: `No channel ${channel}` };
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
  ): Promise<PageResult> {
    const { me } = this;
    const { standin } = this.options;
    // In Slack a command's private answers stay where it was typed, a thread included.
    const responseUrl = standin.responseUrl({ channel, user: me, ...(threadTs ? { threadTs } : {}) });
    const sent = sendSlashCommand(
      this.options.requestUrl,
      this.options.signingSecret,
      {
        // As Slack sends it with should_escape: entities, and known #channels and @people as links.
        text: slackTypedText(text, this.workspace, 'command'),
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
      const why = outcome.problems?.length ? `: ${outcome.problems.join('; ')}` : '';
      this.options.logger.warn(
        `Playground: Slack would not show the acknowledgement (${outcome.text})${why}`,
      );
      return failed(outcome.text);
    }
    return { ok: true };
  }

  private async message(channel: string, typed: string, threadTs: string | undefined): Promise<PageResult> {
    // Typed "@hackathon-bot" (or "@hackathon") becomes a real mention, as Slack's autocomplete would make it.
    const mention = `<@${this.botUserId}>`;
    const text = slackTypedText(typed, this.workspace, 'message', { aliases: { hackathon: this.botUserId } });
    const mentioned = text.includes(mention);
    const stored = this.workspace.addMessage(channel, {
      user: this.me,
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
      user: this.me,
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
  openHome(): Promise<PageResult> {
    const { me } = this;
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
  async action(body: unknown): Promise<PageResult> {
    const parsed = actionSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: 'Expected { messageId, channel, actionId, … }' };
    const request = parsed.data;
    const { me } = this;
    const { standin } = this.options;

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
      user: this.me,
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

  private async deliver(what: string, send: () => Promise<SlackHttpResponse>): Promise<PageResult> {
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

  /** Everything the person can see: their channels, messages (their own ephemerals only), Home and reminders. */
  state(): PlaygroundState {
    return playgroundState(this.workspace, this.me, this.options.people);
  }
}

function timeout(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
}
