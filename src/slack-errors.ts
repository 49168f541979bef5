/** Reading what went wrong in a Web API call, the same way everywhere. */

/** Slack's error code (`not_in_channel`, `ratelimited` …) of a failed Web API call, if Slack gave one. */
export function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: string } } | undefined)?.data?.error;
}

/** One short phrase for a log line or a reply: Slack's code, else the error's message. */
export function describeError(error: unknown): string {
  return slackErrorCode(error) ?? (error as Error).message;
}
