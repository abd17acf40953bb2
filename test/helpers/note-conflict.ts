// An event note its author edited on two devices, as the server leaves it: the note with the
// version that won, and a `conflicts` record holding the other. Written as the author.
import type { DataContext } from '../../src/db/context';
import { addNote } from '../../src/db/event-notes';
import { createRecord } from '../../src/db/writes';
import { joinedSession } from './session';

export async function noteConflictOf(context: DataContext, author: string) {
  context.session = joinedSession({ memberName: author });
  const event = await createRecord(context, 'events', {
    title: 'Rencontre régionale',
    kind: 'network_meeting',
    startsAt: '2026-03-03T08:30:00.000Z',
    endsAt: '2026-03-03T16:00:00.000Z',
  });
  const note = await addNote(context, { eventId: event.id, text: 'Version du portable', tag: 'note' });
  const conflict = await createRecord(context, 'conflicts', {
    recordType: 'eventNotes',
    recordId: note.id,
    field: 'text',
    value: 'Version du téléphone',
    clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
    authorName: author,
  });
  return { note, conflict };
}

/** The other version of a record's notes, kept by the server as a `conflicts` record. */
export function otherNotesOf(
  context: DataContext,
  record: { type: 'contacts' | 'visits'; id: string },
  value: string,
  authorName = 'Samir',
) {
  return createRecord(context, 'conflicts', {
    recordType: record.type,
    recordId: record.id,
    field: 'notes',
    value,
    clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
    authorName,
  });
}
