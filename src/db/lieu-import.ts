// Writes an import of lieux (src/domain/lieu-import.ts) in one transaction: the plan is made
// again against the lieux stored at that moment (another write may have come since the
// preview), new lieux are created and duplicates merged; a failure writes nothing. A long file
// is planned and written in slices that give the page back between them (Dexie.waitFor keeps
// the transaction open meanwhile), so it paints how far the write is instead of freezing.
import type { MappedLieuLine } from '../domain/lieu-import';
import { type LieuImportPlan, lieuImportPlanner } from '../domain/lieu-import-plan';
import type { Organisation } from '../domain/organisation';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import { givePageBack, SLICE, sliceWriter, type WriteProgress } from './write-in-slices';
import { createRecords, updateRecord } from './writes';

/** Every stored lieu that is not deleted, for the preview's plan. */
export async function liveLieux(context: DataContext): Promise<Organisation[]> {
  const rows = await context.db.records('organisations').toArray();
  return rows.filter((row) => !row.deleted).map(withoutClocks);
}

export async function importLieux(
  context: DataContext,
  lines: readonly MappedLieuLine[],
  onProgress: WriteProgress = () => {},
): Promise<LieuImportPlan> {
  const { db } = context;
  return db.transaction('rw', [db.records('organisations'), db.outbox, db.meta], async () => {
    const planner = lieuImportPlanner(await liveLieux(context));
    for (let start = 0; start < lines.length; start += SLICE) {
      planner.add(lines.slice(start, start + SLICE));
      if (start + SLICE < lines.length) await givePageBack();
    }
    const plan = planner.plan();
    const write = sliceWriter(plan.creates.length + plan.updates.size, onProgress);
    await write(plan.creates, (slice) => createRecords(context, 'organisations', slice));
    await write([...plan.updates], async (slice) => {
      for (const [id, changes] of slice) await updateRecord(context, 'organisations', id, changes);
    });
    return plan;
  });
}
