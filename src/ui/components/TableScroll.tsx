import type { ComponentChildren } from 'preact';
import styles from './TableScroll.module.css';

/**
 * A box that scrolls sideways when its table is wider than the screen. It is a named,
 * focusable region so a keyboard can scroll it too (axe `scrollable-region-focusable`).
 * Its name shows above the box, wrapped to the screen: a table's own caption is as wide as
 * the table, so on a phone it would be cut at the box's edge (the table keeps its caption,
 * visually hidden, for screen readers).
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <p class={styles.title} aria-hidden="true">
        {label}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it. */}
      <section class={styles.tableScroll} aria-label={label} tabIndex={0}>
        {children}
      </section>
    </>
  );
}
