// What a search compares of a visit: kept on disk by every write (search-index-writes.ts), and
// computed by a session's first search for the newest visits it reads before that copy
// (visit-finder.ts). Apart, so that neither loads the other.
import { searchWords } from '../domain/search';
import type { Visit } from '../domain/visit';

type Searched = Pick<Visit, 'purpose' | 'notes' | 'placeLabel'>;

/** What a search compares of a visit: its purpose, notes and place, normalised. */
export function visitSearchText(visit: Searched): string {
  return visitSearchWords(visit).join(' ');
}

/** The words of `visitSearchText(visit)`. */
export function visitSearchWords(visit: Searched): string[] {
  return searchWords([visit.purpose, visit.notes, visit.placeLabel].filter(Boolean).join(' '));
}
