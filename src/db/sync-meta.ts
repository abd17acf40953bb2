// What the sync engine remembers between runs, besides the cursor.
import type { DataContext } from './context';

interface SyncMeta {
  lastSyncAt: string | null;
  /** The server's version as it last answered. */
  serverVersion: string | null;
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
