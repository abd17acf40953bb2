// How many drafts wait, for the first screen's "Brouillons (n)": apart from drafts.ts so the
// first screen does not load what reads and writes drafts.
import type { DataContext } from './context';

/** Kind of the companion drafts that hold a form's files; never listed on their own. */
export const FILES_KIND = 'files';

/** How many drafts of these kinds of form (every kind when none given) wait on this device. */
export function countDrafts(context: DataContext, kinds?: readonly string[]): Promise<number> {
  return kinds
    ? context.db.drafts
        .where('kind')
        .anyOf([...kinds])
        .count()
    : context.db.drafts.where('kind').notEqual(FILES_KIND).count();
}
