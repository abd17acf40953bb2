// Which of a page's records have a text waiting to be settled: the visit list marks their cards.
// Apart from open-conflicts.ts (the count and who may settle), which the first screen does not need.
import type { DataContext } from './context';
import { OPEN_RECORD } from './open-keys';

/** The ids among `recordIds` with at least one text to settle. */
export async function idsWithConflicts(context: DataContext, recordIds: readonly string[]): Promise<Set<string>> {
  if (recordIds.length === 0) return new Set();
  const open = await context.db.records('conflicts').where(OPEN_RECORD).anyOf(recordIds).toArray();
  return new Set(open.map((conflict) => conflict.recordId));
}
