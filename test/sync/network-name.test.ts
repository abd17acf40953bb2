// A network's name corrected by its admin on the server reaches every device at its next sync.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reloadSession } from '../../src/db/sync-store';
import { TestDevice } from '../helpers/test-device';
import { TestServer } from '../helpers/test-server';

describe('a network renamed on its server', () => {
  let server: TestServer;
  let devices: TestDevice[];

  beforeEach(async () => {
    server = await TestServer.start();
    devices = [];
  });

  afterEach(async () => {
    for (const device of devices) await device.close();
    await server.stop();
  });

  async function joined(name: string, networkId: string): Promise<TestDevice> {
    const device = await TestDevice.open(name, server.fetch);
    devices.push(device);
    await device.join(await server.invite(networkId));
    return device;
  }

  it('is shown by its devices from their next sync, and kept across a restart of the app', async () => {
    const network = await server.createNetwork('Réseau des tiers-lieux du Pays de Redn');
    const neighbours = await server.createNetwork('Réseau voisin');
    const camille = await joined('Camille', network.id);
    const sam = await joined('Sam', neighbours.id);
    expect(camille.context.session?.networkName).toBe('Réseau des tiers-lieux du Pays de Redn');

    await server.store.renameNetwork(network.id, 'Réseau des tiers-lieux du Pays de Redon');
    await camille.sync();
    await sam.sync();

    expect(camille.context.session?.networkName).toBe('Réseau des tiers-lieux du Pays de Redon');
    expect((await reloadSession(camille.context))?.networkName).toBe('Réseau des tiers-lieux du Pays de Redon');
    expect(sam.context.session?.networkName).toBe('Réseau voisin');
  });

  it('is answered cleaned and cut to 120 characters when the server took it before it checked names', async () => {
    const long = `\u202eRéseau des tiers-lieux ${'du Pays '.repeat(20)}`;
    const network = await server.createNetwork(long);
    const camille = await joined('Camille', network.id);
    await camille.sync();

    expect(camille.engine.status).toMatchObject({ state: 'idle', error: null });
    const name = camille.context.session?.networkName ?? '';
    expect(name).toMatch(/^Réseau des tiers-lieux du Pays/);
    expect(name.length).toBeLessThanOrEqual(120);
  });

  it('is answered « Réseau sans nom » when nothing of the stored name shows, so its invitations still join', async () => {
    const network = await server.createNetwork('\u200b\u202e');
    const camille = await joined('Camille', network.id);
    await camille.sync();

    expect(camille.engine.status).toMatchObject({ state: 'idle', error: null });
    expect(camille.context.session?.networkName).toBe('Réseau sans nom');
  });
});
