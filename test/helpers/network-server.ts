// The set-up most sync suites share: before each test of the enclosing `describe`, a fresh
// in-process server with one network; after it, the devices the test opened are closed (their
// databases deleted) and the server is stopped. Hooks the suite adds after calling this run
// after the server is up, and their `afterEach` before the devices are closed.
import { afterEach, beforeEach } from 'vitest';
import type { Role } from '../../src/domain/vocabulary';
import type { RawChange } from '../../src/server/store/store';
import type { EngineOptions } from '../../src/sync/engine';
import type { Fetch } from '../../src/sync/transport';
import { TestDevice } from './test-device';
import { TestServer } from './test-server';

interface DeviceOptions {
  /** How the device reaches the server: the server's own answers unless a test stands between. */
  link?: Fetch;
  wallClock?: () => number;
  engine?: EngineOptions;
}

export interface NetworkServer {
  /** This test's server. */
  readonly server: TestServer;
  /** The id of this test's network. */
  readonly networkId: string;
  /** A device that has joined no network yet, closed after the test. */
  open(name: string, options?: DeviceOptions): Promise<TestDevice>;
  /** Joins `device` to this test's network in `role`. */
  join(device: TestDevice, role?: Role): Promise<void>;
  /** This test's network as the server holds it. */
  snapshot(): Promise<RawChange[]>;
}

/**
 * `env`: the server's settings, for a suite that needs a limit other than the default;
 * `monotonic`: the clock of its fair share, for a suite that lets time pass for it.
 */
export function withNetworkServer(env: NodeJS.ProcessEnv = {}, monotonic?: () => number): NetworkServer {
  let server: TestServer | null = null;
  let networkId = '';
  const devices: TestDevice[] = [];
  const current = (): TestServer => {
    if (!server) throw new Error('the server starts before each test: use it inside a test or a hook');
    return server;
  };

  beforeEach(async () => {
    server = await TestServer.start(Date.now, env, monotonic ? { monotonic } : {});
    networkId = (await server.createNetwork('Réseau test')).id;
  });

  afterEach(async () => {
    for (const device of devices.splice(0)) await device.close();
    await server?.stop();
    server = null;
  });

  return {
    get server() {
      return current();
    },
    get networkId() {
      current();
      return networkId;
    },
    async open(name, { link, wallClock, engine } = {}) {
      const device = await TestDevice.open(name, link ?? current().fetch, wallClock, engine);
      devices.push(device);
      return device;
    },
    async join(device, role = 'concierge') {
      await device.join(await current().invite(networkId, role), role);
    },
    snapshot() {
      return current().snapshot(networkId);
    },
  };
}
