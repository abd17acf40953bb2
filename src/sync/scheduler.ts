// When to sync: at start, when the network comes back, shortly after local writes, and
// periodically — because the browser's `online` event lies (captive portals, dead wifi).
// Failures back off exponentially so a dead server is not hammered; success resets it, and so
// does the person coming back to the app while it waits out a failure. A device
// an admin removed does not sync by itself any more: only when the person asks.
import { observe } from '../db/live';
import { pendingCount, reloadSession } from '../db/sync-store';
import type { SyncEngine } from './engine';

export interface SchedulerEnvironment {
  onOnline(listener: () => void): () => void;
  /** The app shown again (back from another app, a tab brought to the front). */
  onShown(listener: () => void): () => void;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

interface SchedulerOptions {
  periodMs?: number;
  debounceMs?: number;
  firstBackoffMs?: number;
  maxBackoffMs?: number;
}

const browserEnvironment: SchedulerEnvironment = {
  onOnline(listener) {
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  },
  onShown(listener) {
    const shown = () => {
      if (document.visibilityState === 'visible') listener();
    };
    document.addEventListener('visibilitychange', shown);
    return () => document.removeEventListener('visibilitychange', shown);
  },
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SyncScheduler {
  private timer: unknown = null;
  private failures = 0;
  private stops: (() => void)[] = [];
  private lastPending = 0;

  constructor(
    private readonly engine: SyncEngine,
    private readonly environment: SchedulerEnvironment = browserEnvironment,
    private readonly options: SchedulerOptions = {},
  ) {}

  start(): void {
    this.stops.push(this.environment.onOnline(() => this.runByItself({ backoff: 'forget' })));
    // A concierge reaching the lieu's wifi opens the app: a phone that failed offline in the
    // field would otherwise wait out its backoff (up to 5 minutes; no `online` event reaches a
    // page the phone had frozen). A tab shown while all is well keeps to its timer.
    this.stops.push(
      this.environment.onShown(() => {
        if (this.failures > 0) void this.runByItself({ backoff: 'forget' });
      }),
    );
    const watch = observe(
      () => pendingCount(this.engine.context),
      (count) => {
        if (count > this.lastPending) this.schedule(this.options.debounceMs ?? 2_000);
        this.lastPending = count;
        this.engine.notePending(count);
      },
    );
    this.stops.push(() => watch.unsubscribe());
    void this.runByItself({ backoff: 'forget' });
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.cancelTimer();
  }

  /** The "Synchroniser" button (or a join): now, whatever the backoff, even on a removed device. */
  runNow(): Promise<void> {
    this.failures = 0;
    return this.run();
  }

  /**
   * A run nobody asked for (start, the network back, a write, a timer). A device an admin
   * removed learned it at a run of any of its tabs and keeps it in its stored session: asking
   * again could only be refused, every 5 minutes for as long as the app is open. It shows why
   * instead; "Synchroniser" still asks once per press, and once the person has joined anew (a
   * new session) the device syncs by itself again.
   */
  private async runByItself({ backoff }: { backoff: 'forget' | 'keep' }): Promise<void> {
    if ((await reloadSession(this.engine.context))?.revokedAt) {
      this.cancelTimer();
      await this.engine.refresh();
      return;
    }
    if (backoff === 'forget') this.failures = 0;
    await this.run();
  }

  private async run(): Promise<void> {
    this.cancelTimer();
    await this.engine.sync();
    const { state, error, retryAfterMs, filesWaiting } = this.engine.status;
    // Retrying cannot help an app the server no longer serves: it waits for its update (the
    // new version starts a new scheduler); nor a device an admin removed. "Synchroniser" still
    // tries once per press.
    if (state === 'unjoined' || error === 'upgrade_required' || error === 'revoked') return;
    // A file left waiting by a run whose records went is a failed upload: retried as a failure.
    if (state === 'offline' || state === 'error' || filesWaiting > 0) {
      this.failures += 1;
      const first = this.options.firstBackoffMs ?? 5_000;
      const backoff = Math.min(first * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 300_000);
      // A busy server says how long to wait: asking sooner would only be refused again.
      this.schedule(Math.max(backoff, retryAfterMs ?? 0));
    } else {
      this.failures = 0;
      this.schedule(this.options.periodMs ?? 60_000);
    }
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.environment.setTimer(() => void this.runByItself({ backoff: 'keep' }), ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.environment.clearTimer(this.timer);
    this.timer = null;
  }
}
