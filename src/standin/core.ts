import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { FaultQueue } from './faults.js';
import type { RecordedCall, RecordedResponse } from './recording.js';
import { ResponseUrls } from './response-urls.js';
import { seedDefaultWorkspace } from './seed.js';
import { Workspace } from './workspace.js';

export interface StandinOptions {
  host?: string;
  port?: number;
  clock?: () => Date;
  botUserId?: string;
  botId?: string;
  socketUrl?: string;
  /** Start from the default workspace (users, #general, #random, #private-team, a DM); default true. */
  seed?: boolean;
}

/** Everything the stand-in's routes and its handle share. */
export interface StandinCore {
  readonly clock: () => Date;
  readonly workspace: Workspace;
  /** 'call', 'response' and 'change', for waitFor and the playground's live page. */
  readonly events: EventEmitter;
  readonly calls: RecordedCall[];
  readonly responses: RecordedResponse[];
  readonly faults: FaultQueue;
  readonly responseUrls: ResponseUrls;
  /** Requests a hang fault holds open until the stand-in closes. */
  readonly hung: Set<ServerResponse>;
  socketUrl: string | undefined;
}

export function createStandinCore(options: StandinOptions): StandinCore {
  const clock = options.clock ?? (() => new Date());
  const workspace = new Workspace(
    {
      botUserId: options.botUserId ?? 'UBOT',
      botId: options.botId ?? 'BBOT',
      appId: 'A0001',
      teamId: 'T0001',
      teamName: 'Playground',
      teamDomain: 'playground',
    },
    clock,
  );
  if (options.seed ?? true) seedDefaultWorkspace(workspace);

  const events = new EventEmitter();
  // Listeners (waitFor, the playground's browsers) come and go; the default cap of 10 would only warn.
  events.setMaxListeners(0);
  workspace.subscribe((change) => events.emit('change', change));

  return {
    clock,
    workspace,
    events,
    calls: [],
    responses: [],
    faults: new FaultQueue(),
    responseUrls: new ResponseUrls(workspace, clock),
    hung: new Set(),
    socketUrl: options.socketUrl,
  };
}
