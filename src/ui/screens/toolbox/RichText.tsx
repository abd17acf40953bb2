// A description with its light formatting, rendered as elements: text is always text (Preact
// escapes it), and links are only those the parser judged safe.
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { type Inline, parseRichText } from '../../../domain/toolbox/rich-text';
import styles from './RichText.module.css';

function renderInline(nodes: readonly Inline[]): ComponentChildren {
  return nodes.map((node, index) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'strong':
        return <strong key={index}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={index}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={index} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
      default:
        return null;
    }
  });
}

/** `headingLevel`: the level a "# titre" takes where the description sits (h2 under the page's h1). */
export function RichText({ source, headingLevel = 2 }: { source: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const blocks = useMemo(() => parseRichText(source), [source]);
  return (
    <div class={styles.richText} data-testid="rich-text">
      {blocks.map((block, index) => {
        if (block.kind === 'heading')
          return (
            <Heading key={index} class={styles.heading}>
              {renderInline(block.children)}
            </Heading>
          );
        if (block.kind === 'paragraph') return <p key={index}>{renderInline(block.children)}</p>;
        const items = block.items.map((item, itemIndex) => <li key={itemIndex}>{renderInline(item)}</li>);
        return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
      })}
    </div>
  );
}
