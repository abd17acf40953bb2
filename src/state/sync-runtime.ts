// The sync machinery behind src/state/sync.ts, loaded after the first screen has rendered so
// that the engine, its transport and scheduler do not weigh on the first screen's download.
import { appData } from '../db/app-data';
import type { DataContext, Session } from '../db/context';
import { rebuildInvisible } from '../db/invisible-rebuild';
import { cachedLieux } from '../db/lieu-cache';
import { keepLieuxRead } from '../db/lieu-cache-loader';
import { closeOnNewerVersion } from '../db/newer-version';
import type { BlobEntry } from '../db/schema';
import { leaveNetwork, pendingCount, reloadSession } from '../db/sync-store';
import { seedStarterValise } from '../db/toolbox-starter';
import { AdminClient } from '../sync/admin';
import { waitRealTime } from '../sync/busy-server';
import { SyncEngine } from '../sync/engine';
import { fetchEach, fetchWaitingTurn } from '../sync/files';
import { type JoinInput, joinNetwork } from '../sync/join';
import { SyncScheduler } from '../sync/scheduler';
import { HttpTransport } from '../sync/transport';
import { forgetAllPendingAnswers } from './pending-answers';
import { type FetchFileOptions, syncStore } from './sync';
import { watchTextsToSettle } from './texts-to-settle';
import { offerUpdate, requireUpgrade } from './ui';

interface Runtime {
  engine: SyncEngine;
  scheduler: SyncScheduler;
  context: DataContext;
  /** Tells this device's other tabs that it joined or left a network. */
  tabs: BroadcastChannel | null;
}

let started: Promise<Runtime> | null = null;

/**
 * The tabs of a device share its database, but each holds the session in memory: a tab open
 * while another joined still offered to join, and wrote its records with no member's name. A
 * join or a leave is announced to the other tabs, which read the session again.
 */
const SESSION_CHANNEL = 'valise-session';
type TabNews = 'joined' | 'left';

function followOtherTabs(context: DataContext, engine: SyncEngine, scheduler: SyncScheduler): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const tabs = new BroadcastChannel(SESSION_CHANNEL);
  // One message at a time: a leave announced right after a join is read after it.
  let reading = Promise.resolve();
  tabs.onmessage = (message: MessageEvent<TabNews>) => {
    reading = reading
      .then(async () => {
        await reloadSession(context);
        await engine.refresh();
        syncStore.setState({ session: context.session });
        // This tab's scheduler may have stopped on a device an admin removed: the new session
        // syncs by itself again here too (the device's lock lets one tab's run through).
        if (message.data === 'joined') void scheduler.runNow();
      })
      .catch((error: unknown) => console.error('Reading the session another tab changed failed', error));
  };
  return tabs;
}

function transportFor(context: DataContext): HttpTransport | null {
  return context.session ? new HttpTransport(context.session.serverUrl, context.session.token) : null;
}

export function startRuntime() {
  started ??= (async () => {
    // From now on the lieux the visit list names stay in memory for its next runs.
    keepLieuxRead(cachedLieux);
    const context = await appData();
    // Another tab opened a newer database (it took an update): this tab's is closed, a save then
    // saying its input is only on screen (db/newer-version.ts), and the reload into it offered.
    void closeOnNewerVersion(context.db).then(() => offerUpdate(() => window.location.reload()));
    // Work a schema upgrade left for when the app runs (none on most starts: one read of `meta`).
    void rebuildInvisible(context).catch((error: unknown) =>
      console.error('Working out the search keys failed', error),
    );
    // Read again: another tab may have joined or left since this one opened the database.
    await reloadSession(context);
    // Counted from the start, so that the header has its number once a first sync run says « À jour ».
    watchTextsToSettle(context);
    // The starter valise is seeded where this device may (see seedStarterValise): at start,
    // and in each sync once the network's records are pulled — a joined admin seeds only what
    // the network's valise lacks, and sends it in the same run. Idempotent: a sync that brought
    // nothing new writes nothing.
    const engine = new SyncEngine(context, transportFor, {
      afterPull: (synced) => seedStarterValise(synced, { pulled: true }),
    });
    engine.subscribe((status) => {
      syncStore.setState({ status, session: context.session });
      if (status.error === 'upgrade_required') requireUpgrade();
    });
    await engine.refresh();
    // A failed seed leaves the valise empty on this device; it must not keep sync from starting.
    await seedStarterValise(context, { pulled: engine.status.lastSyncAt !== null }).catch((error: unknown) =>
      console.error('Seeding the starter valise failed', error),
    );
    const scheduler = new SyncScheduler(engine);
    scheduler.start();
    return { engine, scheduler, context, tabs: followOtherTabs(context, engine, scheduler) };
  })();
  return started;
}

export async function syncNow(): Promise<void> {
  const { scheduler } = await startRuntime();
  await scheduler.runNow();
}

export async function join(input: JoinInput): Promise<{ session: Session; ownChanges: number }> {
  const { context, scheduler, tabs } = await startRuntime();
  const session = await joinNetwork(context, input);
  // Counted before the first sync: after its pull, an admin's device seeds the starter valise.
  const ownChanges = await pendingCount(context);
  syncStore.setState({ session });
  tabs?.postMessage('joined' satisfies TabNews);
  void scheduler.runNow();
  return { session, ownChanges };
}

export async function leave({ wipe }: { wipe: boolean }): Promise<void> {
  const { context, engine, tabs } = await startRuntime();
  await leaveNetwork(context, { wipe });
  engine.abortRun();
  // Text typed in a diagnostic and not saved yet sits outside the database.
  if (wipe) forgetAllPendingAnswers();
  tabs?.postMessage('left' satisfies TabNews);
  await engine.refresh();
  // A device on its own again curates its own valise.
  await seedStarterValise(context, { pulled: false });
  syncStore.setState({ session: null });
}

// Both read the stored session: another tab may have replaced the token since this one read it.
export async function fetchFile(sha256: string, { signal, onBusy }: FetchFileOptions = {}): Promise<BlobEntry | null> {
  const { context } = await startRuntime();
  await reloadSession(context);
  return fetchWaitingTurn(context, transportFor(context), sha256, { wait: waitRealTime, signal, onBusy });
}

export async function keepFiles(hashes: readonly string[], signal: AbortSignal): Promise<void> {
  const { context } = await startRuntime();
  await reloadSession(context);
  const transport = transportFor(context);
  if (transport) await fetchEach(context, transport, hashes, { wait: waitRealTime, signal });
}

export async function adminClient(): Promise<AdminClient | null> {
  const { context } = await startRuntime();
  const session = await reloadSession(context);
  return session ? new AdminClient(session.serverUrl, session.token) : null;
}
