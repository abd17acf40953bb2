// Create or edit an event on the form kit: kept as a draft on every change, saved in one
// transaction that forgets the draft; dates are typed as the wall clock of the event's zone.

import { deleteEvent, getEvent } from '../../../db/events';
import { saveRecordForm } from '../../../db/form-save';
import { EVENT_KIND_LABELS } from '../../../domain/event-labels';
import { labelOf } from '../../../domain/label-of';
import { SERVICE_KEYS, SERVICE_LABELS } from '../../../domain/services';
import { EVENT_KINDS, type EventKind } from '../../../domain/vocabulary';
import { hrefTo, navigate } from '../../../state/router';
import { Button } from '../../components/Button';
import { Choice } from '../../components/Choices';
import { Field, fieldParts, OptionalMark } from '../../components/Field';
import { pickerMessages } from '../../components/picker-messages';
import { FormFrame } from '../../forms/FormFrame';
import { FormGate } from '../../forms/FormGate';
import { useTypedDateCheck } from '../../forms/typed-dates';
import { type FormStart, fromRecord, useFormStart } from '../../forms/use-form-start';
import { type FieldErrors, useRecordForm } from '../../forms/use-record-form';
import { useLanguage, useMessages } from '../../i18n/messages';
import { timeZoneName } from './event-dates';
import {
  type EventFormValues,
  eventFields,
  eventFormValues,
  eventInstants,
  TIME_ZONES,
  typedEventDates,
} from './event-form-values';
import styles from './forms.module.css';
import { messages } from './messages';
import { PlacePicker } from './PlacePicker';

export function EventForm({ eventId, draftId }: { eventId: string | null; draftId?: string | undefined }) {
  const t = useMessages(messages);
  const start = useFormStart({ kind: 'event', recordId: eventId, draftId }, fromRecord(getEvent, eventFormValues));
  return (
    <FormGate
      title={eventId ? t.editTitle : t.newTitle}
      start={start}
      missing={{ text: t.notFoundText, back: t.backToList, href: hrefTo('evenements') }}
    >
      {(ready) => <Form start={ready} />}
    </FormGate>
  );
}

function Form({ start }: { start: FormStart<EventFormValues> }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const picker = useMessages(pickerMessages);
  const { context, recordId } = start;
  const typedDates = useTypedDateCheck();
  const form = useRecordForm(start, {
    check: (values, opened, formElement) => {
      const found: FieldErrors = typedDates(typedEventDates(values), opened && typedEventDates(opened), formElement);
      const { startsAt, endsAt } = eventInstants(values);
      // A day with no time is told at the time field, the one left to fill.
      if (!startsAt && !found.startTime) {
        if (values.startDate && !values.startTime) found.startTime = t.startTimeMissing;
        else found.startDate ??= t.dateInvalid;
      }
      if (!endsAt && !found.endTime) {
        if (values.endDate && !values.endTime) found.endTime = t.endTimeMissing;
        else found.endDate ??= t.dateInvalid;
      }
      // Saved now, a lieu still being created here would be dropped without a word.
      if (values.newPlace !== null) found.newPlace = picker.organisationNotAdded;
      return found;
    },
    // An instant the form could not make is the check's to place (at a time the browser could not
    // read, not at the correct date beside it): the domain's word on it would land on the date.
    // An instant made is left in, for « must not end before it starts ».
    record: (values) => {
      const { startsAt, endsAt, ...rest } = eventFields(values);
      return { type: 'events', fields: { ...rest, ...(startsAt ? { startsAt } : {}), ...(endsAt ? { endsAt } : {}) } };
    },
    save: (values, _files, draftId, opened) =>
      saveRecordForm(context, 'events', recordId, eventFields(values), draftId, opened && eventFields(opened)),
    onSaved: (saved) => navigate(hrefTo('evenements', saved.id), { replace: true }),
    fieldOf: { startsAt: 'startDate', endsAt: 'endDate' },
    describe: (values) => values.title.trim(),
  });
  const { values, errors } = form;
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) =>
    // A one-day event is the common case: the end day follows the start day.
    form.change(
      key === 'startDate' && values.endDate === values.startDate
        ? { startDate: value as string, endDate: value as string }
        : ({ [key]: value } as Partial<EventFormValues>),
    );

  const remove = async () => {
    if (!recordId || !confirm(t.confirmDelete)) return;
    await deleteEvent(context, recordId);
    navigate(hrefTo('evenements'), { replace: true });
  };

  return (
    <FormFrame
      form={form}
      title={recordId ? t.editTitle : t.newTitle}
      description={t.formPurpose}
      class={styles.eventForm}
      fix={t.fixErrors}
      saveLabel={recordId ? t.save : t.create}
      cancelLabel={t.cancel}
      cancelHref={recordId ? hrefTo('evenements', recordId) : hrefTo('evenements')}
      more={
        recordId ? (
          <Button variant="danger" class={styles.delete} onClick={remove}>
            {t.deleteEvent}
          </Button>
        ) : null
      }
    >
      <Field
        label={t.fieldTitle}
        hint={t.fieldTitleHint}
        name="title"
        value={values.title}
        error={errors.title}
        onInput={(input) => set('title', input.currentTarget.value)}
      />
      <Field
        as="select"
        label={t.fieldKind}
        name="kind"
        value={values.kind}
        onChange={(input) => set('kind', input.currentTarget.value as EventKind)}
      >
        {/* A kind of a later release is offered as it is, so saving keeps it. */}
        {[...EVENT_KINDS, ...(EVENT_KINDS.includes(values.kind) ? [] : [values.kind])].map((kind) => (
          <option key={kind} value={kind}>
            {labelOf(EVENT_KIND_LABELS, kind, lang)}
          </option>
        ))}
      </Field>
      <div class={styles.pair}>
        <Field
          label={t.fieldStartDate}
          type="date"
          name="startDate"
          value={values.startDate}
          error={errors.startDate}
          onInput={(input) => set('startDate', input.currentTarget.value)}
        />
        <Field
          label={t.fieldStartTime}
          type="time"
          name="startTime"
          value={values.startTime}
          error={errors.startTime}
          onInput={(input) => set('startTime', input.currentTarget.value)}
        />
      </div>
      <div class={styles.pair}>
        <Field
          label={t.fieldEndDate}
          type="date"
          name="endDate"
          value={values.endDate}
          error={errors.endDate}
          onInput={(input) => set('endDate', input.currentTarget.value)}
        />
        <Field
          label={t.fieldEndTime}
          type="time"
          name="endTime"
          value={values.endTime}
          error={errors.endTime}
          onInput={(input) => set('endTime', input.currentTarget.value)}
        />
      </div>
      <Field
        as="select"
        label={t.fieldTimeZone}
        hint={t.fieldTimeZoneHint}
        name="timeZone"
        value={values.timeZone}
        onChange={(input) => set('timeZone', input.currentTarget.value)}
      >
        {(TIME_ZONES.includes(values.timeZone) ? TIME_ZONES : [values.timeZone, ...TIME_ZONES]).map((zone) => (
          <option key={zone} value={zone}>
            {timeZoneName(zone, lang)}
          </option>
        ))}
      </Field>
      <PlacePicker
        value={values.placeOrganisationId}
        creating={values.newPlace}
        onChange={form.change}
        create={(lieu) =>
          form.createWithin('organisations', lieu, (made) => ({ placeOrganisationId: made.id, newPlace: null }))
        }
        error={errors.newPlace}
      />
      <Field
        label={t.fieldPlaceLabel}
        hint={t.fieldPlaceLabelHint}
        name="placeLabel"
        optional
        value={values.placeLabel}
        error={errors.placeLabel}
        onInput={(input) => set('placeLabel', input.currentTarget.value)}
      />
      <Field
        label={t.fieldOrganisers}
        hint={t.fieldOrganisersHint}
        name="organisers"
        optional
        value={values.organisers}
        error={errors.organisers}
        onInput={(input) => set('organisers', input.currentTarget.value)}
      />
      <fieldset class={styles.services}>
        <legend class={fieldParts.label}>
          {t.fieldServices}
          <OptionalMark />
        </legend>
        {/* Services of a later release stay ticked, named as unknown, and are saved as they are. */}
        {[...SERVICE_KEYS, ...values.services.filter((key) => !SERVICE_KEYS.includes(key))].map((service) => (
          <Choice key={service}>
            <input
              type="checkbox"
              name="services"
              value={service}
              checked={values.services.includes(service)}
              onChange={(input) =>
                set(
                  'services',
                  input.currentTarget.checked
                    ? [...SERVICE_KEYS, ...values.services].filter(
                        (key, index, all) =>
                          all.indexOf(key) === index && (key === service || values.services.includes(key)),
                      )
                    : values.services.filter((key) => key !== service),
                )
              }
            />
            {labelOf(SERVICE_LABELS, service, lang)}
          </Choice>
        ))}
      </fieldset>
      <Field
        as="textarea"
        label={t.fieldDescription}
        name="description"
        optional
        value={values.description}
        error={errors.description}
        onInput={(input) => set('description', input.currentTarget.value)}
      />
    </FormFrame>
  );
}
