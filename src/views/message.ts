import type { KnownBlock } from '@slack/types';

/** What a view returns: a message Slack can post, with the `text` fallback notifications and screen readers use. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** An App Home tab as `views.publish` takes it. */
export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}
