// Whose words an event note holds: its author's alone (the server refuses anyone else's text for
// it). Apart from event-notes.ts, whose writes the count of texts to settle (open-conflicts.ts) does not load.
import type { EventNote } from '../domain/event';
import type { DataContext } from './context';

export function isOwnNote(context: DataContext, note: Pick<EventNote, 'authorName'>): boolean {
  return note.authorName === context.authorName;
}
