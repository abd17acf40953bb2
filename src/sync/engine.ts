// The client sync engine: uploads waiting files, pushes the outbox, pulls the network's
// changes, one run at a time. A run never deletes local data on failure: the outbox is only
// emptied by the server's acknowledgement, and a failed run is simply tried again. A file that
// could not be sent (a slow link) waits for the next run without holding the records back
// (uploads.ts).
import { countBlobsToUpload } from '../db/blobs';
import type { DataContext } from '../db/context';
import { deviceClock } from '../db/device-clock';
import { isStorageFull, SessionChangedError } from '../db/errors';
import { redirectMerged } from '../db/merge';
import { compactSearchNames } from '../db/search-columns';
import { adoptNetworkName, noteRevoked } from '../db/session-token';
import { noteRunEnded, type RunEnd, readSyncMeta, writeSyncMeta } from '../db/sync-meta';
import {
  applyPulledPage,
  type PushBatch,
  type PushPart,
  pendingCount,
  readCursor,
  readPushBatch,
  reloadSession,
  saveClockOffset,
  settlePush,
} from '../db/sync-store';
import type { PushResponse, ServerTime } from '../protocol/wire';
import { type Wait, waitingOutBusy, waitRealTime } from './busy-server';
import { SyncError, type SyncErrorKind } from './errors';
import { readServerEpoch, startOverIfRestored } from './server-epoch';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './status';
import { oneTabAtATime, unlessAnotherTabHolds } from './tab-lock';
import { replaceTokenIfDue } from './token';
import { pushBody, type SyncTransport } from './transport';
import { FileUploads } from './uploads';

export interface EngineOptions {
  pushBatch?: number;
  pullPage?: number;
  /**
   * Writes this device makes once it holds the network's records (a joined admin's starter
   * valise), returning how many records it wrote: they are pushed in the same run, so a run
   * never ends "à jour" with changes the person never made still waiting.
   */
  afterPull?: (context: DataContext) => Promise<number>;
  /** How a pull waits out a busy server's 429 (busy-server.ts): real time unless a test says. */
  wait?: Wait;
}

/** A batch with its body (null: nothing to send), written as soon as it is read: ahead of the answer it waits for. */
type OutgoingBatch = PushBatch & { body: Blob | null };

async function readOutgoing(context: DataContext, max: number, after?: readonly PushPart[]): Promise<OutgoingBatch> {
  const batch = await readPushBatch(context, max, after);
  return { ...batch, body: batch.mutations.length > 0 ? pushBody(batch.encoded) : null };
}

const ENDED_STATES: ReadonlySet<string> = new Set<SyncStatus['state']>(['idle', 'offline', 'error']);

/**
 * A run's end as another tab kept it. Its words are this engine's, unless that tab runs another
 * version of the app (during an update): an unknown state is no outcome (this tab then runs),
 * an unknown error is shown as an error without its sentence.
 */
function statusOf(end: RunEnd): Pick<SyncStatus, 'state' | 'error' | 'retryAfterMs'> | null {
  if (!ENDED_STATES.has(end.state)) return null;
  return {
    state: end.state as SyncStatus['state'],
    error: end.error as SyncErrorKind | null,
    retryAfterMs: end.retryAfterMs,
  };
}

/** A push refused for its network's quota, kept for the run's end; any other failure ends the run now. */
function networkFull(error: unknown): SyncError {
  if (error instanceof SyncError && error.kind === 'network_full') return error;
  throw error;
}

/** Below this, a measured clock difference is network jitter, not a wrong clock. */
const CLOCK_TOLERANCE_MS = 1_000;

export class SyncEngine {
  private current: SyncStatus = INITIAL_SYNC_STATUS;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  /** Stops the run in progress's waits on a busy server; aborted when it ends. */
  private runStop: AbortController | null = null;
  /**
   * Whether the server named itself in this tab, though by no release's version (a fork's
   * « 1.0 »): Réglages shows no version for it, and its runs need not read first again. A tab
   * opened later reads first once more, at its first run.
   */
  private serverNamedItself = false;
  private readonly uploads: FileUploads;

  constructor(
    readonly context: DataContext,
    private readonly transportFor: (context: DataContext) => SyncTransport | null,
    private readonly options: EngineOptions = {},
  ) {
    this.uploads = new FileUploads(context);
  }

  get status(): SyncStatus {
    return this.current;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /**
   * Loads what the last run left (pending count, last sync time) for the first render, and the
   * session as this tab last read it: a device an admin removed says so without asking the
   * server again (it never takes a device back). A joined device whose tab has run nothing yet
   * is « Synchronisation… », not « À jour »: its first run starts now (the scheduler's start, a
   * join), and a server gone since the last visit was said to be fine until that run failed.
   */
  async refresh(): Promise<void> {
    const meta = await readSyncMeta(this.context);
    const session = this.context.session;
    this.update({
      pending: await pendingCount(this.context),
      filesWaiting: await countBlobsToUpload(this.context),
      lastSyncAt: meta.lastSyncAt,
      serverVersion: meta.serverVersion,
      ...(!session
        ? { state: 'unjoined', error: null }
        : session.revokedAt
          ? { state: 'error', error: 'revoked' }
          : this.current.state === 'unjoined'
            ? { state: 'syncing' }
            : {}),
    });
  }

  /**
   * The device left its network in this tab: a run waiting out a busy server (up to minutes)
   * ends now, as « Synchronisation… » over, rather than ask again with the token just forgotten.
   */
  abortRun(): void {
    this.runStop?.abort();
  }

  /** A local write changed the number of changes waiting: the status says so from that moment. */
  notePending(count: number): void {
    if (count !== this.current.pending) this.update({ pending: count });
  }

  /**
   * Syncs now. Calls during a run are not lost: they make the run go once more, since the
   * user may have written something after it started. Never rejects; failures are in status.
   */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.runAsOnlyTab().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * The device's tabs (and its installed window) share one outbox and one pull cursor: two runs
   * at once pushed the same changes and pulled beside each other, one cursor stepping back over
   * pages the other had written. A run holds the device's lock. A tab asked to sync while
   * another tab's run holds it does not queue the same run behind it: it says "Synchronisation…"
   * (the device is syncing), waits for that run to end and takes its outcome as its own. It runs
   * itself only when changes wait that the other run left (written meanwhile), or when no run
   * ended (its tab closed midway). A failed run is not repeated at once by the next tab: the link
   * or server that failed it would most likely fail it again, and every tab's scheduler backs
   * off from the shared outcome as from its own.
   */
  private async runAsOnlyTab(): Promise<void> {
    const lock = `valise-sync:${this.context.db.name}`;
    // Unreadable: the run then ends in a status that says why (runOnce), as sync() never rejects.
    const before = await readSyncMeta(this.context).then(
      (meta) => meta.lastRun?.number ?? null,
      () => null,
    );
    if (await unlessAnotherTabHolds(lock, () => this.runWhileAsked())) return;
    if (this.context.session) this.update({ state: 'syncing', error: null, progress: null, retryAfterMs: null });
    await oneTabAtATime(lock, () => this.followOtherTab(before).catch(() => this.runWhileAsked()));
  }

  /** Takes the outcome of the run another tab ended after `before`, or runs if it leaves something to do. */
  private async followOtherTab(before: number | null): Promise<void> {
    // Asked again while waiting: what the other run left is looked at now, which covers it.
    this.again = false;
    const [session, meta, pending] = await Promise.all([
      reloadSession(this.context),
      readSyncMeta(this.context),
      pendingCount(this.context),
    ]);
    const ended = meta.lastRun && meta.lastRun.number !== before ? statusOf(meta.lastRun) : null;
    if (!session || !ended || (ended.state === 'idle' && pending > 0)) return this.runWhileAsked();
    this.update({
      ...ended,
      lastSyncAt: meta.lastSyncAt,
      serverVersion: meta.serverVersion ?? this.current.serverVersion,
      pending,
      filesWaiting: await countBlobsToUpload(this.context),
      progress: null,
    });
  }

  /** Runs, and again while asked meanwhile; then tells the device's other tabs how it ended. */
  private async runWhileAsked(): Promise<void> {
    do {
      this.again = false;
      await this.runOnce();
    } while (this.again && this.current.state !== 'error' && this.current.state !== 'offline');
    const { state, error, retryAfterMs } = this.current;
    if (state === 'unjoined') return;
    await noteRunEnded(this.context, { state, error, retryAfterMs }).catch((failure: unknown) =>
      console.error('Keeping how the sync run ended failed', failure),
    );
  }

  /** `retried`: this run follows one refused with a token another tab had replaced meanwhile. */
  private async runOnce(retried = false): Promise<void> {
    let transport: SyncTransport | null = null;
    let token: string | null = null;
    const stop = new AbortController();
    this.runStop = stop;
    try {
      // Each tab holds the session in memory, and another tab of the device may have replaced
      // its token since (or joined, or left): the run goes by the stored one.
      await reloadSession(this.context);
      transport = this.transportFor(this.context);
      if (!transport || !this.context.session) {
        this.update({ state: 'unjoined', pending: await pendingCount(this.context) });
        return;
      }
      this.update({ state: 'syncing', error: null, progress: null, retryAfterMs: null });
      // Before anything else: a replacement staged by a run that was cut short may be the only
      // token the server still takes.
      token = this.context.session.token;
      await replaceTokenIfDue(this.context, transport);
      if (this.context.session?.token !== token) {
        token = this.context.session?.token ?? token;
        transport = this.transportFor(this.context) ?? transport;
      }
      // A server never heard from may be one this app must not write to (transport.ts,
      // 'server_outdated'): a pull, which changes nothing on it, finds out first.
      if (this.current.serverVersion === null && !this.serverNamedItself) await this.pull(transport, stop.signal);
      const filesWaitMs = await this.uploads.send(transport);
      // A full network refuses this device's changes, not what the others wrote: the changes
      // wait in the outbox, the pull still brings the network's, and the run then says why.
      const full = await this.push(transport, stop.signal).then(() => null, networkFull);
      const filesRoom = await this.pull(transport, stop.signal);
      // Files the quota refused go again once the server says they fit: at most once a run.
      const retriedWaitMs = (await this.uploads.takeBackThoseThatFit(filesRoom))
        ? await this.uploads.send(transport)
        : null;
      if ((await this.writeAfterPull()) > 0) await this.push(transport, stop.signal);
      const lastSyncAt = new Date(deviceClock(this.context).physicalNow()).toISOString();
      await writeSyncMeta(this.context, { lastSyncAt });
      if (full) {
        this.update({ lastSyncAt });
        throw full;
      }
      this.update({
        state: 'idle',
        lastSyncAt,
        progress: null,
        pending: await pendingCount(this.context),
        filesWaiting: await countBlobsToUpload(this.context),
        retryAfterMs: filesWaitMs ?? retriedWaitMs,
      });
    } catch (error) {
      if (error instanceof SessionChangedError || stop.signal.aborted) {
        // Another tab joined or left, or this one left (abortRun): this run ends without a word,
        // and the next one, at once, goes by the device's session as it now is (unjoined, or the
        // new network).
        await reloadSession(this.context);
        this.again = true;
        return;
      }
      if (!retried && (await this.refusedReplacedToken(error, token))) {
        // Another tab replaced the token while this run used the old one: the stored session
        // now holds the new one, and the run goes again with it before anything is said.
        await this.runOnce(true);
        return;
      }
      // Every failure ends in a status the scheduler retries from. A device with no room left
      // cannot keep what it pulls: said as such, since only its owner can make room. Any other
      // that is not the network's or the server's is a bug of this app: logged whole, and said so.
      const kind: SyncErrorKind =
        error instanceof SyncError ? error.kind : isStorageFull(error) ? 'storage_full' : 'unexpected';
      if (kind === 'unexpected') console.error('Sync run failed unexpectedly', error);
      const state: SyncStatus['state'] = kind === 'unreachable' ? 'offline' : 'error';
      const pending = await pendingCount(this.context).catch(() => this.current.pending);
      const filesWaiting = await countBlobsToUpload(this.context).catch(() => this.current.filesWaiting);
      const retryAfterMs = error instanceof SyncError ? (error.retryAfterMs ?? null) : null;
      // Kept in the session, so that screens stop offering what only a member may do (an
      // admin's invitations) between runs too, and in the device's other tabs.
      if (kind === 'revoked' && !this.context.session?.revokedAt) {
        const at = new Date(deviceClock(this.context).physicalNow()).toISOString();
        await noteRevoked(this.context, at).catch(() => undefined);
      }
      this.update({ state, error: kind, progress: null, pending, filesWaiting, retryAfterMs });
    } finally {
      // A page asked for ahead, still waiting out a busy server, is of no use to a run that ended.
      stop.abort();
      if (this.runStop === stop) this.runStop = null;
      if (transport?.namedItself) this.serverNamedItself = true;
      await this.noteServerVersion(transport?.serverVersion ?? null);
    }
  }

  /** Whether `error` refused `token` while the stored session already holds another one. */
  private async refusedReplacedToken(error: unknown, token: string | null): Promise<boolean> {
    if (!(error instanceof SyncError) || error.kind !== 'unauthorized' || token === null) return false;
    const stored = await reloadSession(this.context);
    return stored !== null && stored.token !== token;
  }

  private async noteServerVersion(serverVersion: string | null): Promise<void> {
    if (serverVersion === null || serverVersion === this.current.serverVersion) return;
    this.update({ serverVersion });
    await writeSyncMeta(this.context, { serverVersion }).catch(() => undefined);
  }

  /**
   * The device's own writes once it holds the network's records. A failure there is logged and
   * leaves the sync it follows whole: failing the run would fail every retry the same way, and
   * the device would stop syncing for a starter valise.
   */
  private async writeAfterPull(): Promise<number> {
    try {
      return (await this.options.afterPull?.(this.context)) ?? 0;
    } catch (error) {
      console.error('Writing after the pull failed', error);
      return 0;
    }
  }

  /**
   * Pushes the outbox in batches, as a pipeline: while the server applies one batch the device
   * reads the next and writes its body, and sends it before settling the answered one, so
   * neither side waits on the other. A batch read ahead is used only when settling the previous
   * one changed nothing it holds (every mutation answered, none refused); otherwise the next
   * batch is read afresh.
   */
  private async push(transport: SyncTransport, signal: AbortSignal): Promise<void> {
    const max = this.options.pushBatch ?? 500;
    const read = (after?: readonly PushPart[]) => readOutgoing(this.context, max, after);
    // Counted once: each settled batch then takes what left the outbox off it (counting again
    // would read every entry per batch). A write meanwhile says its own count (notePending),
    // and the run ends with a fresh count.
    const [pending, first] = await Promise.all([pendingCount(this.context), read()]);
    this.update({ pending });
    const settled = (left: number) => Math.max(0, this.current.pending - left);
    let batch = first;
    let sending = this.send(transport, batch, signal);
    while (batch.parts.length > 0) {
      if (!sending) {
        // Only records that vanished locally: nothing to send, their entries are dropped.
        this.update({ pending: settled(await settlePush(this.context, batch, [])) });
        batch = await read();
        sending = this.send(transport, batch, signal);
        continue;
      }
      const ahead = read(batch.parts);
      // Handled when awaited; this only keeps a failure from going unobserved.
      ahead.catch(() => undefined);
      const { response, before } = await sending;
      await this.correctClock(response, before);
      const answered = new Set(response.results.map((result) => result.id));
      const settledAlone =
        batch.mutations.every((mutation) => answered.has(mutation.id)) &&
        response.results.every((result) => result.status !== 'rejected');
      let next = settledAlone ? await ahead : null;
      let nextSending = next ? this.send(transport, next, signal) : null;
      const left = await settlePush(this.context, batch, response.results);
      this.update({ pending: settled(left), clockAheadMs: response.clockAheadMs ?? 0 });
      // A server that answered none of the batch would make this loop spin: stop and retry later.
      if (!batch.mutations.some((mutation) => answered.has(mutation.id))) {
        throw new SyncError('refused', 'the server answered none of the pushed changes');
      }
      if (!next) {
        next = await read();
        nextSending = this.send(transport, next, signal);
      }
      batch = next;
      sending = nextSending;
    }
  }

  /**
   * Sends a batch's mutations (none: nothing to send), noting when, to correct the clock. A
   * batch the server is too busy for waits its turn, as the pull's pages do, and is sent again:
   * the server answers a mutation id it has seen with its first answer (plan.ts, `prior`).
   */
  private send(
    transport: SyncTransport,
    batch: OutgoingBatch,
    signal: AbortSignal,
  ): Promise<{ response: PushResponse; before: number }> | null {
    const body = batch.body;
    if (!body) return null;
    const sent = waitingOutBusy(
      () => {
        const before = deviceClock(this.context).physicalNow();
        return transport.push({ mutations: batch.mutations }, body).then((response) => ({ response, before }));
      },
      this.options.wait ?? waitRealTime,
      signal,
    );
    // Awaited once the batch before it is settled; a failure meanwhile must not go unobserved.
    sent.catch(() => undefined);
    return sent;
  }

  /** Pulls every page; returns the room the network's files have left, when asked and told. */
  private async pull(transport: SyncTransport, signal: AbortSignal): Promise<number | undefined> {
    let done = 0;
    const limit = this.options.pullPage ?? 2000;
    const networkId = this.context.session?.networkId;
    const epoch = await readServerEpoch(this.context);
    // A first sync of a large network meets the device's fair share: its pages wait their turn.
    const fetchPage = (cursor: number, filesRoom = false) =>
      waitingOutBusy(
        () => {
          const before = deviceClock(this.context).physicalNow();
          return transport.pull(cursor, limit, epoch, filesRoom).then((page) => ({ page, before }));
        },
        this.options.wait ?? waitRealTime,
        signal,
      );
    const start = await readCursor(this.context);
    let next = fetchPage(start, await this.uploads.waitForRoom());
    let filesRoom: number | undefined;
    for (let first = true; ; first = false) {
      const { page, before } = await next;
      if (first) {
        filesRoom = page.filesRoomBytes;
        if (networkId && page.networkName && page.networkName !== this.context.session?.networkName)
          await adoptNetworkName(this.context, networkId, page.networkName);
      }
      await this.correctClock(page, before);
      if (first && (await startOverIfRestored(this.context, epoch, page, start))) {
        await this.uploads.send(transport);
        await this.push(transport, signal);
        return this.pull(transport, signal);
      }
      // Ask for the next page while this one is written: the network and IndexedDB overlap.
      if (page.hasMore) {
        next = fetchPage(page.cursor);
        // Handled when awaited; this only keeps a failure during the write from going unobserved.
        next.catch(() => undefined);
      }
      await applyPulledPage(this.context, page.changes, page.cursor, { fromStart: start === 0, networkId });
      done += page.changes.length;
      if (!page.hasMore) {
        // Once every pulled write is in: the device's own redirects are then newer than all.
        await redirectMerged(this.context);
        await compactSearchNames(this.context.db.searchSegments);
        return filesRoom;
      }
      this.update({ progress: { done, total: done + page.remaining } });
    }
  }

  /** Sets the clock's offset so this device's time agrees with the server's. */
  private async correctClock(response: ServerTime, before: number): Promise<void> {
    const after = deviceClock(this.context).physicalNow();
    const error = response.serverTime - (before + after) / 2;
    if (Math.abs(error) > CLOCK_TOLERANCE_MS + (after - before) / 2) {
      await saveClockOffset(this.context, deviceClock(this.context).offsetMs + error);
    }
  }

  private update(change: Partial<SyncStatus>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener(this.current);
  }
}
