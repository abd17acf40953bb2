// The events of one person or one lieu, for their pages: read by the events' indexes (the
// people checked in, the place), never by the whole table, apart from the agenda's writes.
import type { NetworkEvent } from '../domain/event';
import { ATTENDEE_IDS } from './attendee-keys';
import type { DataContext } from './context';
import { withoutClocks } from './reads';

type EventIndex = typeof ATTENDEE_IDS | 'placeOrganisationId';

async function eventsBy(context: DataContext, index: EventIndex, key: string): Promise<NetworkEvent[]> {
  const events = await context.db.records('events').where(index).equals(key).toArray();
  return events
    .filter((event) => !event.deleted)
    .sort((a, b) => (a.startsAt < b.startsAt ? 1 : a.startsAt > b.startsAt ? -1 : 0))
    .map(withoutClocks);
}

/** The events a person is checked in at (invited, present or excused), newest first. */
export function eventsAttendedBy(context: DataContext, contactId: string): Promise<NetworkEvent[]> {
  return eventsBy(context, ATTENDEE_IDS, contactId);
}

/** The events held at a lieu, newest first. */
export function eventsAtLieu(context: DataContext, organisationId: string): Promise<NetworkEvent[]> {
  return eventsBy(context, 'placeOrganisationId', organisationId);
}
