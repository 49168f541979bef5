import type { Heading, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { toPlain } from '../markdown.js';
import { isLabel } from '../vocabulary.js';

/**
 * A recap's headings as a tree. Each heading keeps the blocks up to its first sub-heading (`blocks`,
 * labelled sub-headings such as "### Achievements" included, since they are parts of the topic above) and
 * the range of the document it spans (`from` its heading, up to `to`), so a heading that is one topic can
 * take everything under it in source order.
 */
export interface HeadingNode {
  heading?: Heading;
  /** The heading's text, Markdown removed; '' for the root. */
  title: string;
  depth: number;
  blocks: RootContent[];
  children: HeadingNode[];
  /** Index of the heading in the document's blocks (-1 for the root) and one past its last block. */
  from: number;
  to: number;
}

export interface HeadingTree {
  root: HeadingNode;
  /** The document's title, when it starts with an H1 (usually the post title repeated). */
  h1?: Heading;
  blocks: readonly RootContent[];
}

export function headingText(node: Heading): string {
  return mdastToString(node).replace(/\s+/g, ' ').trim();
}

export function buildTree(root: Root): HeadingTree {
  const blocks = root.children;
  const top: HeadingNode = { title: '', depth: 0, blocks: [], children: [], from: -1, to: blocks.length };
  const stack: HeadingNode[] = [top];
  const close = (depth: number, at: number): void => {
    while (stack.length > 1 && (stack[stack.length - 1]?.depth ?? 0) >= depth) {
      const done = stack.pop();
      if (done) done.to = at;
    }
  };
  let h1: Heading | undefined;
  blocks.forEach((block, index) => {
    const current = stack[stack.length - 1] ?? top;
    if (block.type !== 'heading') {
      current.blocks.push(block);
      return;
    }
    // The post's own title repeated as H1 is not a section.
    if (block.depth === 1 && h1 === undefined && top.children.length === 0) {
      h1 = block;
      return;
    }
    const title = headingText(block);
    // A labelled part ("### Achievements") belongs to the heading above it, even after a sub-heading.
    if (isLabel(title) && block.depth > 1) {
      close(block.depth, index);
      const owner = stack[stack.length - 1];
      if (owner && owner !== top) {
        owner.blocks.push(block);
        return;
      }
    }
    close(block.depth, index);
    const node: HeadingNode = {
      heading: block,
      title,
      depth: block.depth,
      blocks: [],
      children: [],
      from: index,
      to: blocks.length,
    };
    (stack[stack.length - 1] ?? top).children.push(node);
    stack.push(node);
  });
  close(1, blocks.length);
  return { root: top, h1, blocks };
}

/** Everything under a heading, sub-headings included, in source order. */
export function blocksUnder(tree: HeadingTree, node: HeadingNode): RootContent[] {
  if (node === tree.root) return [...tree.blocks];
  return tree.blocks.slice(node.from + 1, node.to).filter((b) => b !== tree.h1);
}

/** Text a reader would see (images, HTML and rules are not). */
export function hasProse(blocks: readonly RootContent[]): boolean {
  return blocks.some((b) => b.type !== 'html' && b.type !== 'thematicBreak' && toPlain([b]).length > 0);
}

export function hasContent(node: HeadingNode): boolean {
  return hasProse(node.blocks) || node.children.some(hasContent);
}
