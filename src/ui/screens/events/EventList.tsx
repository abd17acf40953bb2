import { listEvents } from '../../../db/events';
import { openFollowUps } from '../../../db/follow-ups';
import { organisationsByIds } from '../../../db/organisations';
import { joinIsolated } from '../../../domain/bidi';
import { localDay } from '../../../domain/days';
import type { NetworkEvent } from '../../../domain/event';
import { type DaySpan, splitAgenda } from '../../../domain/event-agenda';
import { EVENT_KIND_LABELS } from '../../../domain/event-labels';
import type { FollowUp } from '../../../domain/follow-up';
import { labelOf } from '../../../domain/label-of';
import { hrefTo } from '../../../state/router';
import { Badge } from '../../components/Badge';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { FollowUpItem, FollowUpItems } from '../../components/FollowUpList';
import { RecordBoundary } from '../../components/RecordBoundary';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { CalendarExport } from './CalendarExport';
import styles from './EventList.module.css';
import { eventDayParts, eventTime, zoneOf } from './event-dates';
import { messages } from './messages';
import { NEW_SEGMENT } from './segments';

export function EventList() {
  const t = useMessages(messages);
  const events = useLive((context) => listEvents(context), []);
  const followUps = useLive((context) => openFollowUps(context), []);
  const placeNames = useLive(
    async (context) => {
      const ids = [...new Set((events ?? []).flatMap((event) => event.placeOrganisationId ?? []))];
      const places = await organisationsByIds(context, ids);
      return new Map(places.map((place) => [place.id, place.name]));
    },
    [events],
  );
  const newButton = (
    <ButtonLink variant="primary" href={hrefTo('evenements', NEW_SEGMENT)}>
      {t.newEvent}
    </ButtonLink>
  );
  if (events === undefined || followUps === undefined) return <ScreenHeader title={t.title} description={t.purpose} />;
  const now = new Date();
  const { today, upcoming, past } = splitAgenda(events, now, deviceDay(now));
  const todayDay = localDay(now);
  const dated = followUps.filter((followUp) => followUp.dueDate);
  const dueNow = dated.filter((followUp) => (followUp.dueDate ?? '') <= todayDay);
  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} actions={events.length > 0 ? newButton : null} />
      {events.length === 0 && dueNow.length === 0 ? (
        <EmptyState title={t.emptyTitle} action={newButton}>
          {t.emptyText}
        </EmptyState>
      ) : (
        <>
          {today.length > 0 || dueNow.length > 0 ? (
            <Section title={t.today} id="aujourdhui">
              <div class="stack">
                {today.length > 0 ? <Agenda events={today} now={now} placeNames={placeNames} /> : null}
                {dueNow.length > 0 ? (
                  <>
                    <h3>{t.dueNowTitle}</h3>
                    <FollowUpItems>
                      {dueNow.map((followUp) => (
                        <FollowUpItem
                          key={followUp.id}
                          followUp={followUp}
                          extra={<SourceLink followUp={followUp} />}
                        />
                      ))}
                    </FollowUpItems>
                  </>
                ) : null}
              </div>
            </Section>
          ) : null}
          <Section title={t.upcoming} id="a-venir">
            {upcoming.length === 0 ? (
              <p>{t.noUpcoming}</p>
            ) : (
              <Agenda events={upcoming} now={now} placeNames={placeNames} />
            )}
            {upcoming.length > 0 || dated.length > 0 ? (
              <div class={`actions ${styles.export}`}>
                <CalendarExport
                  events={[...today, ...upcoming]}
                  followUps={dated}
                  placeNames={placeNames}
                  fileName={t.upcomingFileName}
                  label={t.exportUpcoming}
                />
              </div>
            ) : null}
          </Section>
          {past.length > 0 ? (
            <Section title={t.past} id="passes">
              <Agenda events={past} now={now} placeNames={placeNames} />
            </Section>
          ) : null}
        </>
      )}
    </>
  );
}

/** Where a follow-up came from: its event or its visit. */
function SourceLink({ followUp }: { followUp: FollowUp }) {
  const t = useMessages(messages);
  if (followUp.eventId) return <a href={hrefTo('evenements', followUp.eventId)}>{t.openEvent}</a>;
  if (followUp.visitId) return <a href={hrefTo('visites', followUp.visitId)}>{t.openVisit}</a>;
  return null;
}

/** Today as this device's clock bounds it. */
function deviceDay(now: Date): DaySpan {
  const from = new Date(now);
  from.setHours(0, 0, 0, 0);
  const to = new Date(from);
  to.setDate(to.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

interface AgendaProps {
  events: NetworkEvent[];
  now: Date;
  placeNames: ReadonlyMap<string, string> | undefined;
}

function Agenda({ events, now, placeNames }: AgendaProps) {
  return (
    <ul class={styles.agenda}>
      {events.map((event) => (
        <RecordBoundary key={event.id} as="li" type="events" record={event} name={event.title}>
          <AgendaItem event={event} now={now} placeNames={placeNames} />
        </RecordBoundary>
      ))}
    </ul>
  );
}

function AgendaItem({ event, now, placeNames }: Omit<AgendaProps, 'events'> & { event: NetworkEvent }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const nowIso = now.toISOString();
  const zone = zoneOf(event);
  const underWay = event.startsAt <= nowIso && event.endsAt >= nowIso;
  const day = eventDayParts(event.startsAt, zone, lang);
  return (
    <li>
      <a class={styles.item} data-testid="agenda-item" href={hrefTo('evenements', event.id)}>
        <span class={styles.date}>
          <span class={styles.weekday}>{day.weekday}</span>
          <span>{day.day}</span>
          <span class={styles.time}>{eventTime(event.startsAt, zone)}</span>
        </span>
        <span class={styles.text}>
          <span class={styles.title}>{event.title}</span>
          <span class={styles.meta}>
            {joinIsolated(
              [
                labelOf(EVENT_KIND_LABELS, event.kind, lang),
                event.placeOrganisationId ? placeNames?.get(event.placeOrganisationId) : null,
                event.placeLabel,
              ],
              ' · ',
            )}
          </span>
          {underWay ? (
            <span class={styles.status}>
              <Badge tone="success">{t.underWay}</Badge>
            </span>
          ) : null}
        </span>
      </a>
    </li>
  );
}
