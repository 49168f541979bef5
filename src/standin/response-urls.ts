import { isRecord } from '../records.js';
import { messageProblems, refusal } from './block-kit.js';
import type { Workspace } from './workspace.js';

/** Where a response_url's answers land: the conversation and person of the command or interaction. */
export interface ResponseTarget {
  channel?: string;
  user?: string;
  /** For interactions: the message holding the clicked component, which replace/delete_original act on. */
  messageTs?: string;
  /** Answers go into this thread unless the posted body names its own thread_ts. */
  threadTs?: string;
}

interface ResponseUrlState {
  id: string;
  channel: string;
  user: string;
  /** Fixed for interactions; for commands it follows the latest answer. */
  sourceMessageTs: string | undefined;
  lastAnswerTs: string | undefined;
  threadTs: string | undefined;
  uses: number;
  createdAt: Date;
  expired: boolean;
}

export interface ResponseOutcome {
  status: number;
  text: string;
  /** Why Slack refused the body (`[ERROR] … [json-pointer:/blocks/0/text/text]`), when it did. */
  problems?: string[];
}

// Slack: "use a response_url up to five times within thirty minutes".
const MAX_USES = 5;
const LIFETIME_MS = 30 * 60 * 1000;

export class ResponseUrls {
  private readonly urls = new Map<string, ResponseUrlState>();
  private nextNumber = 1;

  constructor(
    private readonly workspace: Workspace,
    private readonly clock: () => Date,
  ) {}

  create(target: ResponseTarget = {}): string {
    const id = `R${String(this.nextNumber++).padStart(6, '0')}`;
    this.urls.set(id, {
      id,
      channel: target.channel ?? 'C_GENERAL',
      user: target.user ?? 'U_MEMBER',
      sourceMessageTs: target.messageTs,
      lastAnswerTs: undefined,
      threadTs: target.threadTs,
      uses: 0,
      createdAt: this.clock(),
      expired: false,
    });
    return id;
  }

  expire(id: string): void {
    const state = this.urls.get(id);
    if (state) state.expired = true;
  }

  /**
   * `acknowledgement`: a slash command's ack body, which Slack shows like a first answer at the command's
   * response_url (a later replace_original/delete_original acts on it) without using one of its five uses.
   */
  handle(id: string, body: unknown, options: { acknowledgement?: boolean } = {}): ResponseOutcome {
    const state = this.urls.get(id);
    if (!state) return { status: 404, text: 'no_service' };
    if (state.expired || this.clock().getTime() - state.createdAt.getTime() > LIFETIME_MS) {
      return { status: 404, text: 'expired_url' };
    }
    if (!options.acknowledgement && state.uses >= MAX_USES) return { status: 404, text: 'used_url' };
    if (!isRecord(body)) return { status: 400, text: 'invalid_payload' };
    if (!this.workspace.channel(state.channel)) return { status: 404, text: 'channel_not_found' };
    if (!options.acknowledgement) state.uses += 1;

    const originalTs = state.sourceMessageTs ?? state.lastAnswerTs;
    if (isTrue(body.delete_original)) {
      if (originalTs) this.workspace.deleteMessage(state.channel, originalTs);
      state.sourceMessageTs = undefined;
      state.lastAnswerTs = undefined;
      return { status: 200, text: 'ok' };
    }

    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? (body.blocks as unknown[]) : undefined;
    if (text === '' && !blocks?.length) return { status: 400, text: 'no_text' };
    const problems = messageProblems({ text: body.text, blocks: body.blocks });
    if (problems.length > 0) {
      const refused = refusal(problems, 'message');
      return { status: 400, text: refused.error, problems: refused.response_metadata.messages };
    }
    const inChannel = body.response_type === 'in_channel';

    const original = originalTs ? this.workspace.message(state.channel, originalTs) : undefined;
    if (isTrue(body.replace_original) && original) {
      this.workspace.updateMessage(state.channel, original.ts, {
        text,
        blocks,
        replaced: true,
        ...(inChannel ? { ephemeralTo: undefined } : {}),
      });
      return { status: 200, text: 'ok' };
    }

    const { botUserId, botId } = this.workspace.identity;
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : state.threadTs;
    const posted = this.workspace.addMessage(state.channel, {
      user: botUserId,
      bot_id: botId,
      text,
      blocks,
      thread_ts: threadTs,
      ephemeralTo: inChannel ? undefined : state.user,
    });
    state.lastAnswerTs = posted.ts;
    return { status: 200, text: 'ok' };
  }
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
