import type { ComponentChildren } from 'preact';
import styles from './Badge.module.css';
import { classes } from './classes';

export type BadgeTone = 'neutral' | 'accent' | 'info' | 'success' | 'warning' | 'danger';

/** A short status word ("En retard", "Hors ligne"); `as="li"` inside a list of tags. */
export function Badge({
  tone = 'neutral',
  as: Tag = 'span',
  children,
}: {
  tone?: BadgeTone;
  as?: 'span' | 'li';
  children: ComponentChildren;
}) {
  return <Tag class={classes(styles.badge, styles[tone])}>{children}</Tag>;
}
