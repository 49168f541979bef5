export interface StandinUser {
  id: string;
  name: string;
  real_name: string;
  /** IANA zone; Slack's default for users who never set one is America/Los_Angeles. */
  tz: string;
  is_admin: boolean;
  is_owner: boolean;
  is_bot: boolean;
}

export interface NewUser {
  id: string;
  name: string;
  real_name?: string;
  tz?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_bot?: boolean;
}

export interface StandinChannel {
  id: string;
  name: string;
  is_private: boolean;
  is_im: boolean;
  is_archived: boolean;
  /** For an im: the human on the other side. */
  user?: string;
  members: Set<string>;
  created: number;
}

export interface NewChannel {
  id: string;
  name?: string;
  is_private?: boolean;
  is_im?: boolean;
  is_archived?: boolean;
  user?: string;
  members?: string[];
}

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface StoredMessage {
  ts: string;
  user?: string;
  bot_id?: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  reply_broadcast?: boolean;
  metadata?: MessageMetadata;
  /** Ephemeral messages are never returned by the Web API; they are kept so the playground can show them. */
  ephemeralTo?: string;
  /** Set when a response_url replace_original rewrote the message in place. */
  replaced?: boolean;
  /**
   * Why Slack never shows this message though the API answered ok: an ephemeral message into a thread with
   * no replies yet. Kept so tests can see what was lost; never shown in the playground.
   */
  notShown?: 'inactive_thread';
}

/** A message to store: a stored one whose `ts` defaults to a fresh one from the workspace clock. */
export type NewMessage = Omit<StoredMessage, 'ts' | 'replaced'> & { ts?: string };

export interface ScheduledMessage {
  id: string;
  channel: string;
  post_at: number;
  date_created: number;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  metadata?: MessageMetadata;
}

export interface PublishedHomeView {
  id: string;
  user: string;
  view: Record<string, unknown>;
  hash: string;
  updatedAt: Date;
}

export type WorkspaceChange =
  | { kind: 'user'; user: string }
  | { kind: 'channel'; channel: string }
  | { kind: 'message'; channel: string; ts: string; action: 'added' | 'updated' | 'deleted' }
  | {
      kind: 'scheduled';
      channel: string;
      id: string;
      /** `lost`: due, but Slack never posts it (a scheduled message with metadata). */
      action: 'added' | 'deleted' | 'delivered' | 'lost';
    }
  | { kind: 'home'; user: string };
