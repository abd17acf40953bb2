// The events a person was checked in at, or held at a lieu, newest first, on their page: who
// came to the Assises in March is what a concierge looks for before meeting her again.
import { eventsAtLieu, eventsAttendedBy } from '../../../db/event-queries';
import type { NetworkEvent } from '../../../domain/event';
import { toWallClock } from '../../../domain/time-zone';
import { hrefTo } from '../../../state/router';
import { Hint } from '../../components/Field';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useMessages } from '../../i18n/messages';
import styles from './contacts.module.css';
import { messages } from './messages';

type Status = NetworkEvent['attendees'][string]['status'];

/** As many as a page's visits: a lieu hosting an event a week would list years of them. */
const SHOWN = 20;

export function EventsOf(filter: { organisationId: string } | { contactId: string }) {
  const t = useMessages(messages);
  const d = useDates();
  const contactId = 'contactId' in filter ? filter.contactId : null;
  const organisationId = 'organisationId' in filter ? filter.organisationId : null;
  const events = useLive(
    (context) => (contactId ? eventsAttendedBy(context, contactId) : eventsAtLieu(context, organisationId ?? '')),
    [contactId, organisationId],
  );
  if (events === undefined) return null;
  if (events.length === 0) return <Hint>{t.noEvents}</Hint>;
  const statusWords: Record<Status, string> = {
    invited: t.attendanceInvited,
    present: t.attendancePresent,
    excused: t.attendanceExcused,
  };
  return (
    <>
      <ul class={styles['record-list']}>
        {events.slice(0, SHOWN).map((event) => {
          const status = contactId ? event.attendees[contactId]?.status : undefined;
          // The day the event's own clocks show, as the agenda shows it, whatever the device's zone.
          const day = d.date(toWallClock(event.startsAt, event.timeZone).date);
          return (
            <li key={event.id} class={styles['record-item']}>
              <a class={styles['record-item__main']} href={hrefTo('evenements', event.id)}>
                <span class={styles['record-item__name']}>{event.title}</span>
                <span class={styles['record-item__detail']}>{status ? `${day} · ${statusWords[status]}` : day}</span>
              </a>
            </li>
          );
        })}
      </ul>
      {events.length > SHOWN ? <Hint>{t.olderEvents(events.length - SHOWN)}</Hint> : null}
    </>
  );
}
