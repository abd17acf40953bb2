// The light formatting of toolbox descriptions, parsed into a tree the UI renders as elements:
// no HTML string is ever built from a description, so whatever it contains stays text.
import { linkWordsMislead, openableHref } from '../links';

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

type Block =
  | { kind: 'heading'; children: Inline[] }
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] };

// `s`: the rest of the line is taken whole, whatever it holds. Without it a line separator
// (U+2028) ended `.*` short of the end, and each of a line's spaces was tried again: one line
// of 20,000 spaces took about a second.
const BULLET = /^\s*[-*•]\s+(.*)$/s;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/s;
const HEADING = /^\s*#{1,3}\s+(.*)$/s;

/**
 * Blocks of a description: "# titre", "- point", "1. étape", paragraphs separated by a blank
 * line; inline **gras**, *italique* and [lien](https://…). Anything else is text.
 */
export function parseRichText(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ kind: 'list', ...list });
    list = null;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (line.trim() === '') {
      flushParagraph();
      flushList();
    } else if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ kind: 'heading', children: parseInline(heading[1] ?? '') });
    } else if (bullet || numbered) {
      flushParagraph();
      const ordered = numbered !== null;
      const current: { ordered: boolean; items: Inline[][] } =
        list && (list as { ordered: boolean }).ordered === ordered ? list : { ordered, items: [] };
      if (current !== list) flushList();
      current.items.push(parseInline((bullet ?? numbered)?.[1] ?? ''));
      list = current;
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

// A link's words and its address stop at the next "[": each character is then read for one
// link at most. A description of 20,000 "[" (or of "[x](" repeated) was read again from every
// "[" to its end: 0.3-0.8 s per such toolbox item on a 2-core laptop, more on a phone.
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^[\]]+)\]\(([^)\s[]+)\)/gs;

export function parseInline(source: string): Inline[] {
  const nodes: Inline[] = [];
  let last = 0;
  for (const match of source.matchAll(INLINE)) {
    const start = match.index ?? 0;
    if (start > last) nodes.push({ kind: 'text', text: source.slice(last, start) });
    const [whole, strong, em, label, target] = match;
    if (strong !== undefined) nodes.push({ kind: 'strong', children: parseInline(strong) });
    else if (em !== undefined) nodes.push({ kind: 'em', children: parseInline(em) });
    else {
      const href = openableHref(target ?? '');
      const children = parseInline(label ?? '');
      // A link to anything but a web page, an e-mail address or a phone number stays visible as
      // typed; one whose words name another site than its own shows where it really goes.
      if (!href) nodes.push({ kind: 'text', text: whole });
      else if (linkWordsMislead(inlineText(children), href))
        nodes.push({ kind: 'link', href, children: [{ kind: 'text', text: href }] });
      else nodes.push({ kind: 'link', href, children });
    }
    last = start + whole.length;
  }
  if (last < source.length) nodes.push({ kind: 'text', text: source.slice(last) });
  return nodes;
}

/** The words of inline nodes, their formatting left out. */
function inlineText(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : inlineText(node.children))).join('');
}

/** A piece that ends its own sentence or clause: what follows needs only a space. */
const CLOSED = /[.!?:;…]$/u;

/**
 * The description as plain text (search, previews): each heading, list item and paragraph is a
 * piece of its own, followed by " · " unless it ends its own sentence, so a heading never runs
 * into the item under it ("Avant · savoir qui vient", not "Avant savoir qui vient").
 */
export function plainText(blocks: readonly Block[]): string {
  const pieces = blocks
    .flatMap((block) => (block.kind === 'list' ? block.items.map(inlineText) : [inlineText(block.children)]))
    .map((piece) => piece.replace(/\s+/g, ' ').trim())
    .filter((piece) => piece !== '');
  return pieces.reduce(
    (text, piece) => (text === '' ? piece : `${text}${CLOSED.test(text) ? ' ' : ' · '}${piece}`),
    '',
  );
}
