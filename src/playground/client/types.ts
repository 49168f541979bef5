/** One message as the playground server stores it: channel messages, thread replies and ephemerals alike. */
export interface PlaygroundMessage {
  id: string;
  ts: string;
  channel: string;
  user?: string;
  userName?: string;
  isBot: boolean;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  ephemeral?: boolean;
  replyCount?: number;
}

export type ChannelKind = 'public' | 'private' | 'im';

export interface PlaygroundChannel {
  id: string;
  name: string;
  kind: ChannelKind;
}

export interface PlaygroundScheduled {
  id: string;
  channel: string;
  /** Unix seconds, as `chat.scheduleMessage` takes it. */
  postAt: number;
  text: string;
}

/** Someone the person at the keyboard can act as, to see what they would see. */
export interface PlaygroundPerson {
  id: string;
  name: string;
  /** Whether the bot lets them announce and manage reminders. */
  announcer: boolean;
}

export interface PlaygroundState {
  channels: PlaygroundChannel[];
  messages: PlaygroundMessage[];
  home: { blocks: unknown[] } | null;
  scheduled: PlaygroundScheduled[];
  me: { id: string; name: string };
  people: PlaygroundPerson[];
  /** The stand-in workspace's address (`https://playground.slack.com/`), which its permalinks start with. */
  workspaceUrl?: string;
}

export type PageResult = { ok: true } | { ok: false; error: string };

export interface PersonRequest {
  user: string;
}

export interface SendRequest {
  channel: string;
  text: string;
  threadTs?: string;
}

/** Slack's own `selected_option` shape, so the server can pass it through to the block_actions payload. */
export interface SelectedOption {
  text: { type: 'plain_text'; text: string };
  value: string;
}

export interface ActionRequest {
  messageId: string;
  channel: string;
  actionId: string;
  value?: string;
  blockId?: string;
  selectedOption?: SelectedOption;
}
