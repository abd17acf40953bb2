// Writes an import of lieux (src/domain/lieu-import.ts) in one transaction: the plan is made
// again against the lieux stored at that moment (another write may have come since the
// preview), new lieux are created and duplicates merged; a failure writes nothing.

import type { MappedLieuLine } from '../domain/lieu-import';
import { type LieuImportPlan, planLieuImport } from '../domain/lieu-import-plan';
import type { Organisation } from '../domain/organisation';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import { createRecords, updateRecord } from './writes';

/** Every stored lieu that is not deleted, for the preview's plan. */
export async function liveLieux(context: DataContext): Promise<Organisation[]> {
  const rows = await context.db.records('organisations').toArray();
  return rows.filter((row) => !row.deleted).map(withoutClocks);
}

export async function importLieux(context: DataContext, lines: readonly MappedLieuLine[]): Promise<LieuImportPlan> {
  const { db } = context;
  return db.transaction('rw', [db.records('organisations'), db.outbox, db.meta], async () => {
    const plan = planLieuImport(await liveLieux(context), lines);
    await createRecords(context, 'organisations', plan.creates);
    for (const [id, changes] of plan.updates) await updateRecord(context, 'organisations', id, changes);
    return plan;
  });
}
