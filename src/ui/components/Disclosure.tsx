import type { ComponentChildren } from 'preact';
import { classes } from './classes';
import styles from './Disclosure.module.css';

interface DisclosureProps {
  /** The line that stays in sight, folded or not. */
  summary: ComponentChildren;
  children: ComponentChildren;
  class?: string | undefined;
  /** A line leading to what cannot be undone (leaving the network) reads in the error colour. */
  tone?: 'danger';
  /** Given when the screen follows it (what is inside renders only once open). */
  open?: boolean;
  onToggle?: (open: boolean) => void;
}

/**
 * Filters folded on a phone, a table under its chart: a native details/summary (opened by a tap
 * or Enter, read as a disclosure), drawn alike on every screen.
 */
export function Disclosure({ summary, children, class: extra, tone, open, onToggle }: DisclosureProps) {
  return (
    <details
      class={classes(styles.disclosure, tone && styles[tone], extra)}
      open={open}
      onToggle={onToggle && ((event) => onToggle((event.currentTarget as HTMLDetailsElement).open))}
    >
      {/* One grid cell beside the chevron, whatever the summary is made of. */}
      <summary class={styles.line}>
        <span>{summary}</span>
      </summary>
      {children}
    </details>
  );
}
