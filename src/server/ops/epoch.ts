// The server's identity across restores. A server brought back from a backup has forgotten
// what devices pushed after that backup, and its sequence numbers go back in time, so every
// device's cursor points past records it no longer has. A restore therefore starts a new
// epoch; a device that sees a new epoch in a pull sends back every record it holds and pulls
// again from zero (src/sync/restore.ts), merging by clock as always: nothing it holds is lost.
// A network's devices can also say the store went back in time (src/server/ops/ahead-claims.ts):
// that renews the network's own part of its epoch, "<server's>.<network's>", not the other
// networks' on the same server.
import { newId } from '../../domain/ids';
import type { Store } from '../store/store';

/** `healthCheckedAt` is the write /api/health makes to see that the store takes one. */
export type MetaKey =
  | 'epoch'
  | 'epochStartedAt'
  | 'epochReason'
  | 'lastBackupAt'
  | 'healthCheckedAt'
  | 'seqFloor'
  | `networkEpoch:${string}`
  | `networkEpochStartedAt:${string}`
  | `networkEpochReason:${string}`;

/**
 * The meta key of a network's own epoch part. The stores' brought-back counts build the same
 * "<server's>.<network's>" epoch in SQL from it (src/server/store/sqlite.ts, postgres.ts).
 */
export const networkEpochKey = (networkId: string): MetaKey => `networkEpoch:${networkId}`;
/** The meta key of when a network's own epoch part began (its count of records brought back starts there). */
export const networkEpochStartKey = (networkId: string): MetaKey => `networkEpochStartedAt:${networkId}`;

/**
 * How many seqs a restore skips: every record written after it gets a seq past any cursor a device
 * got before it, so a 0.1.0 phone (which knows no epochs and pulls on from its cursor) steps over
 * none of them, and pulls none of the backup's older versions again (it may hold newer ones, which
 * the server lost). Enough for a billion writes between a backup and its restore (of a network on
 * SQLite; of all the networks on PostgreSQL, whose sequence they share).
 */
export const RESTORE_SEQ_GAP = 1_000_000_000;

/** Why a store's first epoch began: its data was never replaced since (see `everRestored`). */
export const FIRST_START = 'first start';

export function epochEntries(now: number, reason: string): [MetaKey, string][] {
  return [
    ['epoch', newId()],
    ['epochStartedAt', new Date(now).toISOString()],
    ['epochReason', reason],
  ];
}

export async function renewEpoch(store: Store, now: number, reason: string): Promise<string> {
  const entries = epochEntries(now, reason);
  await store.writeMeta(entries);
  return entries[0]?.[1] as string;
}

/** A new epoch for one network's devices only; returns the epoch they are now told. */
export async function renewNetworkEpoch(store: Store, networkId: string, now: number, reason: string): Promise<string> {
  await store.writeMeta([
    [networkEpochKey(networkId), newId()],
    [networkEpochStartKey(networkId), new Date(now).toISOString()],
    [`networkEpochReason:${networkId}`, reason],
  ]);
  return (await readEpoch(store, networkId)).epoch;
}

interface EpochInfo {
  epoch: string;
  startedAt: string;
  reason: string;
}

/**
 * True once the store was restored, or its network's devices said it went back in time: every
 * epoch after the first begins so (a network's own part always starts after the server's first).
 */
export function everRestored(info: EpochInfo): boolean {
  return info.reason !== '' && info.reason !== FIRST_START;
}

/** The server's epoch, or the one a network's devices are told when `networkId` is given. */
export async function readEpoch(store: Store, networkId?: string): Promise<EpochInfo> {
  const meta = await store.readMeta();
  const server = { epoch: meta.epoch ?? '', startedAt: meta.epochStartedAt ?? '', reason: meta.epochReason ?? '' };
  const own = networkId ? meta[networkEpochKey(networkId)] : undefined;
  if (!networkId || !own) return server;
  const startedAt = meta[networkEpochStartKey(networkId)] ?? '';
  // What started the later of the two parts is what the devices are starting over from.
  const latest =
    startedAt > server.startedAt ? { startedAt, reason: meta[`networkEpochReason:${networkId}`] ?? '' } : server;
  return { epoch: `${server.epoch}.${own}`, startedAt: latest.startedAt, reason: latest.reason };
}
