// The server's identity across restores. A server brought back from a backup has forgotten
// what devices pushed after that backup, and its sequence numbers go back in time, so every
// device's cursor points past records it no longer has. A restore therefore starts a new
// epoch; a device that sees a new epoch in a pull sends back every record it holds and pulls
// again from zero (src/sync/restore.ts), merging by clock as always: nothing it holds is lost.
import { newId } from '../../domain/ids';
import type { Store } from '../store/store';

/** `healthCheckedAt` is the write /api/health makes to see that the store takes one. */
export type MetaKey = 'epoch' | 'epochStartedAt' | 'epochReason' | 'lastBackupAt' | 'healthCheckedAt';

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

interface EpochInfo {
  epoch: string;
  startedAt: string;
  reason: string;
}

export async function readEpoch(store: Store): Promise<EpochInfo> {
  const meta = await store.readMeta();
  return { epoch: meta.epoch ?? '', startedAt: meta.epochStartedAt ?? '', reason: meta.epochReason ?? '' };
}
