import { listEvents } from '../../../db/events';
import type { NetworkEvent } from '../../../domain/event';
import { splitAgenda } from '../../../domain/event-agenda';
import { EVENT_KIND_LABELS } from '../../../domain/event-labels';
import { hrefTo } from '../../../state/router';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { eventShortDay, eventTime, zoneOf } from './event-dates';
import { messages } from './messages';
import { NEW_SEGMENT } from './segments';

export function EventList() {
  const t = useMessages(messages);
  const events = useLive((context) => listEvents(context), []);
  const newButton = (
    <ButtonLink variant="primary" href={hrefTo('evenements', NEW_SEGMENT)}>
      {t.newEvent}
    </ButtonLink>
  );
  if (events === undefined) return <ScreenHeader title={t.title} description={t.purpose} />;
  const now = new Date();
  const { upcoming, past } = splitAgenda(events, now);
  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} actions={events.length > 0 ? newButton : null} />
      {events.length === 0 ? (
        <EmptyState title={t.emptyTitle} action={newButton}>
          {t.emptyText}
        </EmptyState>
      ) : (
        <>
          <Section title={t.upcoming} id="a-venir">
            {upcoming.length === 0 ? <p>{t.noUpcoming}</p> : <Agenda events={upcoming} now={now} />}
          </Section>
          {past.length > 0 ? (
            <Section title={t.past} id="passes">
              <Agenda events={past} now={now} />
            </Section>
          ) : null}
        </>
      )}
    </>
  );
}

function Agenda({ events, now }: { events: NetworkEvent[]; now: Date }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const nowIso = now.toISOString();
  return (
    <ul class="agenda">
      {events.map((event) => {
        const zone = zoneOf(event);
        const underWay = event.startsAt <= nowIso && event.endsAt >= nowIso;
        return (
          <li key={event.id}>
            <a class="agenda__item" href={hrefTo('evenements', event.id)}>
              <span class="agenda__date">
                <span class="agenda__day">{eventShortDay(event.startsAt, zone, lang)}</span>
                <span class="agenda__time">{eventTime(event.startsAt, zone)}</span>
              </span>
              <span class="agenda__text">
                <span class="agenda__title">{event.title}</span>
                <span class="agenda__meta">
                  {[EVENT_KIND_LABELS[event.kind][lang], event.placeLabel].filter(Boolean).join(' · ')}
                </span>
              </span>
              {underWay ? <span class="badge badge--live">{t.underWay}</span> : null}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
