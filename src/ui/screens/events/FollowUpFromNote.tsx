import { useEffect, useState } from 'preact/hooks';
import { RecordValidationError } from '../../../db/errors';
import { followUpFromNote } from '../../../db/event-notes';
import type { EventNote, NetworkEvent } from '../../../domain/event';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useDueDateCheck } from '../../forms/due-dates';
import { FormProblem } from '../../forms/FormNotices';
import { useFocusFirstError } from '../../forms/focus-first-error';
import { useDataContext } from '../../hooks/use-data-context';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { issuesByField } from '../../i18n/validation';
import styles from './forms.module.css';
import { messages } from './messages';

/** Turns an action note into a follow-up: who does it, by when. `onDone(true)` once it is made. */
export function FollowUpFromNote({
  event,
  note,
  onDone,
}: {
  event: NetworkEvent;
  note: EventNote;
  onDone: (made: boolean) => void;
}) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const [text, setText] = useState(note.text);
  const [owner, setOwner] = useState(note.authorName);
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failed, setFailed] = useState(false);
  const dueDates = useDueDateCheck();
  useUnsavedInput(true);
  // A refused save takes the focus to the field in error, as every form does: it stayed on
  // « Créer la suite », and a screen reader said nothing of the field below the alert.
  const form = useFocusFirstError(errors);
  useEffect(() => form.current?.querySelector('textarea')?.focus(), []);

  const save = async (submitted: Event) => {
    submitted.preventDefault();
    if (!context) return;
    const wrongDates = dueDates({ dueDate }, form.current);
    if (Object.keys(wrongDates).length > 0) {
      setErrors(wrongDates);
      return;
    }
    try {
      await followUpFromNote(context, note.id, {
        text,
        owner: owner.trim() || null,
        dueDate: dueDate || null,
        eventId: event.id,
        services: [...event.services],
      });
      onDone(true);
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(issuesByField(error.issues, lang));
      else setFailed(true);
    }
  };

  return (
    <form ref={form} class={`stack ${styles.followUpForm}`} onSubmit={save} noValidate>
      <FormProblem problem={Object.keys(errors).length > 0 ? 'errors' : null} fix={t.fixErrors} />
      <Field
        as="textarea"
        rows={2}
        label={t.followUpText}
        value={text}
        error={errors.text}
        onInput={(input) => setText(input.currentTarget.value)}
      />
      <div class={styles.pairIfRoom}>
        <Field
          label={t.followUpOwner}
          optional
          value={owner}
          error={errors.owner}
          onInput={(input) => setOwner(input.currentTarget.value)}
        />
        <Field
          label={t.followUpDue}
          type="date"
          name="dueDate"
          optional
          value={dueDate}
          error={errors.dueDate}
          onInput={(input) => setDueDate(input.currentTarget.value)}
        />
      </div>
      {failed ? <Banner tone="error">{t.followUpFailed}</Banner> : null}
      <div class="actions">
        <Button type="submit" variant="primary">
          {t.followUpCreate}
        </Button>
        <Button onClick={() => onDone(false)}>{t.cancel}</Button>
      </div>
    </form>
  );
}
