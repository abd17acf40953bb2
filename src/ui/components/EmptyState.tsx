import type { ComponentChildren } from 'preact';
import styles from './EmptyState.module.css';

interface EmptyStateProps {
  title: ComponentChildren;
  children?: ComponentChildren;
  /** The one thing to do next (a ButtonLink or Button). */
  action?: ComponentChildren;
}

/** What a list shows when it has nothing yet: what will appear here and how to start. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div class={styles.emptyState} data-testid="empty-state">
      <svg class={styles.art} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <rect x="8" y="20" width="48" height="34" rx="6" />
        <path d="M24 20v-6a4 4 0 0 1 4-4h8a4 4 0 0 1 4 4v6M8 34h48" />
      </svg>
      <p class={styles.title}>{title}</p>
      {children ? <p class={styles.text}>{children}</p> : null}
      {action ? <div class={styles.action}>{action}</div> : null}
    </div>
  );
}
