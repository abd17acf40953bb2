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

/**
 * Records the server sent that this device did not keep, their fields being of the wrong kinds
 * (a hostile or broken server: domain/field-kinds.ts), counted until the person has read it.
 */
export interface RecordsNotKept {
  count: number;
  lastAt: string;
}

const NOT_KEPT_KEY = 'recordsNotKept';

/** Counts `count` more at `lastAt`, in the transaction of the page or answer that brought them. */
export async function noteRecordsNotKept(context: DataContext, count: number, lastAt: string): Promise<void> {
  const before = await readRecordsNotKept(context);
  await context.db.meta.put({ key: NOT_KEPT_KEY, value: { count: (before?.count ?? 0) + count, lastAt } });
}

export async function readRecordsNotKept(context: DataContext): Promise<RecordsNotKept | null> {
  return ((await context.db.meta.get(NOT_KEPT_KEY))?.value as RecordsNotKept | undefined) ?? null;
}

/** The person read it: said again only for records not kept from now on. */
export async function dismissRecordsNotKept(context: DataContext): Promise<void> {
  await context.db.meta.delete(NOT_KEPT_KEY);
}
