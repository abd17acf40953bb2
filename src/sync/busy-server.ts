// A server past this device's fair share answers 429 with how long to wait (Retry-After). Work
// the person is watching — a first sync's pages, a long push's batches, the valise's files kept
// offline — waits that long and goes on. Failing would end a first sync of a large network in
// error between runs, and leave every remaining file « en attente » until the screen is opened
// again. The server's share is untouched: the device asks again only when told it may.
import { SyncError } from './errors';

/** Waits `ms`, or less once `signal` aborts: real time in the app, a test's own clock in tests. */
export type Wait = (ms: number, signal?: AbortSignal) => Promise<void>;

export const waitRealTime: Wait = (ms, signal) =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Past these, the 429 fails the request as any refusal (the scheduler then waits as the server
 * said): a wait of minutes, or a server that keeps refusing, is not held within one run.
 */
const LONGEST_WAIT_MS = 60_000;
const MOST_WAITS = 10;
/** A 429 that names no wait (not this app's server, or a proxy in front of it). */
const UNNAMED_WAIT_MS = 5_000;

/** `request`, asked again after each 429 once the time the server named has passed. */
export async function waitingOutBusy<T>(request: () => Promise<T>, wait: Wait, signal?: AbortSignal): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof SyncError) || error.status !== 429 || waits >= MOST_WAITS || signal?.aborted) throw error;
      const ms = error.retryAfterMs ?? UNNAMED_WAIT_MS;
      if (ms > LONGEST_WAIT_MS) throw error;
      await wait(ms, signal);
      if (signal?.aborted) throw error;
    }
  }
}
