import type { ComponentChildren } from 'preact';
import styles from './BackLink.module.css';

/** "← Retour à …" above a sub-page's title, a 44 px target. */
export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p class={styles.backLink}>
      <a href={href}>← {children}</a>
    </p>
  );
}
