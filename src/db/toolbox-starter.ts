// Seeding the starter valise, keeping its text as corrected in later versions, and forgetting
// it when joining a network that has its own.
import { clockOf } from '../domain/merge';
import type { RecordChanges } from '../domain/record-types';
import { isSeedClock } from '../domain/seed-clock';
import { isUntouchedStarter, STARTER_CLOCK, STARTER_ITEMS, STARTER_PACKING_LISTS } from '../domain/toolbox/starter';
import type { DataContext } from './context';
import type { LooseRecord, ValiseDb } from './schema';
import { givePageBack } from './write-in-slices';
import { createRecords, updateRecord } from './writes';

/**
 * Starters written between two returns of the page: the seed runs on a new device's first
 * visit, just after its first screen, where writing all of them at once was one of the longest
 * tasks of that visit on a slow phone.
 */
const SEED_SLICE = 5;

/**
 * Writes the starter records this device lacks (a tombstone counts as present: a deleted
 * starter stays deleted), and brings the ones it holds to this version's text, field by field,
 * where the field still holds what an earlier seed wrote: a field someone edited is theirs. One
 * transaction, written a few records at a time with the page given back between them: a tab
 * closed mid-seed leaves nothing half written, and the next start seeds what is missing. A
 * concierge never seeds: the network's valise is what its admins publish, and a concierge's
 * starter writes would be refused (a correction reaches a concierge from an admin's device).
 * A joined admin seeds only after a first pull, so that a network's existing valise arrives
 * first and is not re-created. Returns how many records were written.
 */
export async function seedStarterValise(context: DataContext, { pulled }: { pulled: boolean }): Promise<number> {
  const role = context.session?.role ?? null;
  if (role === 'concierge' || (role === 'admin' && !pulled)) return 0;
  const { db } = context;
  return db.transaction(
    'rw',
    [db.records('toolboxItems'), db.records('packingLists'), db.outbox, db.meta],
    async () => {
      let written = 0;
      for (const [type, starters] of [
        ['toolboxItems', STARTER_ITEMS],
        ['packingLists', STARTER_PACKING_LISTS],
      ] as const) {
        const known = await db.anyRecords(type).bulkGet(starters.map((starter) => starter.id));
        const missing = starters.filter((_, index) => known[index] === undefined);
        for (let start = 0; start < missing.length; start += SEED_SLICE) {
          await createRecords(context, type, missing.slice(start, start + SEED_SLICE), { fixedClock: STARTER_CLOCK });
          await givePageBack();
        }
        written += missing.length;
        for (const [index, starter] of starters.entries()) {
          const changes = outdatedFields(known[index], starter);
          if (!changes) continue;
          await updateRecord(context, type, starter.id, changes as RecordChanges<typeof type>, {
            fixedClock: STARTER_CLOCK,
          });
          written++;
        }
      }
      return written;
    },
  );
}

/** This version's values of the fields a live stored starter holds from an earlier seed. */
function outdatedFields(stored: LooseRecord | undefined, starter: object): Record<string, unknown> | null {
  if (!stored || stored.deleted) return null;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(starter)) {
    const clock = clockOf(stored.hlc, key);
    if (!isSeedClock(clock) || clock >= STARTER_CLOCK) continue;
    if (JSON.stringify(stored[key] ?? null) !== JSON.stringify(value ?? null)) changes[key] = value;
  }
  return Object.keys(changes).length > 0 ? changes : null;
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
