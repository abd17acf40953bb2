import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { RecordValidationError } from '../../../db/errors';
import { createEvent, deleteEvent, getEvent, updateEvent } from '../../../db/events';
import type { NetworkEvent } from '../../../domain/event';
import { EVENT_KIND_LABELS } from '../../../domain/event-labels';
import { SERVICE_KEYS, SERVICE_LABELS, type ServiceKey } from '../../../domain/services';
import { DEFAULT_TIME_ZONE, fromWallClock, toWallClock } from '../../../domain/time-zone';
import { EVENT_KINDS, type EventKind, labelOf } from '../../../domain/vocabulary';
import { hrefTo, navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { issuesByField } from '../../i18n/validation';
import { messages } from './messages';
import { PlacePicker } from './PlacePicker';

/** Zones of France and its overseas territories, where the network's events take place. */
const TIME_ZONES = [
  'Europe/Paris',
  'America/Guadeloupe',
  'America/Martinique',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'America/Miquelon',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Pacific/Wallis',
];

interface Values {
  title: string;
  kind: EventKind;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  placeOrganisationId: string | null;
  placeLabel: string;
  organisers: string;
  services: ServiceKey[];
  description: string;
}

function valuesOf(event: NetworkEvent | null): Values {
  if (!event) {
    const today = toWallClock(new Date(), DEFAULT_TIME_ZONE).date;
    return {
      title: '',
      kind: 'network_meeting',
      startDate: today,
      startTime: '09:00',
      endDate: today,
      endTime: '17:00',
      timeZone: DEFAULT_TIME_ZONE,
      placeOrganisationId: null,
      placeLabel: '',
      organisers: '',
      services: ['federate'],
      description: '',
    };
  }
  const zone = event.timeZone || DEFAULT_TIME_ZONE;
  const start = toWallClock(event.startsAt, zone);
  const end = toWallClock(event.endsAt, zone);
  return {
    title: event.title,
    kind: event.kind,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    timeZone: zone,
    placeOrganisationId: event.placeOrganisationId ?? null,
    placeLabel: event.placeLabel ?? '',
    organisers: event.organisers.join(', '),
    services: [...event.services],
    description: event.description ?? '',
  };
}

export function EventForm({ eventId }: { eventId: string | null }) {
  const t = useMessages(messages);
  const existing = useLive(
    async (context) => (eventId ? ((await getEvent(context, eventId)) ?? null) : null),
    [eventId],
  );
  if (eventId === null) return <Form event={null} />;
  if (existing === undefined) return <ScreenHeader title={t.editTitle} />;
  if (existing === null) return <EventNotFound />;
  return <Form event={existing} />;
}

export function EventNotFound() {
  const t = useMessages(messages);
  return (
    <>
      <ScreenHeader title={t.notFoundTitle} />
      <EmptyState title={t.notFoundText} action={<ButtonLink href={hrefTo('evenements')}>{t.backToList}</ButtonLink>} />
    </>
  );
}

type Errors = Record<string, string>;

function Form({ event }: { event: NetworkEvent | null }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const initial = useMemo(() => valuesOf(event), [event?.id]);
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const dirty = JSON.stringify(values) !== JSON.stringify(initial);
  const offeredServices = [...SERVICE_KEYS, ...initial.services.filter((key) => !SERVICE_KEYS.includes(key))];
  // After a refused save, the first field at fault comes into view with its sentence.
  const showFirstError = () =>
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  useUnsavedInput(dirty && !saving);

  useEffect(() => setFailed(false), [values]);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => {
      const next = { ...current, [key]: value };
      // A one-day event is the common case: the end day follows the start day.
      if (key === 'startDate' && current.endDate === current.startDate) next.endDate = value as string;
      return next;
    });
    setErrors((current) => ({ ...current, [key]: '' }));
  };

  const submit = async (submitted: Event) => {
    submitted.preventDefault();
    if (!context) return;
    const startsAt = fromWallClock({ date: values.startDate, time: values.startTime }, values.timeZone);
    const endsAt = fromWallClock({ date: values.endDate, time: values.endTime }, values.timeZone);
    const found: Errors = {};
    if (!startsAt) found.startDate = t.dateInvalid;
    if (!endsAt) found.endDate = t.dateInvalid;
    if (!startsAt || !endsAt) {
      setErrors(found);
      showFirstError();
      return;
    }
    const fields = {
      title: values.title,
      kind: values.kind,
      startsAt,
      endsAt,
      timeZone: values.timeZone,
      placeOrganisationId: values.placeOrganisationId,
      placeLabel: values.placeLabel.trim() || null,
      organisers: values.organisers
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
      services: values.services,
      description: values.description.trim() || null,
    };
    setSaving(true);
    try {
      const saved = event ? await updateEvent(context, event.id, fields) : await createEvent(context, fields);
      navigate(hrefTo('evenements', saved.id), { replace: true });
    } catch (error) {
      setSaving(false);
      if (error instanceof RecordValidationError) {
        const byField = issuesByField(error.issues, lang);
        setErrors({
          ...byField,
          startDate: byField.startsAt ?? '',
          endDate: byField.endsAt ?? '',
        });
        showFirstError();
      } else {
        setFailed(true);
      }
    }
  };

  const remove = async () => {
    if (!context || !event || !confirm(t.confirmDelete)) return;
    await deleteEvent(context, event.id);
    navigate(hrefTo('evenements'), { replace: true });
  };

  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <ScreenHeader title={event ? t.editTitle : t.newTitle} description={t.formPurpose} />
      <form class="stack event-form" onSubmit={submit} noValidate ref={form}>
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
        <div class="event-form__pair">
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
            onInput={(input) => set('startTime', input.currentTarget.value)}
          />
        </div>
        <div class="event-form__pair">
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
              {zone}
            </option>
          ))}
        </Field>
        <PlacePicker value={values.placeOrganisationId} onChange={(id) => set('placeOrganisationId', id)} />
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
        {/* Services of a later release stay ticked, named as unknown, and are saved as they are. */}
        <fieldset class="services">
          <legend class="field__label">{t.fieldServices}</legend>
          {offeredServices.map((service) => (
            <label key={service} class="choice">
              <input
                type="checkbox"
                name="services"
                value={service}
                checked={values.services.includes(service)}
                onChange={(input) =>
                  set(
                    'services',
                    input.currentTarget.checked
                      ? offeredServices.filter((key) => key === service || values.services.includes(key))
                      : values.services.filter((key) => key !== service),
                  )
                }
              />
              {labelOf(SERVICE_LABELS, service, lang)}
            </label>
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
        {hasErrors ? <Banner tone="error">{t.fixErrors}</Banner> : null}
        {failed ? <Banner tone="error">{t.saveFailed}</Banner> : null}
        <div class="actions">
          <Button type="submit" variant="primary" disabled={!context || saving}>
            {event ? t.save : t.create}
          </Button>
          <ButtonLink href={event ? hrefTo('evenements', event.id) : hrefTo('evenements')}>{t.cancel}</ButtonLink>
          {event ? (
            <Button variant="danger" class="event-form__delete" onClick={remove}>
              {t.deleteEvent}
            </Button>
          ) : null}
        </div>
      </form>
    </>
  );
}
