import type { ComponentChildren } from 'preact';
import styles from './Facts.module.css';
import { Card } from './Section';

/** A list of facts (<dl>); `card` frames it like a Section (a record page's first block). */
export function Facts({ card = false, children }: { card?: boolean; children: ComponentChildren }) {
  return card ? (
    <Card as="dl" class={styles.facts}>
      {children}
    </Card>
  ) : (
    <dl class={styles.facts}>{children}</dl>
  );
}

/** One row of Facts: a term and its value (its class and data attributes go on the <dd>). */
export function Fact({
  label,
  children,
  ...value
}: {
  label: ComponentChildren;
  children: ComponentChildren;
  class?: string | undefined;
  [data: `data-${string}`]: string | undefined;
}) {
  return (
    <div class={styles.row}>
      <dt>{label}</dt>
      <dd {...value}>{children}</dd>
    </div>
  );
}
