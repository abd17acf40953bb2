// The texts waiting to be settled (open `conflicts` records): the header's count kept by the
// sync runtime, and who may settle one; the writes that settle one are conflicts.ts. The visit
// list marks its cards with open-conflict-ids.ts, so the first screen loads neither.
import type { Conflict } from '../domain/conflict';
import type { DataContext } from './context';
import { OPEN_RECORD } from './open-keys';
import { isOwnNote } from './own-notes';

/**
 * The author who alone (with the network's admins) may settle a record's conflicts, when that
 * is not this person; null when this person may. An event note's words are its author's: the
 * server refuses anyone else's text for it and anyone else's closing of its conflict, so a
 * colleague's choice would only come back refused.
 */
export async function settlerOtherThanMe(
  context: DataContext,
  recordType: string,
  recordId: string,
): Promise<string | null> {
  // A removed admin's device acts as a concierge (useRole): what it writes no longer counts as an admin's.
  const admin = context.session?.role === 'admin' && context.session.revokedAt === undefined;
  if (recordType !== 'eventNotes' || admin) return null;
  const note = await context.db.records('eventNotes').get(recordId);
  return note && !isOwnNote(context, note) ? note.authorName : null;
}

/**
 * How many texts wait for this person's choice: a record's field counts once, however many
 * versions it has. A colleague's event note is theirs (or an admin's) to settle: counted here,
 * it would keep « À choisir » in every other concierge's header with nothing for them to do.
 */
export async function countTextsToSettle(context: DataContext): Promise<number> {
  const open = await openConflicts(context);
  const mine = await Promise.all(
    open.map(async (conflict) => (await settlerOtherThanMe(context, conflict.recordType, conflict.recordId)) === null),
  );
  return new Set(open.filter((_, index) => mine[index]).map((conflict) => `${conflict.recordId}/${conflict.field}`))
    .size;
}

/** Every open conflict, read by the index that only open ones are in (open-keys.ts), not with years of settled ones. */
export function openConflicts(context: DataContext): Promise<Conflict[]> {
  return context.db.records('conflicts').orderBy(OPEN_RECORD).toArray();
}
