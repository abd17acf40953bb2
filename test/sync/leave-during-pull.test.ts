// A device left its network (erasing its data, on a shared phone) while its pull was on its
// way: the network's records must not come back into the erased device.
import { afterEach, expect, it } from 'vitest';
import { leaveNetwork } from '../../src/db/sync-store';
import { createRecord } from '../../src/db/writes';
import { TestDevice } from '../helpers/test-device';
import { TestServer } from '../helpers/test-server';

let server: TestServer;
afterEach(() => server.stop());

it('writes nothing the pull brings once the device has left, and ends unjoined', async () => {
  server = await TestServer.start();
  const network = await server.createNetwork('Réseau test');
  const office = await TestDevice.open('Bureau', server.fetch);
  await office.join(await server.invite(network.id));
  await createRecord(office.context, 'visits', {
    visitedAt: '2026-11-20T09:00:00.000Z',
    purpose: 'Passage',
    services: [],
  });
  await office.sync();

  let shared: TestDevice | null = null;
  // The leave happens while the pull is asked for, before its page comes back.
  const leavingLink = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (shared && String(input).includes('/api/sync/pull')) await leaveNetwork(shared.context, { wipe: true });
    return server.fetch(String(input), init);
  };
  shared = await TestDevice.open('Téléphone partagé', leavingLink);
  await shared.join(await server.invite(network.id));
  await shared.sync();

  expect(await shared.records()).toEqual([]);
  expect(shared.engine.status.state).toBe('unjoined');
  await shared.close();
  await office.close();
});
