// What the sync engine remembers between runs, besides the cursor.
import type { DataContext } from './context';

interface SyncMeta {
  lastSyncAt: string | null;
  /** The server's version as it last answered. */
  serverVersion: string | null;
  /** How the device's last sync run ended, in whichever of its tabs ran it. */
  lastRun?: RunEnd;
}

/** A run's end in the engine's words (src/sync/status.ts), numbered so a tab tells a new one from the last it saw. */
export interface RunEnd {
  number: number;
  state: string;
  error: string | null;
  retryAfterMs: number | null;
}

export async function readSyncMeta(context: DataContext): Promise<SyncMeta> {
  const entry = await context.db.meta.get('sync');
  return { lastSyncAt: null, serverVersion: null, ...((entry?.value as Partial<SyncMeta> | undefined) ?? {}) };
}

export async function writeSyncMeta(context: DataContext, change: Partial<SyncMeta>): Promise<void> {
  await context.db.transaction('rw', context.db.meta, async () => {
    const current = await readSyncMeta(context);
    await context.db.meta.put({ key: 'sync', value: { ...current, ...change } });
  });
}

/** Keeps how a run ended, numbered after the last one. */
export async function noteRunEnded(context: DataContext, end: Omit<RunEnd, 'number'>): Promise<void> {
  await context.db.transaction('rw', context.db.meta, async () => {
    const { lastRun } = await readSyncMeta(context);
    await writeSyncMeta(context, { lastRun: { ...end, number: (lastRun?.number ?? 0) + 1 } });
  });
}
