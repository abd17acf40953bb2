// Writes an import of lieux (src/domain/lieu-import.ts) in one transaction: the plan is made
// again against the lieux stored at that moment (another write may have come since the
// preview), new lieux are created and duplicates merged; a failure writes nothing. A long file
// is planned and written in slices that give the page back between them (Dexie.waitFor keeps
// the transaction open meanwhile), so it paints how far the write is instead of freezing.
import Dexie from 'dexie';
import type { MappedLieuLine } from '../domain/lieu-import';
import { type LieuImportPlan, lieuImportPlanner } from '../domain/lieu-import-plan';
import type { Organisation } from '../domain/organisation';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import { createRecords, updateRecord } from './writes';

/** Lines planned, or lieux written, in one slice: about a tenth of a second on a phone. */
const SLICE = 1000;

/** Every stored lieu that is not deleted, for the preview's plan. */
export async function liveLieux(context: DataContext): Promise<Organisation[]> {
  const rows = await context.db.records('organisations').toArray();
  return rows.filter((row) => !row.deleted).map(withoutClocks);
}

/** How far a write is: lieux created or merged so far, of all the plan creates or changes. */
export type ImportProgress = (written: number, total: number) => void;

export async function importLieux(
  context: DataContext,
  lines: readonly MappedLieuLine[],
  onProgress: ImportProgress = () => {},
): Promise<LieuImportPlan> {
  const { db } = context;
  const givePageBack = () => Dexie.waitFor(new Promise<void>((resolve) => setTimeout(resolve, 0)));
  return db.transaction('rw', [db.records('organisations'), db.outbox, db.meta], async () => {
    const planner = lieuImportPlanner(await liveLieux(context));
    for (let start = 0; start < lines.length; start += SLICE) {
      planner.add(lines.slice(start, start + SLICE));
      if (start + SLICE < lines.length) await givePageBack();
    }
    const plan = planner.plan();
    const total = plan.creates.length + plan.updates.size;
    onProgress(0, total);
    for (let start = 0; start < plan.creates.length; start += SLICE) {
      await createRecords(context, 'organisations', plan.creates.slice(start, start + SLICE));
      onProgress(Math.min(start + SLICE, plan.creates.length), total);
      await givePageBack();
    }
    let written = plan.creates.length;
    for (const [id, changes] of plan.updates) {
      await updateRecord(context, 'organisations', id, changes);
      written++;
      if (written % SLICE === 0) onProgress(written, total);
    }
    return plan;
  });
}
