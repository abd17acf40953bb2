// The sync engine as the UI sees it: one engine and scheduler per tab, its status as a store,
// and the actions behind "Rejoindre un réseau", "Synchroniser", "Quitter le réseau".
import { createStore } from 'zustand/vanilla';
import { appData } from '../db/app-data';
import type { DataContext, Session } from '../db/context';
import type { BlobEntry } from '../db/schema';
import { leaveNetwork } from '../db/sync-store';
import { AdminClient } from '../sync/admin';
import { SyncEngine, type SyncStatus } from '../sync/engine';
import { ensureBlob } from '../sync/files';
import { type JoinInput, joinNetwork } from '../sync/join';
import { SyncScheduler } from '../sync/scheduler';
import { HttpTransport } from '../sync/transport';
import { useStore } from './use-store';

export interface SyncView {
  status: SyncStatus;
  session: Session | null;
}

export const syncStore = createStore<SyncView>(() => ({
  status: { state: 'unjoined', pending: 0, lastSyncAt: null, error: null, progress: null, clockAheadMs: 0 },
  session: null,
}));

export function useSync<T>(selector: (view: SyncView) => T): T {
  return useStore(syncStore, selector);
}

let started: Promise<{ engine: SyncEngine; scheduler: SyncScheduler; context: DataContext }> | null = null;

function transportFor(context: DataContext): HttpTransport | null {
  return context.session ? new HttpTransport(context.session.serverUrl, context.session.token) : null;
}

/** Starts syncing in the background (idempotent); the app calls it once it has rendered. */
export function startSync() {
  started ??= (async () => {
    const context = await appData();
    const engine = new SyncEngine(context, transportFor);
    engine.subscribe((status) => syncStore.setState({ status, session: context.session }));
    await engine.refresh();
    const scheduler = new SyncScheduler(engine);
    scheduler.start();
    return { engine, scheduler, context };
  })();
  return started;
}

/** The "Synchroniser" button: now, whatever the backoff. */
export async function syncNow(): Promise<void> {
  const { scheduler } = await startSync();
  await scheduler.runNow();
}

/** Joins a network; what this device wrote before goes up on the sync that follows. */
export async function join(input: JoinInput): Promise<Session> {
  const { context, scheduler } = await startSync();
  const session = await joinNetwork(context, input);
  syncStore.setState({ session });
  void scheduler.runNow();
  return session;
}

/** Leaves the network; `wipe` also erases this device's data (a shared device). */
export async function leave({ wipe }: { wipe: boolean }): Promise<void> {
  const { context, engine } = await startSync();
  await leaveNetwork(context, { wipe });
  await engine.refresh();
  syncStore.setState({ session: null });
}

/** The bytes of an attachment: from this device, or fetched once from the server and kept. */
export async function fetchFile(sha256: string): Promise<BlobEntry | null> {
  const { context } = await startSync();
  return ensureBlob(context, transportFor(context), sha256);
}

/** Admin calls for the joined device (null before joining). */
export async function adminClient(): Promise<AdminClient | null> {
  const { context } = await startSync();
  return context.session ? new AdminClient(context.session.serverUrl, context.session.token) : null;
}
