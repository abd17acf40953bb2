// What an admin's panel does with an answer no honest server gives (a broken or hostile server,
// a proxy's JSON): it refuses it as not the server's, which the panel says as a failed action,
// rather than draw a device list that is no list or a name that is an object.
import { describe, expect, it } from 'vitest';
import { AdminClient } from '../../src/sync/admin';
import type { Fetch } from '../../src/sync/transport';
import { withNetworkServer } from '../helpers/network-server';
import { TEST_SERVER_URL } from '../helpers/test-server';

type Spoil = (answer: Record<string, unknown>) => unknown;

describe('an admin answer that is not the server’s', () => {
  const network = withNetworkServer();

  /** An admin's client whose answers go through `spoil` (none: the server's own). */
  async function adminClient(spoil?: Spoil): Promise<AdminClient> {
    const admin = await network.open('Camille');
    await network.join(admin, 'admin');
    const link: Fetch = async (url, init) => {
      const real = await network.server.fetch(url, init);
      if (!spoil) return real;
      return new Response(JSON.stringify(spoil(await real.json())), { status: real.status, headers: real.headers });
    };
    return new AdminClient(TEST_SERVER_URL, admin.context.session?.token as string, link);
  }

  it('takes the server’s own answers', async () => {
    const client = await adminClient();
    expect((await client.invite({ role: 'concierge', expiresInHours: 72 })).role).toBe('concierge');
    expect(await client.openInvitations()).toHaveLength(1);
    expect((await client.devices()).map((device) => device.memberName)).toEqual(['Camille']);
    expect((await client.storage()).usedBytes).toBe(0);
    expect(await client.renameNetwork('Réseau des tiers-lieux')).toBe('Réseau des tiers-lieux');
  });

  it.each<[string, Spoil, (client: AdminClient) => Promise<unknown>]>([
    ['a device list that is no list', () => ({ devices: { 0: 'x' } }), (client) => client.devices()],
    [
      'a device whose name is an object',
      (answer) => ({ devices: (answer.devices as object[]).map((device) => ({ ...device, name: { fr: 'x' } })) }),
      (client) => client.devices(),
    ],
    ['file figures that are text', (answer) => ({ ...answer, usedBytes: 'beaucoup' }), (client) => client.storage()],
    [
      'an invitation whose code is markup',
      (answer) => ({ ...answer, code: '<img src=x onerror=alert(1)>' }),
      (client) => client.invite({ role: 'concierge', expiresInHours: 72 }),
    ],
    [
      'open invitations whose creator is text',
      () => ({ invitations: [{ id: 'i', role: 'admin', createdAt: null, expiresAt: 'x', creator: 'Sam' }] }),
      (client) => client.openInvitations(),
    ],
    [
      'a new name that is a number',
      () => ({ networkName: 42 }),
      (client) => client.renameNetwork('Réseau des tiers-lieux'),
    ],
  ])('refuses %s as not the server’s', async (_, spoil, ask) => {
    const client = await adminClient(spoil);
    await expect(ask(client)).rejects.toMatchObject({ name: 'SyncError', kind: 'unreadable' });
  });
});
