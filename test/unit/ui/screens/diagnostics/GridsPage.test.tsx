// Who may change the network's grids, as the grids screen says it: an admin's phone an admin
// removed from the network no longer may (nothing it changes could reach the network).
import { act, render, screen } from '@testing-library/preact';
import { beforeEach, expect, test } from 'vitest';
import type { Session } from '../../../../../src/db/context';
import { syncStore } from '../../../../../src/state/sync';
import { uiStore } from '../../../../../src/state/ui';
import { INITIAL_SYNC_STATUS } from '../../../../../src/sync/status';
import { GridsPage } from '../../../../../src/ui/screens/diagnostics/GridsPage';

const ADMIN_ONLY = /Seul·e un·e admin du réseau peut modifier les grilles/;

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

test('an admin’s phone removed from the network says only an admin may change the grids', async () => {
  const admin = { role: 'admin', memberName: 'Camille', networkName: 'Réseau des Landes' } as Session;
  syncStore.setState({ session: admin, status: { ...INITIAL_SYNC_STATUS, state: 'idle' } });
  render(<GridsPage />);
  await screen.findByRole('heading', { name: 'Grilles de diagnostic', level: 1 });
  expect(screen.queryByText(ADMIN_ONLY)).toBeNull();

  act(() => {
    syncStore.setState({
      session: { ...admin, revokedAt: '2026-12-05T09:00:00.000Z' },
      status: { ...INITIAL_SYNC_STATUS, state: 'error', error: 'revoked' },
    });
  });
  await screen.findByText(ADMIN_ONLY);
});
