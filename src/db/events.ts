// Events of the network: the agenda and one event's page. Attendance is written person by
// person (a map entry each), so two concierges ticking presence offline both keep theirs.
import type { Contact } from '../domain/contact';
import type { NetworkEvent } from '../domain/event';
import type { NewRecord } from '../domain/record-types';
import type { OrganisationKind } from '../domain/vocabulary';
import { contactsByIds, createContact } from './contacts';
import type { DataContext } from './context';
import { saveWithDraft } from './form-save';
import { organisationsByIds } from './organisations';
import { deleteRecord, setMapEntries } from './writes';

export type Attendee = NetworkEvent['attendees'][string];

/** Every event kept on this device, deleted ones excluded, by start. */
export async function listEvents(context: DataContext): Promise<NetworkEvent[]> {
  const events = await context.db.records('events').orderBy('startsAt').toArray();
  return events.filter((event) => !event.deleted);
}

export async function getEvent(context: DataContext, id: string): Promise<NetworkEvent | undefined> {
  const event = await context.db.records('events').get(id);
  return event && !event.deleted ? event : undefined;
}

export function deleteEvent(context: DataContext, id: string): Promise<NetworkEvent> {
  return deleteRecord(context, 'events', id);
}

/** Adds, changes (`present`, `excused`…) or removes (null) people of an event, each on its own. */
export function setAttendance(
  context: DataContext,
  eventId: string,
  entries: Record<string, Attendee | null>,
): Promise<NetworkEvent> {
  return setMapEntries(context, 'events', eventId, 'attendees', entries);
}

/** The draft of the person being created at an event, on this device: one per event. */
export const attendeeDraftId = (eventId: string) => `eventAttendee-${eventId}`;

/**
 * A person created on the spot at an event: the person, their attendance and the forgetting of
 * the draft they were typed in, in one transaction. Apart, a tab killed between them left the
 * person made and the draft still there, whose « Ajouter », restored, made the person twice.
 */
export function addNewAttendee(
  context: DataContext,
  eventId: string,
  person: NewRecord<'contacts'>,
  status: Attendee['status'],
): Promise<Contact> {
  const { db } = context;
  const tables = [db.records('contacts'), db.records('events')];
  return saveWithDraft(context, tables, attendeeDraftId(eventId), async () => {
    const contact = await createContact(context, person);
    await setAttendance(context, eventId, { [contact.id]: { name: contact.name, status } });
    return contact;
  });
}

/**
 * The kind of organisation (tiers-lieu, collectivité…) of each attendee, by their first
 * organisation; people without one, or deleted since, are left out.
 */
export async function attendeeKinds(
  context: DataContext,
  event: Pick<NetworkEvent, 'attendees'>,
): Promise<Record<string, OrganisationKind>> {
  const contacts = await contactsByIds(context, Object.keys(event.attendees));
  const firstOrganisation = new Map(
    contacts.flatMap((contact) =>
      contact.organisationIds[0] ? [[contact.id, contact.organisationIds[0]] as const] : [],
    ),
  );
  const organisations = await organisationsByIds(context, [...new Set(firstOrganisation.values())]);
  const kindOf = new Map(organisations.map((organisation) => [organisation.id, organisation.kind]));
  const kinds: Record<string, OrganisationKind> = {};
  for (const [contactId, organisationId] of firstOrganisation) {
    const kind = kindOf.get(organisationId);
    if (kind) kinds[contactId] = kind;
  }
  return kinds;
}
