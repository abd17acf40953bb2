// Seeding the starter valise, and forgetting it when joining a network that has its own.
import { isUntouchedStarter, STARTER_CLOCK, STARTER_ITEMS, STARTER_PACKING_LISTS } from '../domain/toolbox/starter';
import type { DataContext } from './context';
import type { ValiseDb } from './schema';
import { createRecords } from './writes';

/**
 * Writes the starter records this device lacks (a tombstone counts as present: a deleted
 * starter stays deleted). A concierge never seeds: the network's valise is what its admins
 * publish, and a concierge's starter creations would be refused. A joined admin seeds only
 * after a first pull, so that a network's existing valise arrives first and is not re-created.
 * Returns how many records were written.
 */
export async function seedStarterValise(context: DataContext, { pulled }: { pulled: boolean }): Promise<number> {
  const role = context.session?.role ?? null;
  if (role === 'concierge' || (role === 'admin' && !pulled)) return 0;
  const { db } = context;
  return db.transaction(
    'rw',
    [db.records('toolboxItems'), db.records('packingLists'), db.outbox, db.meta],
    async () => {
      const itemsKnown = await db.records('toolboxItems').bulkGet(STARTER_ITEMS.map((item) => item.id));
      const listsKnown = await db.records('packingLists').bulkGet(STARTER_PACKING_LISTS.map((list) => list.id));
      const items = STARTER_ITEMS.filter((_, index) => itemsKnown[index] === undefined);
      const lists = STARTER_PACKING_LISTS.filter((_, index) => listsKnown[index] === undefined);
      await createRecords(context, 'toolboxItems', items, { fixedClock: STARTER_CLOCK });
      await createRecords(context, 'packingLists', lists, { fixedClock: STARTER_CLOCK });
      return items.length + lists.length;
    },
  );
}

/**
 * On joining a network: starter records this device seeded and nobody changed are dropped
 * with their outbox entries, so they are neither pushed (a concierge's would be refused; an
 * admin's would duplicate the network's own valise) nor kept as phantoms only this device
 * sees. The network's valise arrives with the first pull; a joined admin seeds what is still
 * missing after it. A starter someone edited is kept and pushed like any edit. Runs inside
 * the caller's transaction, which must include the outbox and both toolbox tables.
 */
export async function forgetUntouchedStarters(db: ValiseDb): Promise<void> {
  const dropped = new Set<string>();
  for (const type of ['toolboxItems', 'packingLists'] as const) {
    const records = await db.anyRecords(type).toArray();
    for (const record of records) if (isUntouchedStarter(record)) dropped.add(record.id);
    await db.anyRecords(type).bulkDelete(records.filter((record) => dropped.has(record.id)).map((record) => record.id));
  }
  if (dropped.size === 0) return;
  await db.outbox.toCollection().modify((entry, ref) => {
    if (!entry.recordIds.some((id) => dropped.has(id))) return;
    const remaining = entry.recordIds.filter((id) => !dropped.has(id));
    if (remaining.length === 0) delete (ref as { value?: unknown }).value;
    else entry.recordIds = remaining;
  });
}
