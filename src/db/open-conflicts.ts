// Which records have a text waiting to be settled (an open `conflicts` record), for the screens
// that point at them: the visit list and the shell's sync status. Apart from conflicts.ts, so
// the first screen does not load the writes that settle one.
import type { DataContext } from './context';

/** The ids among `recordIds` with at least one text to settle. */
export async function idsWithConflicts(context: DataContext, recordIds: readonly string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const conflicts = await context.db.records('conflicts').where('recordId').anyOf(recordIds).toArray();
  return new Set(conflicts.filter((conflict) => !conflict.deleted).map((conflict) => conflict.recordId));
}

/** How many texts wait to be settled: a record's field counts once, however many versions it has. */
export async function countTextsToSettle(context: DataContext): Promise<number> {
  const conflicts = await context.db.records('conflicts').toArray();
  return new Set(
    conflicts.filter((conflict) => !conflict.deleted).map((conflict) => `${conflict.recordId}/${conflict.field}`),
  ).size;
}
