// The starter valise as a French reader reads it: every network finds these texts first, so a
// slip of typography there is in every toolbox.
import { describe, expect, it } from 'vitest';
import { type Inline, parseRichText } from '../../../../src/domain/toolbox/rich-text';
import { STARTER_ITEMS, STARTER_PACKING_LISTS } from '../../../../src/domain/toolbox/starter';

const texts = [
  ...STARTER_ITEMS.flatMap((item) => [item.title, item.description ?? '']),
  ...STARTER_PACKING_LISTS.map((list) => list.title),
];

function words(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : words(node.children))).join('');
}

describe('the starter valise’s texts', () => {
  it('begin every list item with a capital, as items that stand on their own', () => {
    const items = STARTER_ITEMS.flatMap((item) =>
      parseRichText(item.description ?? '').flatMap((block) => (block.kind === 'list' ? block.items.map(words) : [])),
    );
    expect(items.length).toBeGreaterThan(10);
    expect(items.filter((item) => !/^\p{Lu}/u.test(item))).toEqual([]);
  });

  it('keep a colon or a unit on the line of the word before it, and use typographic apostrophes', () => {
    // A plain space before « : ; ! ? » » (or after « « ») lets the line break before the sign.
    expect(texts.filter((text) => / [:;!?»]|« |\d [a-z]/.test(text))).toEqual([]);
    expect(texts.filter((text) => /['"]/.test(text))).toEqual([]);
  });
});
