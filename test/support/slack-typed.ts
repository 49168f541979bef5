import type { SlackStandin } from '../../src/standin/server.js';
import { slackTypedText } from '../../src/standin/typed-text.js';

/**
 * What Slack sends when a person types `typed` into a command with `should_escape: true`: `&`, `<` and `>`
 * escaped, a `#channel` it knows as `<#C…|name>`, an `@person` it knows as `<@U…|name>`. A name it does
 * not know stays plain text. The playground sends the same (src/standin/typed-text.ts).
 */
export function slackTyped(standin: SlackStandin, typed: string): string {
  return slackTypedText(typed, standin.workspace, 'command');
}
