// When to sync: at start, when the network comes back, shortly after local writes, and
// periodically — because the browser's `online` event lies (captive portals, dead wifi).
// Failures back off exponentially so a dead server is not hammered; success resets it.
import { observe } from '../db/live';
import { pendingCount } from '../db/sync-store';
import type { SyncEngine } from './engine';

export interface SchedulerEnvironment {
  onOnline(listener: () => void): () => void;
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
    this.stops.push(this.environment.onOnline(() => this.runNow()));
    const watch = observe(
      () => pendingCount(this.engine.context),
      (count) => {
        if (count > this.lastPending) this.schedule(this.options.debounceMs ?? 2_000);
        this.lastPending = count;
        this.engine.notePending(count);
      },
    );
    this.stops.push(() => watch.unsubscribe());
    this.runNow();
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    if (this.timer !== null) this.environment.clearTimer(this.timer);
    this.timer = null;
  }

  /** The "Synchroniser" button: now, and forget any backoff. */
  runNow(): Promise<void> {
    this.failures = 0;
    return this.run();
  }

  private async run(): Promise<void> {
    if (this.timer !== null) this.environment.clearTimer(this.timer);
    this.timer = null;
    await this.engine.sync();
    const { state, error, retryAfterMs, filesWaiting } = this.engine.status;
    // Retrying cannot help an app the server no longer serves: it waits for its update (the
    // new version starts a new scheduler); "Synchroniser" still tries once per press.
    if (state === 'unjoined' || error === 'upgrade_required') return;
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
    if (this.timer !== null) this.environment.clearTimer(this.timer);
    this.timer = this.environment.setTimer(() => void this.run(), ms);
  }
}
