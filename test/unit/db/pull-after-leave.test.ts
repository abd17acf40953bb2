// Two tabs of a device share its database: one may leave the network, wiping the device, while
// the other's pull is on its way. That page must not bring the network's records back.
import { describe, expect, test } from 'vitest';
import { openDataContext } from '../../../src/db/context';
import { SessionChangedError } from '../../../src/db/errors';
import { applyPulledPage, leaveNetwork, reloadSession, storeSession } from '../../../src/db/sync-store';

const clock = '2026-11-28T09:00:00.000Z-0000-1f2e3d4c5b6a7988';
const session = {
  serverUrl: 'https://valise.example.org',
  token: 't'.repeat(43),
  tokenIssuedAt: '2026-11-28T09:00:00.000Z',
  networkId: 'network-1',
  networkName: 'Réseau',
  deviceId: 'device-1',
  memberName: 'Camille',
  role: 'concierge' as const,
  maxAttachmentBytes: 1_000_000,
};

function pulledLieu(id: string) {
  const data = {
    id,
    name: `Lieu ${id}`,
    networkId: 'network-1',
    deleted: false,
    createdAt: clock.slice(0, 24),
    updatedAt: clock.slice(0, 24),
  };
  return { type: 'organisations', id, seq: 1, data, clocks: { '*': clock } };
}

describe('a pulled page after another tab changed the session', () => {
  test('is dropped when another tab left the network, and written again once this tab reads the session', async () => {
    const name = `tabs-${Math.random().toString(36).slice(2)}`;
    const leaving = await openDataContext({ name });
    await storeSession(leaving, session);
    const pulling = await openDataContext({ name });
    await reloadSession(pulling);
    await applyPulledPage(pulling, [pulledLieu('a')], 1);

    await leaveNetwork(leaving, { wipe: true });
    await expect(applyPulledPage(pulling, [pulledLieu('b')], 2)).rejects.toBeInstanceOf(SessionChangedError);
    expect(await pulling.db.anyRecords('organisations').count()).toBe(0);
    expect(await pulling.db.meta.get('cursor')).toBeUndefined();

    // Once it has read the session again (none), what it writes is its own again.
    await reloadSession(pulling);
    await applyPulledPage(pulling, [pulledLieu('c')], 3);
    expect(await pulling.db.anyRecords('organisations').count()).toBe(1);
  });

  test('is dropped when this very tab left the network while its pull was on its way', async () => {
    const device = await openDataContext({ name: `tab-${Math.random().toString(36).slice(2)}` });
    await storeSession(device, session);
    await leaveNetwork(device, { wipe: true });
    await expect(applyPulledPage(device, [pulledLieu('a')], 1, { networkId: 'network-1' })).rejects.toBeInstanceOf(
      SessionChangedError,
    );
    expect(await device.db.anyRecords('organisations').count()).toBe(0);
  });
});
