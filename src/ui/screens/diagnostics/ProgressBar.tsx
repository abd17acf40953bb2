import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** "5/9 sections" with a bar; the text is what a screen reader reads. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
  const t = useMessages(messages);
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  return (
    <div class="progress">
      <span class="progress__text">{t.progress(done, total)}</span>
      <span class="progress__track" aria-hidden="true">
        <span class="progress__fill" style={{ width: `${percent}%` }} />
      </span>
    </div>
  );
}
