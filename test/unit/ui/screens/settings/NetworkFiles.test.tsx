// Réglages' lines on what the network stores (its records, its files against their quota), for an
// admin who opened Réglages offline: once a sync reaches the server, the lines read it again
// instead of keeping "serveur injoignable".
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { syncStore } from '../../../../../src/state/sync';
import { uiStore } from '../../../../../src/state/ui';
import { SyncError } from '../../../../../src/sync/errors';
import { NetworkFiles } from '../../../../../src/ui/screens/settings/network/NetworkFiles';

// previousRelease: a server from before the records' figures answers only the files'.
const server = vi.hoisted(() => ({
  up: false,
  answered: Promise.resolve(),
  previousRelease: false,
  recordBytes: 23_456_789,
}));

vi.mock('../../../../../src/state/sync', async (original) => ({
  ...(await original<typeof import('../../../../../src/state/sync')>()),
  adminClient: async () => ({
    storage: async () => {
      await server.answered;
      if (!server.up) throw new SyncError('unreachable', 'server unreachable');
      const files = { usedBytes: 7_372, quotaBytes: 5_368_709_120 };
      const records = { recordCount: 12_345, recordBytes: server.recordBytes, recordQuotaBytes: 1_073_741_824 };
      return server.previousRelease ? files : { ...files, ...records };
    },
  }),
}));

describe('the network’s storage in Réglages', () => {
  afterEach(cleanup);

  test('holds its place while the server answers, so the admin’s buttons below it do not move', async () => {
    uiStore.setState({ lang: 'fr', online: true });
    server.up = true;
    let answer = () => {};
    server.answered = new Promise((resolve) => {
      answer = resolve;
    });
    const { container } = render(<NetworkFiles />);
    expect(container.textContent).toBe(
      'Données du réseau\u00a0: lecture…Fichiers du réseau\u00a0: lecture de l’espace utilisé…',
    );
    answer();
    expect((await screen.findByTestId('network-files')).textContent).toBe(
      'Données du réseau\u00a0: 12\u202f345 éléments, 22,4\u00a0Mo sur 1\u00a0Go (2\u00a0%).Fichiers du réseau\u00a0: 7,2\u00a0Ko sur 5\u00a0Go (0\u00a0%).',
    );
    server.answered = Promise.resolve();
  });

  test('is read again after a sync that reached the server', async () => {
    uiStore.setState({ lang: 'fr', online: true });
    server.up = false;
    render(<NetworkFiles />);
    expect((await screen.findByTestId('network-files')).textContent).toContain('serveur injoignable');

    server.up = true;
    syncStore.setState({
      status: { ...syncStore.getState().status, state: 'idle', lastSyncAt: '2026-12-05T07:00:00.000Z' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('network-files').textContent).toContain('7,2\u00a0Ko sur 5\u00a0Go (0\u00a0%).'),
    );
  });

  test('tells the admin, once the records near their quota, what happens when it is full and what to change', async () => {
    uiStore.setState({ lang: 'fr', online: true });
    server.up = true;
    server.recordBytes = 1_000_000_000;
    render(<NetworkFiles />);
    expect((await screen.findByTestId('network-files')).textContent).toContain(
      'Données du réseau\u00a0: 12\u202f345 éléments, 954\u00a0Mo sur 1\u00a0Go (93\u00a0%).Quand cette place est pleine, le serveur refuse les nouvelles données (elles attendent sur les appareils)\u00a0: augmentez VALISE_NETWORK_RECORD_BYTES.',
    );
    server.recordBytes = 23_456_789;
  });

  // « Données du réseau : NaN élément, NaN octets. » against a server of the previous release.
  test('leaves the records’ line out when the server does not count them', async () => {
    uiStore.setState({ lang: 'fr', online: true });
    server.up = true;
    server.previousRelease = true;
    render(<NetworkFiles />);
    expect((await screen.findByTestId('network-files')).textContent).toBe(
      'Fichiers du réseau\u00a0: 7,2\u00a0Ko sur 5\u00a0Go (0\u00a0%).',
    );
    server.previousRelease = false;
  });
});
