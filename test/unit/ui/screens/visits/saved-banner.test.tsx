// After a save, the visit's page says when the visit leaves for the network, true to the state:
// online it goes with the next sync; only offline does it wait for the connection to come back.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createRecord } from '../../../../../src/db/writes';
import { syncStore } from '../../../../../src/state/sync';
import { uiStore } from '../../../../../src/state/ui';
import VisitDetailPage from '../../../../../src/ui/screens/visits/detail/VisitDetail';
import { SAVED } from '../../../../../src/ui/screens/visits/paths';
import { withAppData } from '../../../../helpers/screen-setup';
import { joinedSession } from '../../../../helpers/session';

const app = withAppData();
const session = joinedSession();

afterEach(() => {
  cleanup();
  syncStore.setState({ session: null });
});

async function savedBanner(online: boolean): Promise<string> {
  const visit = await createRecord(app.context, 'visits', { visitedAt: '2026-03-03T09:00:00.000Z', services: [] });
  uiStore.setState({ online });
  syncStore.setState({ session, status: { ...syncStore.getState().status, state: 'idle', error: null, pending: 1 } });
  render(<VisitDetailPage visitId={visit.id} query={{ [SAVED]: '1' }} />);
  await screen.findByText('Visite enregistrée sur cet appareil.');
  return document.body.textContent ?? '';
}

test('online, the saved visit goes with the next sync, not “at the next connection”', async () => {
  const shown = await savedBanner(true);
  expect(shown).toContain('Elle part vers le réseau avec la prochaine synchronisation.');
  expect(shown).not.toContain('connexion');
});

test('offline, it waits for the connection to come back', async () => {
  const shown = await savedBanner(false);
  expect(shown).toContain('Hors ligne\u00a0: elle partira vers le réseau dès que la connexion reviendra.');
});
