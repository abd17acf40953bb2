// Whose words an event note holds: its author's alone (the server refuses anyone else's text for
// it). Apart from event-notes.ts, whose writes the count of texts to settle (open-conflicts.ts) does not load.
import type { EventNote } from '../domain/event';
import type { DataContext } from './context';

/**
 * Judged as the server judges, by member, when the note and this device's session both name
 * one (a colleague's name typed by a stranger is not the colleague); by name otherwise: a note
 * not yet pulled back from the server, or a device that joined before servers gave member ids.
 */
export function isOwnNote(context: DataContext, note: Pick<EventNote, 'authorName' | 'authorId'>): boolean {
  const memberId = context.session?.memberId;
  if (memberId && note.authorId) return note.authorId === memberId;
  return note.authorName === context.authorName;
}
