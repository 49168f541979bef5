/**
 * Reads `content/next-hackathon.md`: YAML front matter that says when and where, a Markdown body with the
 * details. Every problem names the field and its line, because the people who edit this file are organisers,
 * not the people who wrote the bot.
 */
import { DateTime, IANAZone } from 'luxon';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { z } from 'zod';
import { PUBLIC_OR_PRIVATE_CHANNEL_ID as CHANNEL_ID } from '../slack-ids.js';
import { parseMarkdown, toMrkdwn, toPlain } from './markdown.js';
import type { ContentProblem, NextEvent, RichText } from './model.js';
import { DEFAULT_TIMEZONE } from './timezone.js';

export { DEFAULT_TIMEZONE };
export const DEFAULT_REMINDER_DAYS: readonly number[] = [28, 7, 1, 0];
export const DEFAULT_REMIND_AT = '09:00';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const REMINDER_ENTRY = /^(\d{1,3})d$/;

/** What each field must look like: one sentence, used for every way the field can be wrong. */
const RULES = {
  title: 'is required and must be text',
  start: 'must be a date like 2026-12-01',
  end: 'must be a date like 2026-12-04',
  timezone: 'must be an IANA time zone like Europe/Berlin',
  location: 'must be text',
  signup: 'must be an http(s) URL',
  channel: 'must be a Slack channel ID like C0123456789',
  reminders: 'must be a list of days before the start like [28d, 7d, 1d, 0d]',
  remind_at: 'must be a local time like 09:00',
  when: 'must be text',
} as const;

type Field = keyof typeof RULES;
const FIELDS = Object.keys(RULES) as Field[];

/**
 * js-yaml (behind gray-matter) and YAML 1.1 turn an unquoted `2026-12-01` into a Date at UTC midnight;
 * its UTC calendar date is the one the author wrote.
 */
function dateToIso(value: unknown): unknown {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value;
}

function isCalendarDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const text = z.string().trim().min(1);
const isoDate = z.preprocess(dateToIso, z.string().trim().refine(isCalendarDate));

const frontMatterSchema = z.object({
  title: text,
  start: isoDate.optional(),
  end: isoDate.optional(),
  timezone: text.refine((zone) => IANAZone.isValidZone(zone)).optional(),
  location: text.optional(),
  signup: text.refine(isHttpUrl).optional(),
  channel: text.regex(CHANNEL_ID).optional(),
  reminders: z.array(z.string().trim().regex(REMINDER_ENTRY)).optional(),
  remind_at: text.regex(HH_MM).optional(),
  when: text.optional(),
});

interface FrontMatterSplit {
  yaml: string;
  /** 1-based line of the file where the YAML starts (the line after the opening `---`). */
  firstLine: number;
  body: string;
}

function splitFrontMatter(source: string): FrontMatterSplit | undefined {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) return undefined;
  return {
    yaml: lines.slice(1, close).join('\n'),
    firstLine: 2,
    body: lines.slice(close + 1).join('\n'),
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  const shown = typeof value === 'string' ? value : (JSON.stringify(dateToIso(value)) ?? String(value));
  const short = shown.length > 60 ? `${shown.slice(0, 59)}…` : shown;
  return typeof value === 'string' ? `"${short}"` : short;
}

/** Lines of every top-level key, and of each entry of a list value, in file lines. */
class FieldLines {
  private readonly keys = new Map<string, number>();
  private readonly entries = new Map<string, number[]>();

  constructor(
    contents: Node | null,
    private readonly counter: LineCounter,
    private readonly firstLine: number,
  ) {
    if (!isMap(contents)) return;
    for (const pair of contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      this.keys.set(key, this.line(pair.key.range[0]));
      if (isSeq(pair.value)) {
        this.entries.set(
          key,
          pair.value.items.map((item) => {
            const start = (item as Node | null)?.range?.[0];
            return start === undefined ? this.keys.get(key)! : this.line(start);
          }),
        );
      }
    }
  }

  private line(offset: number): number {
    return this.counter.linePos(offset).line + this.firstLine - 1;
  }

  of(key: string, index?: number): number | undefined {
    return (index === undefined ? undefined : this.entries.get(key)?.[index]) ?? this.keys.get(key);
  }

  names(): string[] {
    return [...this.keys.keys()];
  }
}

export function parseNextEvent(
  source: string,
  file: string,
): { event?: NextEvent; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const error = (message: string, line?: number) =>
    problems.push({ file, ...(line === undefined ? {} : { line }), message, severity: 'error' });

  const split = splitFrontMatter(source);
  if (!split) {
    error('must start with YAML front matter between two "---" lines', 1);
    return { problems };
  }

  const counter = new LineCounter();
  const document = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length > 0) {
    for (const yamlError of document.errors) {
      const firstSentence = yamlError.message.split('\n')[0] ?? yamlError.message;
      const { line } = counter.linePos(yamlError.pos[0]);
      error(`the front matter is not valid YAML: ${firstSentence}`, line + split.firstLine - 1);
    }
    return { problems };
  }

  const raw: unknown = document.toJS() ?? {};
  const lines = new FieldLines(document.contents, counter, split.firstLine);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    error('the front matter must be a list of "field: value" lines', split.firstLine);
    return { problems };
  }
  const data = raw as Record<string, unknown>;

  // A misspelt field would otherwise be ignored silently, e.g. `remindAt` leaving reminders at 09:00.
  for (const name of lines.names()) {
    if (!(FIELDS as string[]).includes(name)) {
      problems.push({
        file,
        line: lines.of(name),
        message: `unknown field "${name}" is ignored (known fields: ${FIELDS.join(', ')})`,
        severity: 'warning',
      });
    }
  }

  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    const reported = new Set<string>();
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'title') as Field;
      const index = typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      const id = `${field}:${index ?? ''}`;
      if (reported.has(id)) continue;
      reported.add(id);
      if (field === 'reminders' && index !== undefined) {
        const entries = data.reminders as unknown[];
        error(
          `each entry of "reminders" must be a number of days like 7d, got ${describe(entries[index])}`,
          lines.of(field, index),
        );
      } else {
        // A missing field has no line of its own; the opening `---` is where it would belong.
        error(`"${field}" ${RULES[field]}, got ${describe(data[field])}`, lines.of(field) ?? 1);
      }
    }
    return { problems };
  }

  const fields = parsed.data;
  if (fields.end && !fields.start) error('"end" needs a "start" as well', lines.of('end'));
  if (fields.start && fields.end && fields.end < fields.start) {
    error(`"end" (${fields.end}) is before "start" (${fields.start})`, lines.of('end'));
  }
  if (problems.some((problem) => problem.severity === 'error')) return { problems };

  const reminderDays = fields.reminders
    ? [...new Set(fields.reminders.map((entry) => Number(REMINDER_ENTRY.exec(entry)?.[1])))].sort(
        (a, b) => b - a,
      )
    : [...DEFAULT_REMINDER_DAYS];

  const event: NextEvent = {
    file,
    title: fields.title,
    timezone: canonicalZone(fields.timezone ?? DEFAULT_TIMEZONE),
    reminderDays,
    remindAt: fields.remind_at ?? DEFAULT_REMIND_AT,
  };
  if (fields.start) {
    event.start = fields.start;
    event.end = fields.end ?? fields.start;
  }
  if (fields.location) event.location = fields.location;
  if (fields.signup) event.signup = fields.signup;
  if (fields.channel) event.channel = fields.channel;
  if (fields.when) event.when = fields.when;
  const details = markdownToRichText(split.body);
  if (details) event.details = details;
  return { event, problems };
}

/** `europe/berlin` is accepted by Intl; keep the spelling Slack users and calendars expect. */
function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

/** Calendars and notifications show no links: in plain text a link keeps its address after its label. */
function appendLinkUrls(node: Root | RootContent | PhrasingContent): void {
  if (!('children' in node)) return;
  for (const child of node.children) appendLinkUrls(child);
  if (node.type === 'link' && toPlain([node]) !== node.url) {
    node.children.push({ type: 'text', value: ` (${node.url})` });
  }
}

/** The body as Slack shows it; `undefined` when there is nothing but whitespace and comments. */
export function markdownToRichText(markdown: string): RichText | undefined {
  const tree = parseMarkdown(markdown);
  const mrkdwn = toMrkdwn(tree.children);
  appendLinkUrls(tree);
  const text = toPlain(tree.children);
  return text === '' && mrkdwn === '' ? undefined : { text, mrkdwn };
}
