import type { ComponentChildren } from 'preact';
import styles from './InlineList.module.css';

/** A list without bullets nor indent: the people of an organisation, the links of a record. */
export function InlineList({ children }: { children: ComponentChildren }) {
  return <ul class={styles.inlineList}>{children}</ul>;
}
