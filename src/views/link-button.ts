import type { Button } from '@slack/types';
import { LINK_ACTION_PREFIX } from './actions.js';
import { MAX_BUTTON_TEXT, MAX_BUTTON_URL, truncate } from './limits.js';

/**
 * A button that opens a page. Slack still sends its click to the app, which only acknowledges it
 * (`link:` ids); a URL longer than a button takes gives no button rather than a refused message.
 */
export function linkButton(label: string, url: string, name: string): Button | undefined {
  if (url.length > MAX_BUTTON_URL) return undefined;
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, MAX_BUTTON_TEXT), emoji: true },
    url,
    action_id: `${LINK_ACTION_PREFIX}${name}`,
  };
}
