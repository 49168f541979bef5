/**
 * The primitives of Slack's Block Kit schema check: each failure is one problem at a JSON pointer, worded
 * the way Slack words it in `response_metadata.messages` (`must be less than 3001 characters`).
 */
import { isRecord, type Rec } from '../records.js';

/** One rule broken, where Slack would point at it: `/blocks/0/text/text`. */
export interface BlockKitProblem {
  pointer: string;
  message: string;
}

/** What a text object may be at a given place: Slack allows mrkdwn only in some of them. */
export type TextKind = 'plain_text' | 'mrkdwn' | 'any';

export interface StringRule {
  max: number;
  /** Slack refuses empty strings wherever a text is required. */
  min?: number;
}

export class BlockKitCheck {
  readonly problems: BlockKitProblem[] = [];

  fail(pointer: string, message: string): void {
    this.problems.push({ pointer, message });
  }

  object(pointer: string, value: unknown): value is Rec {
    if (isRecord(value)) return true;
    this.fail(pointer, 'must provide an object');
    return false;
  }

  /** Slack refuses any property its schema does not name. */
  onlyKnown(pointer: string, value: Rec, known: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.fail(pointer, `invalid additional property: ${key}`);
    }
  }

  required(pointer: string, value: Rec, key: string): boolean {
    if (value[key] !== undefined) return true;
    this.fail(pointer, `missing required field: ${key}`);
    return false;
  }

  string(pointer: string, value: unknown, rule: StringRule): value is string {
    if (typeof value !== 'string') {
      this.fail(pointer, 'must provide a string');
      return false;
    }
    const min = rule.min ?? 1;
    // Slack counts characters; UTF-16 length is never fewer, so this errs on Slack's side.
    if (value.length < min) this.fail(pointer, `must be more than ${min - 1} characters`);
    else if (value.length > rule.max) this.fail(pointer, `must be less than ${rule.max + 1} characters`);
    return true;
  }

  optionalString(pointer: string, value: unknown, rule: StringRule): void {
    if (value !== undefined) this.string(pointer, value, rule);
  }

  boolean(pointer: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.fail(pointer, 'must provide a boolean');
  }

  oneOf(pointer: string, value: unknown, allowed: readonly string[]): boolean {
    if (typeof value === 'string' && allowed.includes(value)) return true;
    this.fail(pointer, 'must be a valid enum value');
    return false;
  }

  array(pointer: string, value: unknown, min: number, max: number): value is unknown[] {
    if (!Array.isArray(value)) {
      this.fail(pointer, 'must provide an array');
      return false;
    }
    if (value.length < min) this.fail(pointer, `must provide at least ${min} items`);
    if (value.length > max) this.fail(pointer, `no more than ${max} items allowed`);
    return true;
  }

  /** A URL Slack will open: http(s), or the few schemes Slack's clients hand to the system. */
  url(pointer: string, value: unknown, max: number): void {
    if (!this.string(pointer, value, { max })) return;
    if (!/^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[^\s]+|slack:\/\/[^\s]+)$/i.test(value)) {
      this.fail(pointer, 'must be a valid URL');
    }
  }

  /**
   * A text object: `emoji` belongs to plain_text only, `verbatim` to mrkdwn only, and the text itself is
   * required and limited.
   */
  text(pointer: string, value: unknown, max: number, kind: TextKind): void {
    if (!this.object(pointer, value)) return;
    const allowed = kind === 'any' ? ['plain_text', 'mrkdwn'] : [kind];
    if (!this.required(pointer, value, 'type') || !this.oneOf(`${pointer}/type`, value.type, allowed)) return;
    if (value.type === 'plain_text') {
      this.onlyKnown(pointer, value, ['type', 'text', 'emoji']);
      this.boolean(`${pointer}/emoji`, value.emoji);
    } else {
      this.onlyKnown(pointer, value, ['type', 'text', 'verbatim']);
      this.boolean(`${pointer}/verbatim`, value.verbatim);
    }
    if (this.required(pointer, value, 'text')) this.string(`${pointer}/text`, value.text, { max });
  }

  optionalText(pointer: string, value: unknown, max: number, kind: TextKind): void {
    if (value !== undefined) this.text(pointer, value, max, kind);
  }
}

/** A problem as Slack lists it in `response_metadata.messages`. */
export function slackMessage(problem: BlockKitProblem): string {
  return `[ERROR] ${problem.message} [json-pointer:${problem.pointer}]`;
}
