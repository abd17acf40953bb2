// After the server came back from a backup (a new epoch), the device gives back what it
// holds: every record it may write is queued to be sent again whole, with its clocks, through
// the ordinary push (so the server merges by clock and keeps whatever is newer), its files are
// uploaded again, and its cursor starts over. One transaction: a crash leaves it before or after.
import { newId } from '../domain/ids';
import { refusal } from '../domain/permissions';
import { RECORD_TYPES } from '../domain/record-types';
import type { DataContext } from './context';
import { deviceClock } from './device-clock';
import { withoutClocks } from './reads';

const EPOCH_KEY = 'serverEpoch';

/** The epoch of the server's data this device last pulled; null before the first. */
export async function readServerEpoch(context: DataContext): Promise<string | null> {
  return ((await context.db.meta.get(EPOCH_KEY))?.value as string | undefined) ?? null;
}

export async function rememberServerEpoch(context: DataContext, epoch: string): Promise<void> {
  await context.db.meta.put({ key: EPOCH_KEY, value: epoch });
}

/**
 * A join starts from cursor 0 with a network the device may never have met: the epoch of the one
 * it left would make its first pull give that network's records to this one (storeSession).
 */
export function forgetServerEpoch(context: DataContext): Promise<void> {
  return context.db.meta.delete(EPOCH_KEY);
}

/** Queues everything for the restored server; returns how many records were queued. */
export async function giveBackToRestoredServer(context: DataContext, epoch: string): Promise<number> {
  const { db } = context;
  const role = context.session?.role ?? 'concierge';
  const tables = RECORD_TYPES.map((type) => db.anyRecords(type));
  return db.transaction('rw', [db.meta, db.outbox, db.blobs, ...tables], async () => {
    let queued = 0;
    const createdAt = new Date(deviceClock(context).physicalNow()).toISOString();
    // The toolbox items files belong to: a published one's file is an admin's to send.
    const items = new Map((await db.anyRecords('toolboxItems').toArray()).map((item) => [item.id, item]));
    const recordOf = (type: string, id: string) => (type === 'toolboxItems' ? (items.get(id) ?? null) : null);
    for (const type of RECORD_TYPES) {
      const ids: string[] = [];
      await db.anyRecords(type).each((record) => {
        const data = withoutClocks(record);
        // A network left with its data kept holds records of its own: they are not this one's.
        if (data.networkId !== context.networkId) return;
        // What this role could not have written (a published template) is given back by the
        // devices that could: sending it would only be refused. A conflict is the server's own:
        // one it sealed comes back, open or settled, and an unsealed one's settling, to a server
        // that still holds it (src/protocol/README.md, Server epoch).
        const given =
          type === 'conflicts'
            ? data.deleted === true || typeof data.seal === 'string'
            : refusal({ role, type, existing: null, fields: data, recordOf }) === null &&
              refusal({ role, type, existing: data, fields: data, recordOf }) === null;
        if (given) ids.push(record.id);
      });
      if (ids.length === 0) continue;
      await db.outbox.add({ mutationId: newId(), type, recordIds: ids, fields: null, resend: true, createdAt });
      queued += ids.length;
    }
    await db.blobs.where('state').equals('uploaded').modify({ state: 'pending' });
    await db.meta.put({ key: 'cursor', value: 0 });
    await rememberServerEpoch(context, epoch);
    return queued;
  });
}
