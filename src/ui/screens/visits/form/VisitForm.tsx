// Capture or edit a visit, on the form kit: every change goes to the draft at once (a killed
// tab loses nothing), and the save writes the visit, its follow-ups and its photos in one
// transaction that also forgets the draft.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { AttachmentTooLargeError } from '../../../../db/attachments';
import { knownLieuId } from '../../../../db/organisation-queries';
import { type CaptureHints, captureHints, getVisit, saveVisit } from '../../../../db/visits';
import { SERVICE_KEYS } from '../../../../domain/services';
import { navigate, useRoute } from '../../../../state/router';
import { Button, ButtonLink } from '../../../components/Button';
import { classes } from '../../../components/classes';
import { EmptyState } from '../../../components/EmptyState';
import { Field } from '../../../components/Field';
import { InlineContactForm } from '../../../components/InlineContactForm';
import { InlineOrganisationForm } from '../../../components/InlineOrganisationForm';
import { pickerMessages } from '../../../components/picker-messages';
import { RecordPicker } from '../../../components/RecordPicker';
import { ScreenHeader } from '../../../components/ScreenHeader';
import { useBackupWait } from '../../../forms/backup-wait';
import { dateDoubt } from '../../../forms/date-doubt';
import { useDueDateCheck } from '../../../forms/due-dates';
import { DraftNotice, FormProblem } from '../../../forms/FormNotices';
import { inlineDraftProps } from '../../../forms/inline-creation';
import { useTypedDateCheck } from '../../../forms/typed-dates';
import { type FormStart, useFormStart } from '../../../forms/use-form-start';
import { type FieldErrors, useRecordForm } from '../../../forms/use-record-form';
import { useDataContext } from '../../../hooks/use-data-context';
import { useFocusAfterClose } from '../../../hooks/use-focus-after-close';
import { useMessages } from '../../../i18n/messages';
import { LIEU_PARAM } from '../../contacts/paths';
import { SAVED, VISIT_DRAFT_KIND, VISITS, visitHref } from '../paths';
import { FollowUpRows, followUpDueKey, followUpTextKey, PhotoPicker, PositionField, ServiceChoices } from './FormParts';
import { formMessages } from './messages';
import type { PendingPhoto } from './photo';
import {
  describeVisitDraft,
  emptyVisitValues,
  servicesInOrder,
  toVisitInput,
  type VisitFormValues,
  valuesOfVisit,
} from './values';
import styles from './visit-form.module.css';

interface VisitFormProps {
  /** The visit to edit, or null for a new one. */
  visitId: string | null;
  /** The draft to resume (from the list of drafts, or the address after a reload). */
  draftId?: string | undefined;
}

export default function VisitForm({ visitId, draftId }: VisitFormProps) {
  const t = useMessages(formMessages);
  // A new visit's lieu, when the form was opened from a lieu (the map's card).
  const lieuId = useRoute().query[LIEU_PARAM];
  const start = useFormStart<VisitFormValues, PendingPhoto>(
    { kind: VISIT_DRAFT_KIND, recordId: visitId, draftId },
    async (context, id) => {
      // A link may name a lieu this device does not hold (or no id at all): nothing is chosen then.
      if (id === null) return { ...emptyVisitValues(), organisationId: await knownLieuId(context, lieuId) };
      const visit = await getVisit(context, id);
      return visit ? valuesOfVisit(visit) : undefined;
    },
  );
  const hints = useCaptureHints();
  const title = visitId ? t.editTitle : t.newTitle;
  if (start === undefined) return <ScreenHeader title={title} />;
  if (start === 'missing') {
    return (
      <>
        <ScreenHeader title={title} />
        <EmptyState title={t.notFound} action={<ButtonLink href={`#/${VISITS}`}>{t.backToList}</ButtonLink>} />
      </>
    );
  }
  if (hints === undefined) return <ScreenHeader title={title} />;
  return <VisitEditor title={title} start={start} hints={hints} />;
}

const NO_HINTS: CaptureHints = { lastOrganisationId: null, usualServices: [] };

/**
 * The services the recent visits used most, read once before the form shows: arriving after it,
 * they reordered the services under the person's finger, and a tap on a slow phone checked the
 * service that had just moved there.
 */
function useCaptureHints(): CaptureHints | undefined {
  const context = useDataContext();
  const [hints, setHints] = useState<CaptureHints>();
  useEffect(() => {
    if (!context) return;
    // Suggestions only: a failed read leaves the services in their usual order.
    void captureHints(context)
      .catch(() => NO_HINTS)
      .then(setHints);
  }, [context]);
  return hints;
}

function VisitEditor({
  title,
  start,
  hints,
}: {
  title: string;
  start: FormStart<VisitFormValues, PendingPhoto>;
  hints: CaptureHints;
}) {
  const t = useMessages(formMessages);
  const picker = useMessages(pickerMessages);
  const { context, recordId } = start;
  const typedDates = useTypedDateCheck();
  const dueDates = useDueDateCheck();

  const form = useRecordForm(start, {
    check: (values, opened, formElement) => {
      const dues: Record<string, string> = {};
      for (const row of values.followUps) dues[followUpDueKey(row.key)] = row.dueDate;
      const errors: FieldErrors = {
        ...typedDates({ visitedAt: values.visitedAt }, opened && { visitedAt: opened.visitedAt }, formElement),
        ...dueDates(dues, formElement),
      };
      const result = toVisitInput(values);
      if (!result.ok)
        for (const problem of result.problems) {
          if (problem.field === 'visitedAt') errors.visitedAt ??= t.whenInvalid;
          else errors[followUpTextKey(problem.key)] = t.followUpTextMissing;
        }
      // Only a date the person changed: an old visit's stored date does not block its notes.
      const doubt = values.visitedAt === opened?.visitedAt ? null : dateDoubt(values.visitedAt);
      if (doubt && !errors.visitedAt) errors.visitedAt = doubt === 'too_old' ? t.whenTooOld : t.whenTooFar;
      // Saved now, a lieu or a person still being created here would be dropped without a word.
      if (values.newLieu !== null) errors.newLieu = picker.organisationNotAdded;
      if (values.newPerson !== null) errors.newPerson = picker.contactNotAdded;
      return errors;
    },
    save: (values, photos, draftId, opened) => {
      const result = toVisitInput(values);
      if (!result.ok) throw new Error('checked before saving');
      const before = opened && toVisitInput(opened);
      return saveVisit(context, {
        id: recordId,
        visit: result.value.visit,
        opened: before?.ok ? before.value.visit : null,
        followUps: result.value.followUps,
        photos: photos.map(({ key: _key, ...photo }) => photo),
        draftId,
      });
    },
    onSaved: ({ visit }) =>
      navigate(recordId ? visitHref(visit.id) : `${visitHref(visit.id)}?${SAVED}=1`, { replace: true }),
    errorsOf: (error) => (error instanceof AttachmentTooLargeError ? { photos: t.photoTooBigNow } : null),
    describe: describeVisitDraft,
  });
  const { values, change, errors } = form;
  const waiting = useBackupWait(form.saving);
  const { newLieu, newPerson } = values;
  // Once a lieu or a person created here is added, typing goes on from its picker.
  const lieuBox = useFocusAfterClose<HTMLDivElement>(newLieu !== null);
  const peopleBox = useFocusAfterClose<HTMLDivElement>(newPerson !== null);

  const serviceOrder = useMemo(() => servicesInOrder(SERVICE_KEYS, hints.usualServices), [hints]);

  return (
    <>
      <ScreenHeader title={title} description={t.intro} />
      <form class={classes(styles['visit-form'], 'stack')} ref={form.formRef} onSubmit={form.submit} noValidate>
        <DraftNotice form={form} />
        <FormProblem problem={form.problem} fix={t.fixProblems} />
        {/* `stack`: the picker and the lieu created from it keep the form's spacing. */}
        <div ref={lieuBox} class="stack">
          <RecordPicker
            type="organisations"
            label={t.place}
            hint={t.placeHint}
            optional
            selected={values.organisationId ? [values.organisationId] : []}
            suggested={hints.lastOrganisationId ? [hints.lastOrganisationId] : []}
            onChange={(ids) => change({ organisationId: ids[0] ?? null })}
            // One lieu created at a time: a second « Créer » would drop what the open one holds.
            onCreate={newLieu === null ? (text) => change({ newLieu: { initialName: text, typed: null } }) : undefined}
            error={errors.organisationId}
          />
          {newLieu !== null ? (
            <InlineOrganisationForm
              {...inlineDraftProps(newLieu, (next) => change({ newLieu: next }))}
              error={errors.newLieu}
              create={(lieu) =>
                form.createWithin('organisations', lieu, (made) => ({ organisationId: made.id, newLieu: null }))
              }
              onCancel={() => change({ newLieu: null })}
            />
          ) : null}
        </div>
        <ServiceChoices order={serviceOrder} selected={values.services} onChange={(services) => change({ services })} />
        <Field
          as="textarea"
          label={t.notes}
          hint={t.notesHint}
          optional
          rows={5}
          value={values.notes}
          onInput={(event) => change({ notes: event.currentTarget.value })}
          error={errors.notes}
        />
        <div ref={peopleBox} class="stack">
          <RecordPicker
            type="contacts"
            label={t.people}
            hint={t.peopleHint}
            optional
            multiple
            selected={values.contactIds}
            suggested={[]}
            maxShown={4}
            onChange={(contactIds) => change({ contactIds })}
            onCreate={
              newPerson === null ? (text) => change({ newPerson: { initialName: text, typed: null } }) : undefined
            }
            error={errors.contactIds}
          />
          {newPerson !== null ? (
            <InlineContactForm
              {...inlineDraftProps(newPerson, (next) => change({ newPerson: next }))}
              error={errors.newPerson}
              organisationIds={values.organisationId ? [values.organisationId] : []}
              create={(person) =>
                form.createWithin('contacts', person, (made, current) => ({
                  contactIds: [...current.contactIds, made.id],
                  newPerson: null,
                }))
              }
              onCancel={() => change({ newPerson: null })}
            />
          ) : null}
        </div>
        <Field
          label={t.purposeLabel}
          optional
          value={values.purpose}
          onInput={(event) => change({ purpose: event.currentTarget.value })}
          error={errors.purpose}
        />
        <Field
          label={t.when}
          type="datetime-local"
          name="visitedAt"
          value={values.visitedAt}
          onInput={(event) => change({ visitedAt: event.currentTarget.value })}
          error={errors.visitedAt}
        />
        <Field
          label={t.freePlace}
          hint={t.freePlaceHint}
          optional
          value={values.placeLabel}
          onInput={(event) => change({ placeLabel: event.currentTarget.value })}
          error={errors.placeLabel}
        />
        {recordId ? null : (
          <FollowUpRows rows={values.followUps} onChange={(followUps) => change({ followUps })} errors={errors} />
        )}
        {recordId ? null : (
          <PhotoPicker context={context} photos={form.files} onChange={form.setFiles} error={errors.photos} />
        )}
        <PositionField position={values} onChange={(position) => change(position)} />
        <div class={classes('actions', styles['visit-form__submit'])}>
          <Button type="submit" variant="primary" aria-disabled={form.saving}>
            {waiting ?? (form.saving ? t.saving : t.save)}
          </Button>
          <ButtonLink href={recordId ? visitHref(recordId) : `#/${VISITS}`}>{t.cancel}</ButtonLink>
        </div>
      </form>
    </>
  );
}
