// The usual set-up of a sync test: an in-process server with one network and two devices
// joined to it (the first in `firstRole`, the second as a concierge).
import { test } from 'vitest';
import type { Role } from '../../src/domain/vocabulary';
import { TestDevice } from './test-device';
import { TestServer } from './test-server';

export interface DevicePair {
  server: TestServer;
  networkId: string;
  a: TestDevice;
  b: TestDevice;
  close(): Promise<void>;
}

export async function joinedPair(names: [string, string] = ['Alix', 'Bastien'], firstRole: Role = 'concierge') {
  const server = await TestServer.start();
  const network = await server.createNetwork('Réseau test');
  const a = await TestDevice.open(names[0], server.fetch);
  const b = await TestDevice.open(names[1], server.fetch);
  await a.join(await server.invite(network.id, firstRole), firstRole);
  await b.join(await server.invite(network.id));
  const pair: DevicePair = {
    server,
    networkId: network.id,
    a,
    b,
    async close() {
      await a.close();
      await b.close();
      await server.stop();
    },
  };
  return pair;
}

/**
 * `it` for suites of two devices: a test that names `a`, `b` or `pair` among its arguments gets
 * a fresh `joinedPair()` (Alix and Bastien, concierges), closed after it.
 */
export const pairTest = test.extend<{ pair: DevicePair; a: TestDevice; b: TestDevice }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture needs from this pattern.
  pair: async ({}, use) => {
    const pair = await joinedPair();
    await use(pair);
    await pair.close();
  },
  a: async ({ pair }, use) => use(pair.a),
  b: async ({ pair }, use) => use(pair.b),
});
