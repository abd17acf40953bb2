import { Progress } from '../../components/Progress';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';
import styles from './ProgressBar.module.css';

/** "5 sections terminées sur 9" with a bar; the text is what a screen reader reads. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const t = useMessages(messages);
  return (
    <div class={styles.progress}>
      <span data-testid="diagnostic-progress">{t.progress(done, total)}</span>
      <Progress value={total === 0 ? 0 : done / total} />
    </div>
  );
}
