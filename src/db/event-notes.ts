// Notes taken during an event. Each note is its own small record: several concierges writing
// at once create separate records, which never conflict; only a note's author edits it.
import type { EventNote, NoteTag } from '../domain/event';
import { timelineOrder } from '../domain/event-agenda';
import type { FollowUp } from '../domain/follow-up';
import type { DataContext } from './context';
import { createFollowUp, type NewFollowUp } from './follow-ups';
import { saveWithDraft } from './form-save';
import { isOwnNote } from './own-notes';
import { createRecord, deleteRecord, updateRecord, writeDated } from './writes';

/** Editing or deleting someone else's note: refused, their words stay theirs. */
export class NotOwnNoteError extends Error {
  constructor(readonly noteId: string) {
    super(`note ${noteId} was written by someone else`);
    this.name = 'NotOwnNoteError';
  }
}

/** The timeline of an event, in the order the notes were written. */
export async function notesOfEvent(context: DataContext, eventId: string): Promise<EventNote[]> {
  const notes = await context.db.records('eventNotes').where('eventId').equals(eventId).toArray();
  return timelineOrder(notes.filter((note) => !note.deleted));
}

/** The draft id of the note being typed for an event, on this device. */
export function noteDraftId(eventId: string): string {
  return `event-note:${eventId}`;
}

/** Adds a note; the draft it was typed in goes in the same transaction, so it is never added twice. */
export function addNote(
  context: DataContext,
  note: { eventId: string; text: string; tag: NoteTag },
): Promise<EventNote> {
  return saveWithDraft(context, [context.db.records('eventNotes')], noteDraftId(note.eventId), () =>
    writeDated(context, 'eventNotes', (now) =>
      createRecord(context, 'eventNotes', {
        ...note,
        authorName: context.authorName,
        // The time it was typed, kept whenever the note reaches the server.
        writtenAt: now,
      }),
    ),
  );
}

export async function editNote(
  context: DataContext,
  id: string,
  changes: { text?: string; tag?: NoteTag },
): Promise<EventNote> {
  await ownNoteOrThrow(context, id);
  return writeDated(context, 'eventNotes', (now) =>
    updateRecord(context, 'eventNotes', id, { ...changes, editedAt: now }),
  );
}

export async function deleteNote(context: DataContext, id: string): Promise<EventNote> {
  await ownNoteOrThrow(context, id);
  return deleteRecord(context, 'eventNotes', id);
}

/**
 * Turns an action note into a follow-up and links the note to it in one transaction: a failure
 * between the two would leave a follow-up the note does not show, and a retry would make a second.
 */
export function followUpFromNote(context: DataContext, noteId: string, input: NewFollowUp): Promise<FollowUp> {
  const { db } = context;
  return db.transaction('rw', [db.records('followUps'), db.records('eventNotes'), db.outbox, db.meta], async () => {
    const followUp = await createFollowUp(context, input);
    await updateRecord(context, 'eventNotes', noteId, { followUpId: followUp.id });
    return followUp;
  });
}

async function ownNoteOrThrow(context: DataContext, id: string): Promise<void> {
  const note = await context.db.records('eventNotes').get(id);
  if (note && !isOwnNote(context, note)) throw new NotOwnNoteError(id);
}
