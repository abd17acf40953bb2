// After a save, the visit's page says when the visit leaves for the network, true to the state:
// online it goes with the next sync; only offline does it wait for the connection to come back;
// once a sync has sent it (or the server refused it), the page says so without being opened again.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { readPushBatch, settlePush } from '../../../../../src/db/sync-store';
import { createRecord } from '../../../../../src/db/writes';
import type { MutationResult } from '../../../../../src/protocol/wire';
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
  await openSavedVisit(online);
  return document.body.textContent ?? '';
}

async function openSavedVisit(online: boolean, refusedBefore = false): Promise<void> {
  const visit = await createRecord(app.context, 'visits', { visitedAt: '2026-03-03T09:00:00.000Z', services: [] });
  if (refusedBefore)
    // Last week's change of the visit, refused and still listed in Réglages.
    await app.context.db.rejected.put({
      id: 'refusee-la-semaine-passee',
      type: 'visits',
      recordId: visit.id,
      fields: { purpose: 'x'.repeat(10) },
      reason: 'invalid',
      rejectedAt: new Date(Date.now() - 7 * 86_400_000).toISOString(),
    });
  uiStore.setState({ online });
  syncStore.setState({ session, status: { ...syncStore.getState().status, state: 'idle', error: null, pending: 1 } });
  render(<VisitDetailPage visitId={visit.id} query={{ [SAVED]: '1' }} />);
  await screen.findByText('Visite enregistrée sur cet appareil.');
}

/** What a sync does with the server's answers to the outbox's changes. */
async function sendOutbox(answer: (id: string) => MutationResult): Promise<void> {
  const batch = await readPushBatch(app.context, 100);
  await settlePush(
    app.context,
    batch,
    batch.mutations.map((mutation) => answer(mutation.id)),
  );
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

test('once a sync has sent it, the page no longer says it goes with the next sync', async () => {
  await openSavedVisit(true);
  await sendOutbox((id) => ({ id, status: 'applied' }));
  await screen.findByText(/Elle est partie vers le réseau/);
  expect(document.body.textContent).not.toContain('avec la prochaine synchronisation');
});

test('a visit the server refused says where the reason is, not that it left', async () => {
  await openSavedVisit(true);
  await sendOutbox((id) => ({ id, status: 'rejected', reason: 'invalid', code: 'invalid_record' }));
  await screen.findByText(/le motif est dans Réglages/);
  expect(document.body.textContent).not.toContain('Elle est partie');
});

test("a refusal of an older change, still kept in Réglages, does not make this save's banner say refused", async () => {
  await openSavedVisit(true, true);
  await sendOutbox((id) => ({ id, status: 'applied' }));
  await screen.findByText(/Elle est partie vers le réseau/);
  expect(document.body.textContent).not.toContain('refusé');
});
