// The follow-ups of a visit or an event, ticked in place, with a short form to add one.
// Used by the visit page, the event page and "À faire".
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteDraft, getDraft, saveDraft } from '../../db/drafts';
import { RecordValidationError } from '../../db/errors';
import { addFollowUp, followUpDraftId, setFollowUpDone } from '../../db/follow-ups';
import { dayAfter, localDay } from '../../domain/days';
import type { FollowUp } from '../../domain/follow-up';
import { useDueDateCheck } from '../forms/due-dates';
import { useFocusFirstError } from '../forms/focus-first-error';
import { useDataContext } from '../hooks/use-data-context';
import { useDraftWrites } from '../hooks/use-draft-writes';
import { useUnsavedInput } from '../hooks/use-unsaved-input';
import { useDates } from '../i18n/dates';
import { useLanguage, useMessages } from '../i18n/messages';
import { issuesByField } from '../i18n/validation';
import { Button } from './Button';
import { classes } from './classes';
import { Field, FieldError, Hint } from './Field';
import styles from './FollowUpList.module.css';
import { followUpMessages } from './follow-up-messages';

/**
 * One follow-up: a checkbox that ticks it, `place` (its lieu, where a list mixes lieux), its due
 * day (red when overdue), and `extra` (a link to its visit). `onDone` hears each tick or untick.
 */
export function FollowUpItem({
  followUp,
  place,
  extra,
  onDone,
}: {
  followUp: FollowUp;
  place?: string | null;
  extra?: ComponentChildren;
  onDone?: (done: boolean) => void;
}) {
  const t = useMessages(followUpMessages);
  const d = useDates();
  const context = useDataContext();
  const overdue = !followUp.done && followUp.dueDate != null && followUp.dueDate < localDay();
  return (
    <li class={classes(styles.item, followUp.done && styles.done)}>
      <label class={styles.check}>
        <input
          type="checkbox"
          checked={followUp.done}
          disabled={!context}
          onChange={(event) => {
            if (!context) return;
            const done = event.currentTarget.checked;
            onDone?.(done);
            void setFollowUpDone(context, followUp.id, done);
          }}
        />
        <span class={styles.text}>{followUp.text}</span>
      </label>
      {place ? <span class={styles.place}>{place}</span> : null}
      <span class={classes(styles.due, overdue && styles.late)}>
        {/* The dot only between two parts: an undated follow-up's line began « · Camille ». */}
        {[
          followUp.done && followUp.doneAt
            ? t.doneOn(d.shortDate(followUp.doneAt))
            : followUp.dueDate
              ? overdue
                ? t.overdue(d.date(followUp.dueDate))
                : t.due(d.date(followUp.dueDate))
              : null,
          followUp.owner,
        ]
          .filter(Boolean)
          .join(' · ')}
      </span>
      {extra ? <span class={styles.extra}>{extra}</span> : null}
    </li>
  );
}

/** The list that holds FollowUpItems (a screen's own groups of them: "À faire", an event's day). */
export function FollowUpItems({ children }: { children: ComponentChildren }) {
  return <ul class={styles.list}>{children}</ul>;
}

/** A visit's or an event's follow-ups, and the form to add one to it. */
export function FollowUpList({
  followUps,
  visitId,
  eventId,
}: {
  followUps: readonly FollowUp[];
  visitId?: string;
  eventId?: string;
}) {
  const t = useMessages(followUpMessages);
  return (
    <>
      {followUps.length === 0 ? (
        <div class={styles.none}>
          <Hint>{t.none}</Hint>
        </div>
      ) : (
        <FollowUpItems>
          {followUps.map((followUp) => (
            <FollowUpItem key={followUp.id} followUp={followUp} />
          ))}
        </FollowUpItems>
      )}
      <AddFollowUp visitId={visitId} eventId={eventId} />
    </>
  );
}

type FollowUpValues = { text: string; dueDate: string; owner: string };

const EMPTY: FollowUpValues = { text: '', dueDate: '', owner: '' };

const isEmpty = (values: FollowUpValues) => values.text === '' && values.dueDate === '' && values.owner === '';

function AddFollowUp({ visitId, eventId }: { visitId?: string | undefined; eventId?: string | undefined }) {
  const t = useMessages(followUpMessages);
  const lang = useLanguage();
  const context = useDataContext();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [failed, setFailed] = useState(false);
  const drafts = useDraftWrites();
  const dueDates = useDueDateCheck();
  // Once in its draft, the follow-up comes back after a reload: leaving asks only before that.
  useUnsavedInput(!isEmpty(values) && (drafts.unkept || !context));
  const draftId = followUpDraftId({ visitId, eventId });
  // What is typed before the draft is read wins over it, and an empty form does not erase a
  // draft it has not yet given back.
  const draftRead = useRef(false);

  // A follow-up half typed when the page was reloaded or the phone ended the app comes back.
  useEffect(() => {
    if (!context) return;
    let active = true;
    void getDraft(context, draftId).then((draft) => {
      if (!active) return;
      draftRead.current = true;
      if (!draft) return;
      const kept = draft.values as Partial<FollowUpValues>;
      setValues((current) =>
        isEmpty(current) ? { text: kept.text ?? '', dueDate: kept.dueDate ?? '', owner: kept.owner ?? '' } : current,
      );
    });
    return () => {
      active = false;
    };
  }, [context, draftId]);

  const change = (next: FollowUpValues) => {
    setValues(next);
    if (!context || (isEmpty(next) && !draftRead.current)) return;
    drafts.keep(
      isEmpty(next)
        ? deleteDraft(context, draftId)
        : saveDraft(context, {
            id: draftId,
            kind: visitId ? 'visitFollowUp' : 'eventFollowUp',
            recordId: visitId ?? eventId ?? null,
            title: next.text,
            values: next,
          }),
    );
  };

  const add = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    setFailed(false);
    const wrongDates = dueDates({ dueDate: values.dueDate }, event.currentTarget as HTMLFormElement);
    if (Object.keys(wrongDates).length > 0) {
      setErrors(wrongDates);
      return;
    }
    try {
      await addFollowUp(context, {
        text: values.text,
        dueDate: values.dueDate || null,
        owner: values.owner.trim() || null,
        visitId: visitId ?? null,
        eventId: eventId ?? null,
      });
      setValues(EMPTY);
      setErrors({});
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(issuesByField(error.issues, lang));
      else setFailed(true);
    }
  };

  return (
    <form ref={formRef} class={styles.add} onSubmit={add} noValidate>
      <Field
        label={t.newText}
        value={values.text}
        onInput={(event) => change({ ...values, text: event.currentTarget.value })}
        error={errors.text}
      />
      <div class={styles.addRow}>
        <Field
          label={t.newDue}
          type="date"
          name="dueDate"
          optional
          value={values.dueDate}
          onInput={(event) => change({ ...values, dueDate: event.currentTarget.value })}
          error={errors.dueDate}
        />
        <Button variant="quiet" onClick={() => change({ ...values, dueDate: dayAfter(localDay(), 7) })}>
          {t.inAWeek}
        </Button>
      </div>
      <Field
        label={t.owner}
        optional
        value={values.owner}
        onInput={(event) => change({ ...values, owner: event.currentTarget.value })}
        error={errors.owner}
      />
      {failed ? <FieldError role="alert">{t.failed}</FieldError> : null}
      <div>
        <Button type="submit">{t.add}</Button>
      </div>
    </form>
  );
}
