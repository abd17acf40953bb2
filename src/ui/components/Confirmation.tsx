import type { HTMLAttributes } from 'preact';
import styles from './Confirmation.module.css';

/** A short success line ("Nom enregistré.") in green; its live region is the caller's. */
export function Confirmation(props: Omit<HTMLAttributes<HTMLParagraphElement>, 'class'>) {
  return <p {...props} class={styles.confirmation} />;
}
