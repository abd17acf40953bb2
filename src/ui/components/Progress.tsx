import styles from './Progress.module.css';

/** A bar for the eyes only (0 to 1): the words beside it say the same for everyone. */
export function Progress({ value }: { value: number }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <span class={styles.track} aria-hidden="true">
      <span class={styles.fill} style={{ width: `${percent}%` }} />
    </span>
  );
}
