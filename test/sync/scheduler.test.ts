import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leaveNetwork } from '../../src/db/sync-store';
import { createRecord } from '../../src/db/writes';
import { APP_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION, SERVER_HEADER } from '../../src/protocol/wire';
import { AdminClient } from '../../src/sync/admin';
import type { SyncEngine } from '../../src/sync/engine';
import { type SchedulerEnvironment, SyncScheduler } from '../../src/sync/scheduler';
import { withNetworkServer } from '../helpers/network-server';
import { TestDevice } from '../helpers/test-device';
import { TEST_SERVER_URL } from '../helpers/test-server';

/** Timers a test fires by hand, and an `online` event it can raise. A test waits for the
 *  timers it expects rather than for a fixed time, so a loaded machine only makes it slower. */
class ManualEnvironment implements SchedulerEnvironment {
  timers: { callback: () => void; ms: number }[] = [];
  private onlineListeners: (() => void)[] = [];
  private shownListeners: (() => void)[] = [];
  private waiters: (() => void)[] = [];
  onOnline(listener: () => void) {
    this.onlineListeners.push(listener);
    return () => {};
  }
  onShown(listener: () => void) {
    this.shownListeners.push(listener);
    return () => {};
  }
  setTimer(callback: () => void, ms: number) {
    const timer = { callback, ms };
    this.timers.push(timer);
    this.changed();
    return timer;
  }
  clearTimer(handle: unknown) {
    this.timers = this.timers.filter((timer) => timer !== handle);
    this.changed();
  }
  /** Resolves once the pending timers are exactly `delays` (in milliseconds). */
  async timersBecome(...delays: number[]): Promise<void> {
    const matches = () => JSON.stringify(this.timers.map((timer) => timer.ms)) === JSON.stringify(delays);
    while (!matches()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  private changed() {
    for (const resolve of this.waiters.splice(0)) resolve();
  }
  goOnline() {
    for (const listener of this.onlineListeners) listener();
  }
  show() {
    for (const listener of this.shownListeners) listener();
  }
}

describe('when a device syncs by itself', () => {
  const network = withNetworkServer();
  let device: TestDevice;
  let reachable: boolean;
  let busyForSeconds: number;
  let environment: ManualEnvironment;
  let scheduler: SyncScheduler;

  beforeEach(async () => {
    reachable = true;
    busyForSeconds = 0;
    device = await network.open('Camille', {
      link: (url, init) => {
        if (!reachable) return Promise.reject(new TypeError('offline'));
        if (busyForSeconds > 0) {
          const body = JSON.stringify({
            error: 'Too many requests',
            code: 'rate_limited',
            retryAfterSeconds: busyForSeconds,
          });
          return Promise.resolve(
            new Response(body, { status: 429, headers: { 'Retry-After': String(busyForSeconds) } }),
          );
        }
        return network.server.fetch(url, init);
      },
    });
    await network.join(device);
    environment = new ManualEnvironment();
    scheduler = new SyncScheduler(device.engine, environment, {
      debounceMs: 10,
      periodMs: 60_000,
      firstBackoffMs: 5_000,
    });
  });

  afterEach(() => {
    scheduler.stop();
  });

  it('waits as long as a busy server asks before syncing again', async () => {
    busyForSeconds = 120;
    scheduler.start();
    await environment.timersBecome(120_000);
    expect(device.engine.status).toMatchObject({ state: 'error', retryAfterMs: 120_000 });
    busyForSeconds = 0;
    environment.timers[0]?.callback();
    await environment.timersBecome(60_000);
    expect(device.engine.status).toMatchObject({ state: 'idle', retryAfterMs: null });
  });

  it('waits an hour at most, however long an answer asks', async () => {
    // A timer past 2^31 ms fires at once in a browser: a run, refused again, then at once another.
    busyForSeconds = 99_999_999;
    scheduler.start();
    await expect.poll(() => environment.timers.length).toBe(1);
    expect(environment.timers.map((timer) => timer.ms)).toEqual([3_600_000]);
    expect(device.engine.status).toMatchObject({ state: 'error', retryAfterMs: 3_600_000 });
  });

  it('backs off after failures and syncs as soon as the network comes back', async () => {
    reachable = false;
    scheduler.start();
    await environment.timersBecome(5_000);
    expect(device.engine.status.state).toBe('offline');
    environment.timers[0]?.callback();
    await environment.timersBecome(10_000);
    reachable = true;
    environment.goOnline();
    await environment.timersBecome(60_000);
    expect(device.engine.status.state).toBe('idle');
  });

  it('tries at once when the person comes back to the app while it waits out a failure', async () => {
    reachable = false;
    scheduler.start();
    await environment.timersBecome(5_000);
    environment.timers[0]?.callback();
    await environment.timersBecome(10_000);
    // At the lieu's wifi, the app opened again: no 10 s (up to 5 min) wait, and no backoff kept.
    reachable = true;
    environment.show();
    await environment.timersBecome(60_000);
    expect(device.engine.status.state).toBe('idle');
  });

  it('pushes shortly after a local write without waiting for the periodic check', async () => {
    scheduler.start();
    await environment.timersBecome(60_000);
    await createRecord(device.context, 'visits', { visitedAt: new Date().toISOString(), services: ['inform'] });
    await environment.timersBecome(10);
    environment.timers[0]?.callback();
    await environment.timersBecome(60_000);
    expect(await device.outboxSize()).toBe(0);
    expect(device.engine.status.pending).toBe(0);
  });
});

describe('when a run fails in a way retrying cannot fix, or in a way nobody planned', () => {
  const network = withNetworkServer();
  let device: TestDevice;
  let environment: ManualEnvironment;
  let scheduler: SyncScheduler;
  let rewrite: (url: string, response: Response) => Promise<Response>;
  const sent: Headers[] = [];
  const urls: string[] = [];

  beforeEach(async () => {
    rewrite = async (_url, response) => response;
    device = await network.open('Camille', {
      link: async (url, init) => {
        sent.push(new Headers(init?.headers));
        urls.push(url);
        return rewrite(url, await network.server.fetch(url, init));
      },
    });
    await network.join(device);
    environment = new ManualEnvironment();
    scheduler = new SyncScheduler(device.engine, environment, { periodMs: 60_000, firstBackoffMs: 5_000 });
  });

  afterEach(() => {
    scheduler.stop();
  });

  it('sends its versions, and stops retrying once the server says it must be updated (426)', async () => {
    rewrite = async () =>
      Response.json({ error: 'update', code: 'upgrade_required', minProtocol: 2, protocol: 2 }, { status: 426 });
    await createRecord(device.context, 'visits', { visitedAt: new Date().toISOString(), services: ['inform'] });
    await scheduler.runNow();
    expect(device.engine.status).toMatchObject({ state: 'error', error: 'upgrade_required', pending: 1 });
    expect(environment.timers).toEqual([]);
    expect(sent.at(-1)?.get(PROTOCOL_HEADER)).toBe(String(PROTOCOL_VERSION));
    expect(sent.at(-1)?.get(APP_HEADER)).toBe(__APP_VERSION__);
    expect(await device.outboxSize()).toBe(1);
  });

  it('sends nothing to a server that names no version (0.1.0), says why, and retries with backoff', async () => {
    rewrite = async (_url, response) => {
      const headers = new Headers(response.headers);
      headers.delete(SERVER_HEADER);
      return new Response(response.body, { status: response.status, headers });
    };
    await createRecord(device.context, 'visits', { visitedAt: new Date().toISOString(), services: ['inform'] });
    urls.length = 0;
    await scheduler.runNow();
    expect(device.engine.status).toMatchObject({ state: 'error', error: 'server_outdated', pending: 1 });
    expect(urls.filter((url) => !url.includes('/api/sync/pull'))).toEqual([]);
    expect(environment.timers.map((timer) => timer.ms)).toEqual([5_000]);
    // Once the server names its version (upgraded), the change goes.
    rewrite = async (_url, response) => response;
    environment.timers[0]?.callback();
    await expect.poll(() => device.engine.status.state).toBe('idle');
    expect(await device.outboxSize()).toBe(0);
  });

  it('ends a run whose pulled page cannot be applied in an error status that says why, with a retry', async () => {
    // A page whose changes are no list cannot be applied: it is no answer of the server's, not a
    // bug of the app (garbled-answers.test.ts). (A malformed record alone is dropped and the rest
    // of its page applied: hostile-server.test.ts.)
    rewrite = async (url, response) =>
      url.includes('/api/sync/pull')
        ? Response.json({ ...(await response.json()), changes: null }, { headers: response.headers })
        : response;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await scheduler.runNow();
    expect(device.engine.status).toMatchObject({ state: 'error', error: 'unreadable' });
    expect(logged).not.toHaveBeenCalled();
    expect(environment.timers.map((timer) => timer.ms)).toEqual([5_000]);
    logged.mockRestore();
    // The next run, with a sane page, recovers by itself.
    rewrite = async (_url, response) => response;
    environment.timers[0]?.callback();
    await expect.poll(() => device.engine.status.state).toBe('idle');
  });
});

describe('a device an admin removed', () => {
  const network = withNetworkServer();
  let admin: TestDevice;
  let device: TestDevice;
  let environment: ManualEnvironment;
  let schedulers: SyncScheduler[];
  const calls: string[] = [];

  beforeEach(async () => {
    admin = await network.open('Camille');
    await network.join(admin, 'admin');
    device = await network.open('Hugo', {
      link: (url, init) => {
        calls.push(url);
        return network.server.fetch(url, init);
      },
    });
    await network.join(device);
    environment = new ManualEnvironment();
    schedulers = [];
  });

  afterEach(() => {
    for (const scheduler of schedulers) scheduler.stop();
  });

  /** The app started on the device: a scheduler over `engine`. */
  function started(engine: SyncEngine): SyncScheduler {
    const scheduler = new SyncScheduler(engine, environment, {
      debounceMs: 10,
      periodMs: 60_000,
      firstBackoffMs: 5_000,
    });
    schedulers.push(scheduler);
    scheduler.start();
    return scheduler;
  }

  it('stops syncing by itself, keeps what waits, and syncs again once it joins anew', async () => {
    const scheduler = started(device.engine);
    await environment.timersBecome(60_000);
    await new AdminClient(TEST_SERVER_URL, admin.context.session?.token as string, network.server.fetch).revoke(
      device.context.session?.deviceId as string,
    );
    // Told at its next run (a press of "Synchroniser" here, to wait for its end): no retry follows.
    await scheduler.runNow();
    expect(device.engine.status).toMatchObject({ state: 'error', error: 'revoked' });
    expect(environment.timers).toEqual([]);

    // Nothing it writes, no network coming back, no restart of the app makes it ask again: each
    // says why (the engine's status read again) instead.
    calls.length = 0;
    const refreshed = vi.spyOn(device.engine, 'refresh');
    await createRecord(device.context, 'visits', { visitedAt: new Date().toISOString(), services: ['inform'] });
    await environment.timersBecome(10);
    environment.timers[0]?.callback();
    await expect.poll(() => refreshed.mock.calls.length).toBe(1);
    environment.goOnline();
    await expect.poll(() => refreshed.mock.calls.length).toBe(2);
    scheduler.stop();
    const reopened = new TestDevice('Hugo', device.context, device.link);
    const refreshedAfterRestart = vi.spyOn(reopened.engine, 'refresh');
    const restarted = started(reopened.engine);
    await expect.poll(() => reopened.engine.status).toMatchObject({ state: 'error', error: 'revoked', pending: 1 });
    // The change waiting asks for a run shortly after the start, unless the start's own check came after.
    const fired = environment.timers.length;
    for (const timer of [...environment.timers]) timer.callback();
    await expect.poll(() => refreshedAfterRestart.mock.calls.length).toBe(1 + fired);
    expect(calls).toEqual([]);
    expect(environment.timers).toEqual([]);

    // "Synchroniser" asks once, and is told again.
    await restarted.runNow();
    expect(calls.length).toBeGreaterThan(0);
    expect(reopened.engine.status).toMatchObject({ state: 'error', error: 'revoked', pending: 1 });
    expect(environment.timers).toEqual([]);
    expect(await device.outboxSize()).toBe(1);

    // Left without erasing, then joined with a new invitation: what waited goes, and the
    // periodic sync is back.
    await leaveNetwork(device.context, { wipe: false });
    await network.join(device);
    await restarted.runNow();
    expect(reopened.engine.status).toMatchObject({ state: 'idle', error: null, pending: 0 });
    expect(environment.timers.map((timer) => timer.ms)).toEqual([60_000]);
    await admin.sync();
    expect(await admin.context.db.anyRecords('visits').count()).toBe(1);
  });
});
