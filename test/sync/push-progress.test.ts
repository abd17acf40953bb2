// A long push says how many changes are still waiting as each batch is acknowledged, from one
// count taken at its start (the outbox is not read again per batch).
import { afterEach, expect, it } from 'vitest';
import { createRecords } from '../../src/db/writes';
import { TestDevice } from '../helpers/test-device';
import { TestServer } from '../helpers/test-server';

let server: TestServer;
afterEach(() => server.stop());

it('counts down the changes waiting as each pushed batch is acknowledged, to none', async () => {
  server = await TestServer.start();
  const networkId = (await server.createNetwork('Réseau')).id;
  const phone = await TestDevice.open('Camille', (url, init) => server.fetch(url, init), undefined, { pushBatch: 2 });
  await phone.join(await server.invite(networkId));
  await phone.sync();
  await createRecords(
    phone.context,
    'visits',
    Array.from({ length: 5 }, (_, index) => ({
      visitedAt: '2026-11-20T09:00:00.000Z',
      services: ['detect' as const],
      notes: `Visite ${index}`,
    })),
  );
  await phone.engine.refresh();
  const seen: number[] = [];
  const stop = phone.engine.subscribe((status) => {
    if (status.state === 'syncing' && seen.at(-1) !== status.pending) seen.push(status.pending);
  });
  await phone.sync();
  stop();

  expect(seen).toEqual([5, 3, 1, 0]);
  expect(phone.engine.status).toMatchObject({ state: 'idle', pending: 0 });
});
