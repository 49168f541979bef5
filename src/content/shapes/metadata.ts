import type { List, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { readDates } from '../dates.js';
import type { StatedFacts } from '../facts.js';
import { parseVideo } from '../links.js';
import { absoluteUrl } from '../markdown.js';
import { type MetadataField, metadataFieldOf, splitEmoji } from '../vocabulary.js';

/**
 * The wrap-up page's metadata: bullets after the title that say what the hackathon was, not what was
 * done at it —
 *   - 🗓️ **Date:** 02.06.2025 – 06.06.2025
 *   - 📍 **Location:** [Schlosshof Freizeitheim, Schelklingen](https://www.schlosshof-info.de/)
 *   - 👤 **Organizer:** [x-cellent](https://www.x-cellent.com/)
 *   - 📘 **Topics:** https://hackmd.io/…
 *   - 🎤 **Review Meeting Summary:** https://gardener.cloud/community/review-meetings/…
 * with or without emoji and links, the colon inside or outside the bold, or as lines of one paragraph.
 */

interface UrlOptions {
  baseUrl?: string;
  siteUrl?: string;
}

interface Field {
  field: MetadataField;
  text: string;
  url?: string;
}

function lines(children: readonly PhrasingContent[]): PhrasingContent[][] {
  const out: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') {
      out.push([]);
    } else if (child.type === 'text' && child.value.includes('\n')) {
      child.value.split('\n').forEach((part, i) => {
        if (i > 0) out.push([]);
        if (part) out[out.length - 1]?.push({ ...child, value: part });
      });
    } else {
      out[out.length - 1]?.push(child);
    }
  }
  return out.filter((line) => line.length > 0);
}

/** `🗓️ **Date:** 02.06.2025 …` → label `Date`, value `02.06.2025 …`; undefined when the line has no label. */
function labelled(line: readonly PhrasingContent[]): { label: string; value: PhrasingContent[] } | undefined {
  let i = 0;
  const first = line[0];
  if (first?.type === 'text' && splitEmoji(first.value).rest === '') i = 1;
  const lead = line[i];
  const rest = line.slice(i + 1);
  if (lead?.type === 'strong') {
    const label = mdastToString(lead).trim();
    const head = rest[0];
    // The colon outside the bold: `**Date**: …`.
    if (head?.type === 'text' && /^\s*:/.test(head.value))
      rest[0] = { ...head, value: head.value.replace(/^\s*:/, '') };
    else if (!label.endsWith(':')) return undefined;
    return { label: label.replace(/:$/, ''), value: rest };
  }
  if (lead?.type === 'text') {
    const text = splitEmoji(lead.value).rest;
    const m = /^([^:]{1,40}):\s*/.exec(text);
    if (!m?.[1]) return undefined;
    return { label: m[1], value: [{ ...lead, value: text.slice(m[0].length) }, ...rest] };
  }
  return undefined;
}

function fieldOf(line: readonly PhrasingContent[], options: UrlOptions): Field | undefined {
  const found = labelled(line);
  const field = found && metadataFieldOf(found.label);
  if (!found || !field) return undefined;
  const text = found.value
    .map((n) => mdastToString(n))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const link = found.value.find((n) => n.type === 'link');
  const rawUrl = link?.type === 'link' ? link.url : /\bhttps?:\/\/\S+/.exec(text)?.[0];
  const url = rawUrl ? absoluteUrl(rawUrl, options.baseUrl, options.siteUrl) : undefined;
  return { field, text, url };
}

function fieldsOf(block: RootContent, options: UrlOptions): Array<Field | undefined> {
  if (block.type === 'list') {
    return (block as List).children.map((item) => {
      const first = item.children[0];
      return first?.type === 'paragraph' ? fieldOf(first.children, options) : undefined;
    });
  }
  if (block.type === 'paragraph') return lines((block as Paragraph).children).map((l) => fieldOf(l, options));
  return [];
}

/**
 * A block is the metadata when most of its lines are metadata and they say when, where or who: two of
 * them at least, or a date that reads as one.
 */
function isMetadata(fields: ReadonlyArray<Field | undefined>): boolean {
  const known = fields.filter((f): f is Field => f !== undefined);
  if (known.length * 2 <= fields.length) return false;
  const core = known.filter((f) => f.field === 'date' || f.field === 'place' || f.field === 'organizer');
  if (core.length === 0) return false;
  return known.length >= 2 || (core[0]?.field === 'date' && readDates(core[0].text) !== undefined);
}

/** "TBD", "/", "n/a": a bullet that is there but says nothing yet. */
function says(text: string): boolean {
  return !/^(?:[-/–—?]*|tbd|tba|n\/?a|none|todo|coming soon)$/i.test(text.trim());
}

function factsFrom(fields: readonly Field[], line?: number): StatedFacts {
  const facts: StatedFacts = { line };
  for (const { field, text, url } of fields) {
    if (!says(text) && !url) continue;
    switch (field) {
      case 'date': {
        const dates = readDates(text);
        if (dates && !facts.month) Object.assign(facts, dates);
        break;
      }
      case 'place':
        facts.place ??= text || undefined;
        facts.placeUrl ??= url;
        break;
      case 'organizer':
        facts.organizer ??= text || undefined;
        facts.organizerUrl ??= url;
        break;
      case 'planning':
        facts.planningUrl ??= url;
        break;
      case 'review':
        facts.reviewUrl ??= url;
        break;
      case 'recording':
        if (url && parseVideo(url)) facts.recordingUrl ??= url;
        break;
      default:
        break;
    }
  }
  // A bare URL as the place or organizer is a link, not a name.
  if (facts.place && /^https?:\/\//.test(facts.place)) facts.place = undefined;
  if (facts.organizer && /^https?:\/\//.test(facts.organizer)) facts.organizer = undefined;
  return facts;
}

/**
 * Finds the metadata among the blocks before the first heading and takes it out of `blocks` (it is the
 * hackathon's facts, never a topic or the intro). Undefined when the recap has none.
 */
export function takeMetadata(
  blocks: RootContent[],
  options: { baseUrl?: string; siteUrl?: string; lineOffset?: number } = {},
): StatedFacts | undefined {
  const { lineOffset = 0 } = options;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (!block) return undefined;
    if (block.type === 'heading') {
      if (block.depth === 1) continue;
      return undefined;
    }
    const fields = fieldsOf(block, options);
    if (fields.length === 0 || !isMetadata(fields)) continue;
    blocks.splice(i, 1);
    return factsFrom(
      fields.filter((f): f is Field => f !== undefined),
      block.position ? block.position.start.line + lineOffset : undefined,
    );
  }
  return undefined;
}
