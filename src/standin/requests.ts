import { createHmac } from 'node:crypto';
import { acknowledgementProblems, refusal } from './block-kit.js';
import { type SlashCommandFields, slashCommandPayload } from './payloads.js';

export {
  type AppHomeOpenedOptions,
  type AppMentionOptions,
  appHomeOpenedEnvelope,
  appMentionEnvelope,
  type BlockActionsOptions,
  blockActionsPayload,
  type SlashCommandFields,
  slashCommandPayload,
} from './payloads.js';

export interface SlackHttpResponse {
  status: number;
  headers: Headers;
  /** The raw text the app answered with; Bolt acks with an empty body unless ack() got content. */
  body: string;
  /** The body parsed as JSON; undefined for an empty body. */
  json(): unknown;
}

export interface SigningOptions {
  /** Unix seconds; defaults to now. Set it in the past to test stale-request rejection. */
  timestamp?: number;
  /** Replaces the computed signature, to test forged requests. */
  signature?: string;
}

export interface EventDeliveryOptions extends SigningOptions {
  retryNum?: number;
  retryReason?: string;
}

export function signRequest(
  signingSecret: string,
  body: string,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestamp) };
}

async function deliver(
  requestUrl: string,
  signingSecret: string,
  body: string,
  contentType: string,
  options: SigningOptions & { extraHeaders?: Record<string, string> } = {},
): Promise<SlackHttpResponse> {
  const signed = signRequest(signingSecret, body, options.timestamp);
  const response = await fetch(requestUrl, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      accept: 'application/json,*/*',
      ...signed,
      ...(options.signature ? { 'x-slack-signature': options.signature } : {}),
      ...options.extraHeaders,
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text,
    json: () => (text.trim() === '' ? undefined : JSON.parse(text)),
  };
}

/** A command acknowledgement Slack would not show: Slack tells the person the command failed instead. */
export class RefusedAcknowledgementError extends Error {
  constructor(
    /** What Slack would say: `invalid_blocks`, or `no_text` for blocks without a fallback. */
    readonly error: string,
    /** `[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]`, … */
    readonly messages: string[],
  ) {
    super(`Slack would refuse this command acknowledgement (${error}):\n${messages.join('\n')}`);
    this.name = 'RefusedAcknowledgementError';
  }
}

export interface SlashCommandOptions extends SigningOptions {
  /**
   * `throw` (the default): an acknowledgement body Slack would refuse rejects with
   * RefusedAcknowledgementError, so a test cannot pass on an answer no one would see. `keep`: hand it back
   * as it came, for a caller that shows Slack's refusal itself (the playground).
   */
  refusedAcknowledgement?: 'throw' | 'keep';
}

/**
 * A slash command, form-encoded the way Slack posts it to the app's request URL. A 200 answer's body is the
 * acknowledgement Slack shows; it is checked by Slack's Block Kit rules like any message.
 */
export async function sendSlashCommand(
  requestUrl: string,
  signingSecret: string,
  fields: SlashCommandFields,
  options: SlashCommandOptions = {},
): Promise<SlackHttpResponse> {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(slashCommandPayload(fields))) {
    if (typeof value === 'string') form.append(key, value);
  }
  const { refusedAcknowledgement = 'throw', ...signing } = options;
  const response = await deliver(
    requestUrl,
    signingSecret,
    form.toString(),
    'application/x-www-form-urlencoded',
    signing,
  );
  if (response.status === 200 && refusedAcknowledgement === 'throw') {
    const problems = acknowledgementProblems(response.body);
    if (problems.length > 0) {
      const refused = refusal(problems, 'message');
      throw new RefusedAcknowledgementError(refused.error, refused.response_metadata.messages);
    }
  }
  return response;
}

/** An interaction (block_actions, view_submission, ...): JSON inside the form field `payload`. */
export function sendInteraction(
  requestUrl: string,
  signingSecret: string,
  payload: object,
  options?: SigningOptions,
): Promise<SlackHttpResponse> {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return deliver(requestUrl, signingSecret, body, 'application/x-www-form-urlencoded', options);
}

/** An Events API envelope as a JSON body; retries carry Slack's x-slack-retry-* headers. */
export function sendEvent(
  requestUrl: string,
  signingSecret: string,
  envelope: object,
  options: EventDeliveryOptions = {},
): Promise<SlackHttpResponse> {
  const extraHeaders: Record<string, string> = {};
  if (options.retryNum !== undefined) extraHeaders['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) extraHeaders['x-slack-retry-reason'] = options.retryReason;
  return deliver(requestUrl, signingSecret, JSON.stringify(envelope), 'application/json', {
    ...options,
    extraHeaders,
  });
}
