// How many follow-ups are overdue, for the first screen's "À faire" badge: apart from
// follow-up-queries.ts so the first screen does not load the other reads of follow-ups.
import { localDay } from '../domain/days';
import type { DataContext } from './context';

/** How many open follow-ups are overdue (the "À faire" badge). */
export async function countOverdue(context: DataContext, today = localDay()): Promise<number> {
  return context.db
    .records('followUps')
    .where('dueDate')
    .below(today)
    .filter((item) => !item.deleted && !item.done)
    .count();
}
