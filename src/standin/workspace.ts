import { createHash } from 'node:crypto';
import { compareTs } from '../slack-timestamps.js';
import type {
  NewChannel,
  NewMessage,
  NewUser,
  PublishedHomeView,
  ScheduledMessage,
  StandinChannel,
  StandinUser,
  StoredMessage,
  WorkspaceChange,
} from './model.js';
import { TsSequence, unixSeconds } from './timestamps.js';

export interface WorkspaceIdentity {
  botUserId: string;
  botId: string;
  appId: string;
  teamId: string;
  teamName: string;
  teamDomain: string;
}

export type ScheduleInput = Omit<ScheduledMessage, 'id' | 'date_created'>;

/** The in-memory Slack workspace behind the stand-in. Every mutation announces itself to subscribers. */
export class Workspace {
  readonly identity: WorkspaceIdentity;
  private readonly clock: () => Date;
  private readonly tsSequence = new TsSequence();
  private readonly usersById = new Map<string, StandinUser>();
  private readonly channelsById = new Map<string, StandinChannel>();
  private readonly messagesByChannel = new Map<string, StoredMessage[]>();
  private readonly scheduledById = new Map<string, ScheduledMessage>();
  private readonly homeViews = new Map<string, PublishedHomeView>();
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();
  // Starts high so ids keep one width (and sort as strings) for a long while.
  private nextScheduledNumber = 1_000_000_001;
  private nextViewNumber = 1;
  // Every publish gets a new hash, as in Slack, even with a clock that stands still.
  private publishCount = 0;

  constructor(identity: WorkspaceIdentity, clock: () => Date) {
    this.identity = identity;
    this.clock = clock;
  }

  subscribe(listener: (change: WorkspaceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  nextTs(at: Date = this.clock()): string {
    return this.tsSequence.next(at);
  }

  addUser(input: NewUser): StandinUser {
    const user: StandinUser = {
      id: input.id,
      name: input.name,
      real_name: input.real_name ?? input.name,
      tz: input.tz ?? 'America/Los_Angeles',
      is_admin: input.is_admin ?? false,
      is_owner: input.is_owner ?? false,
      is_bot: input.is_bot ?? false,
    };
    this.usersById.set(user.id, user);
    this.emit({ kind: 'user', user: user.id });
    return user;
  }

  user(id: string): StandinUser | undefined {
    return this.usersById.get(id);
  }

  users(): StandinUser[] {
    return [...this.usersById.values()];
  }

  addChannel(input: NewChannel): StandinChannel {
    const isIm = input.is_im ?? false;
    const members = new Set(input.members ?? []);
    if (isIm) {
      // An im is always between the bot and one person, whatever the caller listed.
      members.add(this.identity.botUserId);
      if (input.user) members.add(input.user);
    }
    const channel: StandinChannel = {
      id: input.id,
      name: input.name ?? input.user ?? input.id,
      is_private: isIm || (input.is_private ?? false),
      is_im: isIm,
      is_archived: input.is_archived ?? false,
      members,
      created: unixSeconds(this.clock()),
      ...(input.user ? { user: input.user } : {}),
    };
    this.channelsById.set(channel.id, channel);
    if (!this.messagesByChannel.has(channel.id)) this.messagesByChannel.set(channel.id, []);
    this.emit({ kind: 'channel', channel: channel.id });
    return channel;
  }

  channel(id: string): StandinChannel | undefined {
    return this.channelsById.get(id);
  }

  channels(): StandinChannel[] {
    return [...this.channelsById.values()];
  }

  isMember(channelId: string, userId: string = this.identity.botUserId): boolean {
    return this.channelsById.get(channelId)?.members.has(userId) ?? false;
  }

  join(channelId: string, userId: string = this.identity.botUserId): void {
    const channel = this.requireChannel(channelId);
    channel.members.add(userId);
    this.emit({ kind: 'channel', channel: channelId });
  }

  leave(channelId: string, userId: string = this.identity.botUserId): void {
    const channel = this.requireChannel(channelId);
    channel.members.delete(userId);
    this.emit({ kind: 'channel', channel: channelId });
  }

  /** The bot's im with a user, created the way Slack opens one on first use. */
  imWith(userId: string): StandinChannel {
    const existing = this.channels().find((c) => c.is_im && c.user === userId);
    if (existing) return existing;
    let id = `D${userId.slice(1)}`;
    while (this.channelsById.has(id)) id = `${id}X`;
    return this.addChannel({ id, is_im: true, user: userId });
  }

  /** Everything stored for a channel, oldest first: top-level, thread replies and ephemeral messages. */
  messages(channelId: string): StoredMessage[] {
    return [...(this.messagesByChannel.get(channelId) ?? [])];
  }

  message(channelId: string, ts: string): StoredMessage | undefined {
    return this.messagesByChannel.get(channelId)?.find((m) => m.ts === ts);
  }

  addMessage(channelId: string, input: NewMessage): StoredMessage {
    this.requireChannel(channelId);
    const { ts, ...rest } = input;
    const message: StoredMessage = { ...dropUndefined(rest), ts: ts ?? this.nextTs() };
    const list = this.messagesByChannel.get(channelId) ?? [];
    list.push(message);
    list.sort((a, b) => compareTs(a.ts, b.ts));
    this.messagesByChannel.set(channelId, list);
    this.emit({ kind: 'message', channel: channelId, ts: message.ts, action: 'added' });
    return message;
  }

  updateMessage(
    channelId: string,
    ts: string,
    patch: Partial<Omit<StoredMessage, 'ts'>>,
  ): StoredMessage | undefined {
    const message = this.message(channelId, ts);
    if (!message) return undefined;
    Object.assign(message, patch);
    for (const key of Object.keys(patch) as (keyof StoredMessage)[]) {
      if (message[key] === undefined) delete message[key];
    }
    this.emit({ kind: 'message', channel: channelId, ts, action: 'updated' });
    return message;
  }

  deleteMessage(channelId: string, ts: string): boolean {
    const list = this.messagesByChannel.get(channelId);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    this.emit({ kind: 'message', channel: channelId, ts, action: 'deleted' });
    return true;
  }

  schedule(input: ScheduleInput): ScheduledMessage {
    const scheduled: ScheduledMessage = {
      ...dropUndefined(input),
      id: `Q${this.nextScheduledNumber++}`,
      date_created: unixSeconds(this.clock()),
    };
    this.scheduledById.set(scheduled.id, scheduled);
    this.emit({ kind: 'scheduled', channel: scheduled.channel, id: scheduled.id, action: 'added' });
    return scheduled;
  }

  /** Pending scheduled messages, by post_at then id. */
  scheduled(channelId?: string): ScheduledMessage[] {
    return [...this.scheduledById.values()]
      .filter((s) => channelId === undefined || s.channel === channelId)
      .sort(byPostAt);
  }

  unschedule(id: string): boolean {
    const scheduled = this.scheduledById.get(id);
    if (!scheduled) return false;
    this.scheduledById.delete(id);
    this.emit({ kind: 'scheduled', channel: scheduled.channel, id, action: 'deleted' });
    return true;
  }

  /**
   * Posts every scheduled message whose post_at has come, as the bot, the way Slack would; one scheduled
   * with metadata leaves the queue without posting (Slack's documented bug).
   */
  deliverDueScheduled(now: Date = this.clock()): StoredMessage[] {
    const nowSeconds = unixSeconds(now);
    // Filtered before sorting: this runs before every API call, with thousands pending in big tests.
    const due = [...this.scheduledById.values()].filter((s) => s.post_at <= nowSeconds).sort(byPostAt);
    const posted: StoredMessage[] = [];
    for (const s of due) {
      this.scheduledById.delete(s.id);
      const lost = s.metadata !== undefined;
      this.emit({ kind: 'scheduled', channel: s.channel, id: s.id, action: lost ? 'lost' : 'delivered' });
      if (lost) continue;
      posted.push(
        this.addMessage(s.channel, {
          user: this.identity.botUserId,
          bot_id: this.identity.botId,
          text: s.text,
          blocks: s.blocks,
          thread_ts: s.thread_ts,
          ts: this.nextTs(new Date(s.post_at * 1000)),
        }),
      );
    }
    return posted;
  }

  /**
   * What `userId` sees in a channel, oldest first: every message for everyone, their own ephemeral ones, and
   * nothing Slack would not show.
   */
  visibleTo(channelId: string, userId: string): StoredMessage[] {
    return this.messages(channelId).filter(
      (m) => m.notShown === undefined && (m.ephemeralTo === undefined || m.ephemeralTo === userId),
    );
  }

  homeView(userId: string): PublishedHomeView | undefined {
    return this.homeViews.get(userId);
  }

  publishHome(userId: string, view: Record<string, unknown>): PublishedHomeView {
    const previous = this.homeViews.get(userId);
    const updatedAt = this.clock();
    this.publishCount += 1;
    const home: PublishedHomeView = {
      id: previous?.id ?? `VHOME${String(this.nextViewNumber++).padStart(6, '0')}`,
      user: userId,
      view,
      hash: createHash('sha1')
        .update(`${this.publishCount}:${JSON.stringify(view)}`)
        .digest('hex'),
      updatedAt,
    };
    this.homeViews.set(userId, home);
    this.emit({ kind: 'home', user: userId });
    return home;
  }

  private requireChannel(id: string): StandinChannel {
    const channel = this.channelsById.get(id);
    if (!channel) throw new Error(`Stand-in workspace has no channel ${id}`);
    return channel;
  }

  private emit(change: WorkspaceChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

function byPostAt(a: ScheduledMessage, b: ScheduledMessage): number {
  return a.post_at - b.post_at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
