// A device's sync status, as the engine reports it and as the first screen shows it before the
// engine has loaded (the engine is not on the first screen: this module is).
import type { SyncErrorKind } from './errors';

type SyncState = 'unjoined' | 'idle' | 'syncing' | 'offline' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Records with changes not yet acknowledged by the server. */
  pending: number;
  /** Files of this device the server does not have yet (an upload failed: sent at a later run). */
  filesWaiting: number;
  lastSyncAt: string | null;
  error: SyncErrorKind | null;
  /** Progress of a long pull (a new device): records received and still to come. */
  progress: { done: number; total: number } | null;
  /** Set when the server clamped this device's clock: how far ahead it was. */
  clockAheadMs: number;
  /** After a 429: how long the server asked this device to wait before syncing (or sending files) again. */
  retryAfterMs: number | null;
  /** The server's version, as it last said (kept between runs for Réglages). */
  serverVersion: string | null;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  state: 'unjoined',
  pending: 0,
  filesWaiting: 0,
  lastSyncAt: null,
  error: null,
  progress: null,
  clockAheadMs: 0,
  retryAfterMs: null,
  serverVersion: null,
};
