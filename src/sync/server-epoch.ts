// The engine's side of a server restored from a backup (see src/server/ops/epoch.ts): a pull
// that announces another epoch than the one this device synced with means the server lost
// what was pushed after its backup. The device then gives back everything it holds.
import type { DataContext } from '../db/context';
import { giveBackToRestoredServer, readServerEpoch, rememberServerEpoch } from '../db/server-epoch';

export { readServerEpoch };

/** True when the device queued everything again and must push, then pull from zero. */
export async function startOverIfRestored(
  context: DataContext,
  known: string | null,
  announced: string | undefined,
): Promise<boolean> {
  // A server without epochs, or the one this device knows.
  if (!announced || announced === known) return false;
  if (known === null) {
    // The first pull from this server (or from before epochs existed): nothing to give back.
    await rememberServerEpoch(context, announced);
    return false;
  }
  await giveBackToRestoredServer(context, announced);
  return true;
}
