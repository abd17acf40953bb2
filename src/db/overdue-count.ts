// How many follow-ups are overdue, for the first screen's "À faire" badge: apart from
// follow-up-queries.ts so the first screen does not load the other reads of follow-ups.
import { localDay } from '../domain/days';
import type { DataContext } from './context';
import { OPEN_DUE, UNDATED } from './open-keys';

/** How many open follow-ups are overdue (the "À faire" badge): counted by the index, none read. */
export async function countOverdue(context: DataContext, today = localDay()): Promise<number> {
  return context.db.records('followUps').where(OPEN_DUE).between(UNDATED, today, false, false).count();
}
