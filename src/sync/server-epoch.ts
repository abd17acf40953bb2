// The engine's side of a server restored from a backup (see src/server/ops/epoch.ts): a pull
// that announces another epoch than the one this device synced with means the server lost
// what was pushed after its backup. The device then gives back everything it holds.

import type { DataContext } from '../db/context';
import { giveBackToRestoredServer, readServerEpoch, rememberServerEpoch } from '../db/server-epoch';
import type { PullResponse } from '../protocol/wire';

export { readServerEpoch };

/**
 * True when the device queued everything again and must push, then pull from zero. `cursor`:
 * where this pull started.
 */
export async function startOverIfRestored(
  context: DataContext,
  known: string | null,
  page: Pick<PullResponse, 'epoch' | 'restored'>,
  cursor: number,
): Promise<boolean> {
  const announced = page.epoch;
  // A server without epochs, or the one this device knows.
  if (!announced || announced === known) return false;
  // The first pull from this server: nothing to give back. Unless the device pulled before it
  // kept epochs (updated from 0.1.0), from a server restored since its first start: it may hold
  // what the server lost, and it cannot tell whether the restore came before or after its syncs.
  if (known === null && !(cursor > 0 && page.restored === true)) {
    await rememberServerEpoch(context, announced);
    return false;
  }
  await giveBackToRestoredServer(context, announced);
  return true;
}
