import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '../../src/db/writes';
import { type SchedulerEnvironment, SyncScheduler } from '../../src/sync/scheduler';
import { TestDevice } from '../helpers/test-device';
import { TestServer } from '../helpers/test-server';

/** Timers a test fires by hand, and an `online` event it can raise. */
class ManualEnvironment implements SchedulerEnvironment {
  timers: { callback: () => void; ms: number }[] = [];
  private onlineListeners: (() => void)[] = [];
  onOnline(listener: () => void) {
    this.onlineListeners.push(listener);
    return () => {};
  }
  setTimer(callback: () => void, ms: number) {
    const timer = { callback, ms };
    this.timers.push(timer);
    return timer;
  }
  clearTimer(handle: unknown) {
    this.timers = this.timers.filter((timer) => timer !== handle);
  }
  goOnline() {
    for (const listener of this.onlineListeners) listener();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('when a device syncs by itself', () => {
  let server: TestServer;
  let device: TestDevice;
  let reachable: boolean;
  let environment: ManualEnvironment;
  let scheduler: SyncScheduler;

  beforeEach(async () => {
    server = await TestServer.start();
    const network = await server.createNetwork('Réseau');
    reachable = true;
    device = await TestDevice.open('Camille', (url, init) =>
      reachable ? server.fetch(url, init) : Promise.reject(new TypeError('offline')),
    );
    await device.join(await server.invite(network.id));
    environment = new ManualEnvironment();
    scheduler = new SyncScheduler(device.engine, environment, {
      debounceMs: 10,
      periodMs: 60_000,
      firstBackoffMs: 5_000,
    });
  });

  afterEach(async () => {
    scheduler.stop();
    await device.close();
    await server.stop();
  });

  it('backs off after failures and syncs as soon as the network comes back', async () => {
    reachable = false;
    scheduler.start();
    await settle();
    expect(device.engine.status.state).toBe('offline');
    expect(environment.timers.map((timer) => timer.ms)).toEqual([5_000]);
    environment.timers[0]?.callback();
    await settle();
    expect(environment.timers.map((timer) => timer.ms)).toEqual([10_000]);
    reachable = true;
    environment.goOnline();
    await settle();
    expect(device.engine.status.state).toBe('idle');
    expect(environment.timers.map((timer) => timer.ms)).toEqual([60_000]);
  });

  it('pushes shortly after a local write without waiting for the periodic check', async () => {
    scheduler.start();
    await settle();
    await createRecord(device.context, 'visits', { visitedAt: new Date().toISOString(), services: ['inform'] });
    await settle();
    const soon = environment.timers.find((timer) => timer.ms === 10);
    expect(soon).toBeDefined();
    soon?.callback();
    await settle();
    expect(await device.outboxSize()).toBe(0);
    expect(device.engine.status.pending).toBe(0);
  });
});
