// The duplicate keys and the search's text and words of records stored while the search's
// normalisation read a character drawn as nothing (a soft hyphen, a zero-width space…) as a
// space: it now drops it (src/domain/search.ts), so they are worked out again. Reading every
// record to find the few that hold one takes seconds at 50,000 visits (a phone four times
// more), which a schema upgrade would make the first screen wait for: version 15's upgrade only
// notes the work (schema-upgrades.ts), done here once the app runs, in slices of their own
// transactions, lieux and people first (the pickers and "Doublons possibles" read their keys),
// then visits. A record is rewritten as it is stored: the middlewares give it its keys and text.
import { holdsInvisible } from '../domain/search';
import type { DataContext } from './context';
import type { LooseRecord } from './schema';
import type { SearchedTable } from './search-index';

/** The `meta` entry of the work left: the table being read and the last id read in it. */
export const INVISIBLE_REBUILD = 'invisibleRebuild';

interface RebuildProgress {
  table: SearchedTable;
  after: string | null;
}

const ORDER: readonly SearchedTable[] = ['organisations', 'contacts', 'visits'];
/** Where the work starts. */
export const REBUILD_START: RebuildProgress = { table: 'organisations', after: null };
/**
 * Records read by one slice. At 250 the longest slice took 169–332 ms on this 2-core machine
 * under a load of 11–19 (no quiet or phone-speed figure yet): 100 keeps a phone's slice nearer a
 * frame's few tens of milliseconds, at the cost of more, shorter transactions.
 */
const SLICE = 100;

const holdsInvisibleText = (record: object) =>
  Object.values(record).some((value) => typeof value === 'string' && holdsInvisible(value));

const sameProgress = (a: RebuildProgress | undefined, b: RebuildProgress) =>
  a?.table === b.table && a.after === b.after;

/**
 * Reads one slice, then rewrites the records of it that hold a character drawn as nothing;
 * false once nothing is left. Most slices hold none: they are read in a read-only transaction,
 * which holds the app's writes to the three tables back only while it reads (IndexedDB orders
 * it with them), and only the progress is written. A slice with such records reads them again in its write: one changed
 * meanwhile (an edit, a sync) is rewritten as it is now, never as it was read.
 */
async function rebuildSlice(context: DataContext): Promise<boolean> {
  const { db } = context;
  const tables = ORDER.map((table) => db.anyRecords(table));
  const read = await db.transaction('r', [db.meta, ...tables], async () => {
    const progress = (await db.meta.get(INVISIBLE_REBUILD))?.value as RebuildProgress | undefined;
    if (!progress) return undefined;
    const table = db.anyRecords(progress.table);
    const range = progress.after === null ? table.orderBy(':id') : table.where(':id').above(progress.after);
    return { progress, slice: (await range.limit(SLICE).toArray()) as LooseRecord[] };
  });
  if (!read) return false;
  const { progress, slice } = read;
  const holding = slice.filter(holdsInvisibleText).map((record) => record.id);
  const nextTable = ORDER[ORDER.indexOf(progress.table) + 1];
  const next: RebuildProgress | null =
    slice.length === SLICE
      ? { table: progress.table, after: (slice.at(-1) as LooseRecord).id }
      : nextTable
        ? { table: nextTable, after: null }
        : null;
  const table = db.anyRecords(progress.table);
  await db.transaction('rw', holding.length > 0 ? [db.meta, table] : [db.meta], async () => {
    // Another tab doing the work too may have moved on: its progress is kept.
    if (!sameProgress((await db.meta.get(INVISIBLE_REBUILD))?.value as RebuildProgress | undefined, progress)) return;
    if (holding.length > 0) {
      const current = await table.bulkGet(holding);
      const still = current.filter(
        (record): record is LooseRecord => record !== undefined && holdsInvisibleText(record),
      );
      await table.bulkPut(still);
    }
    if (next) await db.meta.put({ key: INVISIBLE_REBUILD, value: next });
    else await db.meta.delete(INVISIBLE_REBUILD);
  });
  return true;
}

/** The page given back between slices: when the browser is idle (WebKit has no requestIdleCallback). */
const pause = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });

/**
 * Does the work left, if any, slice after slice (another tab doing it too moves the same
 * progress: a slice it has passed is not rewritten again).
 */
export async function rebuildInvisible(context: DataContext): Promise<void> {
  while (await rebuildSlice(context)) await pause();
}
