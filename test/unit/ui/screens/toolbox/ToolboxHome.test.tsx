// A concierge's device that joined but has not pulled yet (the link dropped right after the
// join) has no valise: it dropped the starter one and the network's has not come. The screen
// says it has not arrived, not that the admins published nothing.
import { act, render, screen } from '@testing-library/preact';
import { beforeEach, expect, test } from 'vitest';
import type { Session } from '../../../../../src/db/context';
import { syncStore } from '../../../../../src/state/sync';
import { uiStore } from '../../../../../src/state/ui';
import { INITIAL_SYNC_STATUS } from '../../../../../src/sync/status';
import { ToolboxHome } from '../../../../../src/ui/screens/toolbox/ToolboxHome';

const session = { role: 'concierge', memberName: 'Noé', networkName: 'Réseau des Landes' } as Session;

beforeEach(() => {
  uiStore.setState({ lang: 'fr' });
});

test('an empty valise before the first pull has not arrived; after it, nothing was published', async () => {
  syncStore.setState({ session, status: { ...INITIAL_SYNC_STATUS, state: 'offline' } });
  render(<ToolboxHome query="" />);
  await screen.findByText('La valise du réseau n’est pas encore arrivée', {}, { timeout: 30_000 });
  expect(screen.queryByText(/n’ont encore rien publié/)).toBeNull();

  act(() => {
    syncStore.setState({
      session,
      status: { ...INITIAL_SYNC_STATUS, state: 'idle', lastSyncAt: '2026-12-05T08:00:00.000Z' },
    });
  });
  await screen.findByText('La valise est vide pour l’instant');
  expect(screen.queryByText('La valise du réseau n’est pas encore arrivée')).toBeNull();
}, 60_000);

test('an admin’s phone removed from the network offers to suggest an item, not to add one', async () => {
  const admin = { role: 'admin', memberName: 'Camille', networkName: 'Réseau des Landes' } as Session;
  const idle = { ...INITIAL_SYNC_STATUS, state: 'idle' as const, lastSyncAt: '2026-12-05T08:00:00.000Z' };
  syncStore.setState({ session: admin, status: idle });
  render(<ToolboxHome query="" />);
  await screen.findByRole('link', { name: 'Ajouter un élément' }, { timeout: 30_000 });

  act(() => {
    syncStore.setState({
      session: { ...admin, revokedAt: '2026-12-05T09:00:00.000Z' },
      status: { ...idle, state: 'error', error: 'revoked' },
    });
  });
  await screen.findByRole('link', { name: 'Suggérer un élément' });
  expect(screen.queryByRole('link', { name: 'Ajouter un élément' })).toBeNull();
}, 60_000);
