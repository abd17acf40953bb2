// The sync engine as the UI sees it: its status as a store, and the actions behind "Rejoindre
// un réseau", "Synchroniser", "Quitter le réseau". The engine itself (sync-runtime.ts) loads
// once the first screen is up: one engine and scheduler per tab.
import { createStore } from 'zustand/vanilla';
import type { Session } from '../db/context';
import type { BlobEntry } from '../db/schema';
import type { Role } from '../domain/vocabulary';
import type { AdminClient } from '../sync/admin';
import type { JoinInput } from '../sync/join';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync/status';
import { useUi } from './ui';
import { useStore } from './use-store';

interface SyncView {
  status: SyncStatus;
  session: Session | null;
  /** Texts changed on two devices at once that wait for this person's choice (texts-to-settle.ts). */
  toSettle: number;
}

export const syncStore = createStore<SyncView>(() => ({
  status: INITIAL_SYNC_STATUS,
  session: null,
  toSettle: 0,
}));

export function useSync<T>(selector: (view: SyncView) => T): T {
  return useStore(syncStore, selector);
}

/**
 * The role this device acts in on the network; null before it joins. A device an admin removed
 * keeps its session, but nothing it writes reaches the network any more: an admin's phone then
 * acts as a concierge (no curating of the valise, no grids), as Réglages offers it no admin
 * action (AdminPanel), rather than take edits that could never be sent as an admin's.
 */
export function useRole(): Role | null {
  return useSync((view) => (view.session ? (view.session.revokedAt ? 'concierge' : view.session.role) : null));
}

/**
 * The status to show: the engine's, except that a device the browser knows is cut off says
 * "hors ligne" at once rather than when its next sync attempt fails.
 */
export function useSyncStatus(): SyncStatus {
  const status = useSync((view) => view.status);
  const online = useUi((state) => state.online);
  if (online || (status.state !== 'idle' && status.state !== 'syncing')) return status;
  return { ...status, state: 'offline', progress: null };
}

const runtime = () => import('./sync-runtime');

/** Starts syncing in the background (idempotent); the app calls it once it has rendered. */
export async function startSync(): Promise<void> {
  await (await runtime()).startRuntime();
}

/** The "Synchroniser" button: now, whatever the backoff. */
export async function syncNow(): Promise<void> {
  await (await runtime()).syncNow();
}

/**
 * Joins a network; what this device wrote before goes up on the sync that follows.
 * `ownChanges` counts what the person wrote themselves: the untouched starter valise is
 * forgotten on joining, and what an admin's device seeds after the first pull is not theirs.
 */
export async function join(input: JoinInput): Promise<{ session: Session; ownChanges: number }> {
  return (await runtime()).join(input);
}

/** Leaves the network; `wipe` also erases this device's data (a shared device). */
export async function leave(options: { wipe: boolean }): Promise<void> {
  await (await runtime()).leave(options);
}

export interface FetchFileOptions {
  /** The screen was left: a wait for a busy server ends, and the file is not asked again. */
  signal?: AbortSignal;
  /**
   * The server is busy and named a wait (ms): the file is asked again once it has passed, and
   * `null` is given then, so a screen stops saying a retry is still to come.
   */
  onBusy?: (ms: number | null) => void;
}

/**
 * The bytes of an attachment: from this device, or fetched once from the server and kept. A busy
 * server's 429 is waited out (busy-server.ts); past its caps it rejects with that SyncError.
 */
export async function fetchFile(sha256: string, options?: FetchFileOptions): Promise<BlobEntry | null> {
  return (await runtime()).fetchFile(sha256, options);
}

/**
 * Fetches files to keep on this device, one after another, waiting as long as a busy server
 * asks (files.ts); stops when `signal` aborts. Never rejects: a file not fetched stays « en attente ».
 */
export async function keepFiles(hashes: readonly string[], signal: AbortSignal): Promise<void> {
  await (await runtime()).keepFiles(hashes, signal).catch(() => undefined);
}

/** Admin calls for the joined device (null before joining). */
export async function adminClient(): Promise<AdminClient | null> {
  return (await runtime()).adminClient();
}
