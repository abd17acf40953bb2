// The day a diagnostic was filled, corrected on its page: dated wrong, or created the evening
// before the meeting. Judged as at its creation (useFilledOnCheck), saved in one repository call.
import { useEffect, useRef, useState } from 'preact/hooks';
import { redateDiagnostic } from '../../../db/diagnostics';
import type { Diagnostic } from '../../../domain/diagnostic';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useDataContext } from '../../hooks/use-data-context';
import { useFocusAfterClose } from '../../hooks/use-focus-after-close';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useMessages } from '../../i18n/messages';
import styles from './DiagnosticOverview.module.css';
import { useFilledOnCheck } from './filled-on';
import { messages } from './messages';

export function FilledOnEditor({ diagnostic }: { diagnostic: Diagnostic }) {
  const t = useMessages(messages);
  const [editing, setEditing] = useState(false);
  // Closed, the form gives the focus back to « Changer la date ».
  const box = useFocusAfterClose<HTMLDivElement>(editing);
  return (
    <div ref={box} class={styles.filledOn}>
      {editing ? (
        <FilledOnForm diagnostic={diagnostic} onDone={() => setEditing(false)} />
      ) : (
        <Button variant="quiet" onClick={() => setEditing(true)}>
          {t.changeDate}
        </Button>
      )}
    </div>
  );
}

function FilledOnForm({ diagnostic, onDone }: { diagnostic: Diagnostic; onDone: () => void }) {
  const t = useMessages(messages);
  const context = useDataContext();
  const check = useFilledOnCheck();
  const [filledOn, setFilledOn] = useState(diagnostic.filledOn);
  const [error, setError] = useState<string>();
  const [failed, setFailed] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  useUnsavedInput(filledOn !== diagnostic.filledOn);
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    // Unchanged, nothing to judge nor to send: a diagnostic stored before these checks stays as it is.
    if (filledOn === diagnostic.filledOn) return onDone();
    const wrong = check(filledOn, form.current);
    setError(wrong);
    if (wrong) return;
    setFailed(false);
    try {
      await redateDiagnostic(context, diagnostic.id, filledOn);
      onDone();
    } catch (problem) {
      console.error(problem);
      setFailed(true);
    }
  };

  return (
    <form ref={form} class="stack" onSubmit={save} noValidate>
      <Field
        label={t.filledOnLabel}
        error={error}
        type="date"
        name="filledOn"
        value={filledOn}
        onInput={(input) => setFilledOn(input.currentTarget.value)}
      />
      {failed ? <Banner tone="error">{t.redateFailed}</Banner> : null}
      <div class="actions">
        <Button type="submit" variant="primary" disabled={!context}>
          {t.saveDate}
        </Button>
        <Button onClick={onDone}>{t.cancel}</Button>
      </div>
    </form>
  );
}
