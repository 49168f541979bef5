import { escapeMrkdwn } from '../../src/slack-text.js';
import type { SlackStandin } from '../../src/standin/server.js';

/**
 * What Slack sends when a person types `typed` into a command with `should_escape: true`: `&`, `<` and `>`
 * escaped, a `#channel` it knows as `<#C…|name>`, an `@person` it knows as `<@U…|name>`. A name it does
 * not know stays plain text.
 */
export function slackTyped(standin: SlackStandin, typed: string): string {
  const { workspace } = standin;
  return escapeMrkdwn(typed)
    .replace(/(^|\s)#([a-z0-9_-]+)/g, (whole, before: string, name: string) => {
      const channel = workspace.channels().find((c) => c.name === name);
      return channel ? `${before}<#${channel.id}|${name}>` : whole;
    })
    .replace(/(^|\s)@([a-z0-9._-]+)/g, (whole, before: string, name: string) => {
      const user = workspace.users().find((u) => u.name === name);
      return user ? `${before}<@${user.id}|${name}>` : whole;
    });
}
