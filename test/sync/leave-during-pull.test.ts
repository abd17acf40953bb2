// A device left its network (erasing its data, on a shared phone) while its pull was on its
// way: the network's records must not come back into the erased device.
// A device that left keeping its data and joins another network gives that network none of it.
import { afterEach, expect, it } from 'vitest';
import { giveBackToRestoredServer } from '../../src/db/server-epoch';
import { leaveNetwork } from '../../src/db/sync-store';
import { createRecord, updateRecord } from '../../src/db/writes';
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

it('a device that left a network, keeping its data, gives none of it to the next network it joins', async () => {
  server = await TestServer.start();
  const other = await TestServer.start();
  try {
    const first = await server.createNetwork('Réseau quitté');
    const next = await other.createNetwork('Autre réseau');
    let joined = server;
    const phone = await TestDevice.open('Téléphone', (input, init) => joined.fetch(input, init));
    await phone.join(await server.invite(first.id));
    const visit = await createRecord(phone.context, 'visits', {
      visitedAt: '2026-11-20T09:00:00.000Z',
      purpose: 'Passage',
      services: [],
    });
    await phone.sync();
    // Typed after the last sync, left unsent: the leave warns of it.
    const unsent = await createRecord(phone.context, 'visits', {
      visitedAt: '2026-11-21T09:00:00.000Z',
      purpose: 'Pas envoyée',
      services: [],
    });
    await updateRecord(phone.context, 'visits', visit.id, { purpose: 'Modifiée hors ligne' });
    await leaveNetwork(phone.context, { wipe: false });

    joined = other;
    await phone.join(await other.invite(next.id));
    await phone.sync();
    expect(phone.engine.status.state).toBe('idle');
    // Both servers named an epoch; another one than the last is no restore of this network.
    // Nor does a later restore of this one (its give-back) send what belongs to the one left.
    await giveBackToRestoredServer(phone.context, 'une autre époque');
    await phone.sync();
    // Nor an edit of one of its records made here: refused as unknown, set aside, kept.
    await updateRecord(phone.context, 'visits', visit.id, { purpose: 'Modifiée dans l’autre réseau' });
    await phone.sync();
    const ids = (await other.snapshot(next.id)).map((row) => row.id);
    expect(ids).not.toContain(visit.id);
    expect(ids).not.toContain(unsent.id);
    expect(await phone.context.db.records('visits').get(visit.id)).toMatchObject({
      purpose: 'Modifiée dans l’autre réseau',
    });
    await phone.close();
  } finally {
    await other.stop();
  }
});
