import { notesOfEvent } from '../../../db/event-notes';
import { getEvent } from '../../../db/events';
import { followUpsOfEvent } from '../../../db/follow-ups';
import { getOrganisation } from '../../../db/organisations';
import { joinIsolated } from '../../../domain/bidi';
import type { NetworkEvent } from '../../../domain/event';
import { EVENT_KIND_LABELS } from '../../../domain/event-labels';
import { labelOf } from '../../../domain/label-of';
import { SERVICE_LABELS } from '../../../domain/services';
import { hrefTo } from '../../../state/router';
import { BackLink } from '../../components/BackLink';
import { Button, ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Fact, Facts } from '../../components/Facts';
import { Hint } from '../../components/Field';
import { FollowUpList } from '../../components/FollowUpList';
import { LongText } from '../../components/LongText';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { AddAttendees } from './AddAttendees';
import { Attendance } from './Attendance';
import { CalendarExport } from './CalendarExport';
import styles from './EventPage.module.css';
import { eventSpan } from './event-dates';
import { messages } from './messages';
import { focusComposer, NoteComposer } from './NoteComposer';
import { NoteTimeline } from './NoteTimeline';
import { Recap } from './Recap';
import { EDIT_SEGMENT } from './segments';

export function EventPage({ eventId }: { eventId: string }) {
  const t = useMessages(messages);
  const event = useLive(async (context) => (await getEvent(context, eventId)) ?? null, [eventId]);
  const notes = useLive((context) => notesOfEvent(context, eventId), [eventId]);
  const followUps = useLive((context) => followUpsOfEvent(context, eventId), [eventId]);
  const placeId = event?.placeOrganisationId ?? null;
  const place = useLive(
    async (context) => (placeId ? ((await getOrganisation(context, placeId)) ?? null) : null),
    [placeId],
  );
  if (event === undefined) return <ScreenHeader title={t.title} />;
  if (event === null) return <EventNotFound />;
  // On screen the place's name and commune are bidi-isolated; the recap and the calendar file
  // are pasted or imported elsewhere, where isolates are invisible clutter: they get them as typed.
  const placeName = place ? joinIsolated([place.name, place.commune], ', ') : null;
  const placeText = place ? [place.name, place.commune].filter(Boolean).join(', ') : null;
  return (
    <>
      <BackLink href={hrefTo('evenements')}>{t.backToList}</BackLink>
      <ScreenHeader
        title={event.title}
        description={<EventSummary event={event} />}
        actions={
          <>
            <Button variant="primary" onClick={focusComposer}>
              {t.takeNote}
            </Button>
            <ButtonLink href={hrefTo('evenements', event.id, EDIT_SEGMENT)}>{t.edit}</ButtonLink>
          </>
        }
      />
      <EventFacts event={event} placeName={placeName} />
      <Section title={t.notesTitle} id="notes">
        <NoteTimeline event={event} notes={notes ?? []} />
        <NoteComposer eventId={event.id} />
      </Section>
      <Section title={t.attendanceTitle} id="presences">
        <div class="stack">
          <Attendance event={event} />
          <AddAttendees event={event} place={place ?? null} />
        </div>
      </Section>
      <Section title={t.followUpsTitle} id="suites">
        <Hint>{t.followUpsHint}</Hint>
        <FollowUpList followUps={followUps ?? []} eventId={event.id} />
      </Section>
      <Section title={t.recapTitle} id="recapitulatif">
        <Recap event={event} notes={notes ?? []} followUps={followUps ?? []} place={place ?? null} />
      </Section>
      <Section title={t.calendarTitle} id="agenda">
        <div class="stack">
          <Hint>{t.calendarHint}</Hint>
          <div class="actions">
            <CalendarExport
              events={[event]}
              followUps={followUps ?? []}
              placeNames={placeId && placeText ? new Map([[placeId, placeText]]) : undefined}
              fileName={event.title}
              label={t.exportEvent}
            />
          </div>
        </div>
      </Section>
    </>
  );
}

function EventSummary({ event }: { event: NetworkEvent }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  return (
    <>
      <span class={styles.kind}>{labelOf(EVENT_KIND_LABELS, event.kind, lang)}</span> · {eventSpan(event, lang, t)}
    </>
  );
}

function EventFacts({ event, placeName }: { event: NetworkEvent; placeName: string | null }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const rows: [string, string][] = [];
  const place = joinIsolated([placeName, event.placeLabel], ' — ');
  if (place) rows.push([t.place, place]);
  if (event.organisers.length > 0) rows.push([t.organisers, joinIsolated(event.organisers, ', ')]);
  if (event.services.length > 0) {
    rows.push([t.services, event.services.map((service) => labelOf(SERVICE_LABELS, service, lang)).join(', ')]);
  }
  if (rows.length === 0 && !event.description) return null;
  return (
    <div class={styles.facts}>
      {rows.length > 0 ? (
        <Facts>
          {rows.map(([label, value]) => (
            <Fact key={label} label={label}>
              {value}
            </Fact>
          ))}
        </Facts>
      ) : null}
      {event.description ? (
        <LongText class={styles.description} text={event.description} about={t.descriptionAbout} />
      ) : null}
    </div>
  );
}

/** An event this device does not hold (deleted, or a link from another network). */
function EventNotFound() {
  const t = useMessages(messages);
  return (
    <>
      <ScreenHeader title={t.notFoundTitle} />
      <EmptyState title={t.notFoundText} action={<ButtonLink href={hrefTo('evenements')}>{t.backToList}</ButtonLink>} />
    </>
  );
}
