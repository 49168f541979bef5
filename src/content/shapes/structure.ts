import type { RootContent } from 'mdast';
import { type RenderOptions, richText } from '../markdown.js';
import type { Section } from '../model.js';
import { isFastTrackTitle, isFrameTitle, splitEmoji } from '../vocabulary.js';
import { hasLabelledParts, type TopicStart, topicStarts } from './leads.js';
import { type ParsedTopic, topicFromHeading, topicFromStart } from './topic.js';
import { blocksUnder, type HeadingNode, type HeadingTree, hasContent, hasProse } from './tree.js';

/**
 * What each heading of a recap is:
 * - a **frame** (Conclusion, Preparation, Looking Ahead …): never a topic; it may hold topics;
 * - a **topic**: the heading and everything under it is one topic — a wrap-up page's `## 🐶 …` with its
 *   Problem Statement, Achievements and any other sub-heading ("### with cache"), or a blog post's
 *   storyline section, in which bold is emphasis;
 * - a **section**: it holds topics — bold-led paragraphs or list items of its own, or headings below it.
 *
 * Headings at a *topic level* are topics by default: the top level of a wrap-up page, and any level
 * where most headings have labelled parts. Elsewhere a heading is a topic when it has prose and no
 * topic starts inside it.
 */
export type Role = 'frame' | 'topic' | 'section';

export type SectionDraft = Omit<Section, 'id' | 'topicIds'>;

export interface Structure {
  sections: SectionDraft[];
  topics: ParsedTopic[];
  /** Index (into the recap's blocks before its first heading) of the first topic there, if any. */
  firstRootTopic?: number;
  /** Headings that frame the recap, for the closing "next hackathon" sentence. */
  frames: HeadingNode[];
}

interface Options extends RenderOptions {
  lineOffset: number;
  /** The recap is a wrap-up page: its top-level headings are its topics. */
  wrapUp: boolean;
}

class StructureReader {
  private readonly roles = new Map<HeadingNode, Role>();
  private readonly starts = new Map<HeadingNode, TopicStart[]>();
  private readonly topicLevels = new Map<HeadingNode, boolean>();
  private readonly sections = new Map<HeadingNode, SectionDraft>();
  private readonly topics: ParsedTopic[] = [];
  private readonly frames: HeadingNode[] = [];

  constructor(
    private readonly tree: HeadingTree,
    private readonly options: Options,
  ) {}

  read(): Structure {
    const { root } = this.tree;
    this.visitOwnTopics(root, undefined);
    for (const child of root.children) this.visit(child, root);
    const sections = [...new Set(this.sections.values())].filter((s) =>
      this.topics.some((t) => t.sectionTitle === s.title),
    );
    return {
      sections,
      topics: this.topics,
      firstRootTopic: this.startsOf(root)[0]?.index,
      frames: this.frames,
    };
  }

  private startsOf(node: HeadingNode): TopicStart[] {
    let found = this.starts.get(node);
    if (!found) {
      found = topicStarts(node.blocks, isFastTrackTitle(node.title));
      this.starts.set(node, found);
    }
    return found;
  }

  private isFrame(node: HeadingNode): boolean {
    return isFrameTitle(node.title);
  }

  /** Whether the headings right below `parent` are topics, unless one frames others. */
  private isTopicLevel(parent: HeadingNode): boolean {
    let level = this.topicLevels.get(parent);
    if (level === undefined) {
      const kids = parent.children.filter((c) => !this.isFrame(c) && hasContent(c));
      const labelled = kids.filter((c) => hasLabelledParts(c.blocks)).length;
      level =
        (parent === this.tree.root && this.options.wrapUp) || (labelled >= 2 && labelled * 2 >= kids.length);
      this.topicLevels.set(parent, level);
    }
    return level;
  }

  /** Whether a heading frames topic headings below it, rather than being one topic with sub-headings. */
  private framesTopics(node: HeadingNode): boolean {
    const kids = node.children.filter((c) => !this.isFrame(c) && hasContent(c));
    if (kids.some((c) => hasLabelledParts(c.blocks) || this.framesTopics(c))) return true;
    // "One `##` per topic, emoji first": sub-headings with emoji are topics of their own.
    if (kids.filter((c) => splitEmoji(c.title).emoji).length >= 2) return true;
    return !hasProse(node.blocks) && kids.length >= 2;
  }

  private roleOf(node: HeadingNode, parent: HeadingNode): Role {
    let role = this.roles.get(node);
    if (!role) {
      if (this.isFrame(node)) role = 'frame';
      else if (hasLabelledParts(node.blocks)) role = 'topic';
      else if (this.isTopicLevel(parent))
        role = this.framesTopics(node) || !hasContent(node) ? 'section' : 'topic';
      else if (this.startsOf(node).length > 0 || node.children.some((c) => this.hasTopics(c, node)))
        role = 'section';
      else role = hasProse(node.blocks) ? 'topic' : 'section';
      this.roles.set(node, role);
    }
    return role;
  }

  private hasTopics(node: HeadingNode, parent: HeadingNode): boolean {
    return (
      this.roleOf(node, parent) === 'topic' ||
      this.startsOf(node).length > 0 ||
      node.children.some((c) => this.hasTopics(c, node))
    );
  }

  private sectionOf(node: HeadingNode, intro: readonly RootContent[]): SectionDraft {
    let section = this.sections.get(node);
    if (!section) {
      const { emoji, rest } = splitEmoji(node.title);
      // Two headings of one title are one section, as readers see them.
      section = [...this.sections.values()].find((s) => s.title === rest) ?? {
        title: rest,
        emoji,
        intro: hasProse(intro) ? richText(intro, this.options) : undefined,
      };
      this.sections.set(node, section);
    }
    return section;
  }

  /** `holder` is the heading whose section the node's topics belong to (none at the top). */
  private visit(node: HeadingNode, parent: HeadingNode): void {
    const holder = parent === this.tree.root ? undefined : parent;
    const role = this.roleOf(node, parent);
    if (role === 'frame') this.frames.push(node);
    if (role === 'topic' && node.heading) {
      const section = holder ? this.sectionOf(holder, holder.blocks) : undefined;
      this.topics.push(
        topicFromHeading(node.heading, node.title, blocksUnder(this.tree, node), section?.title, {
          ...this.options,
          fastTrack: holder !== undefined && isFastTrackTitle(holder.title),
        }),
      );
      return;
    }
    this.visitOwnTopics(node, node);
    for (const child of node.children) this.visit(child, node);
  }

  /** The topics that start in a heading's own blocks (bold-led paragraphs, list items). */
  private visitOwnTopics(node: HeadingNode, holder: HeadingNode | undefined): void {
    const starts = this.startsOf(node);
    if (starts.length === 0) return;
    const section = holder ? this.sectionOf(holder, node.blocks.slice(0, starts[0]?.index ?? 0)) : undefined;
    starts.forEach((start, i) => {
      const end = starts[i + 1]?.index ?? node.blocks.length;
      const blocks = start.only ?? node.blocks.slice(start.index, Math.max(end, start.index + 1));
      this.topics.push(topicFromStart(start, blocks, section?.title, this.options));
    });
  }
}

export function readStructure(tree: HeadingTree, options: Options): Structure {
  return new StructureReader(tree, options).read();
}
