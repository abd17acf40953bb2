// A text changed on two devices at once (a `conflicts` record) waits for the concierge's choice:
// the visit list marks the visit's card, and the shell's sync status does not say "À jour" over
// it; both clear once she has chosen, with no reload.
import { act, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, expect, test } from 'vitest';
import { appData } from '../../../../src/db/app-data';
import { resolveConflicts } from '../../../../src/db/conflicts';
import { createRecord } from '../../../../src/db/writes';
import { newId } from '../../../../src/domain/ids';
import { startRouter } from '../../../../src/state/router';
import { syncStore } from '../../../../src/state/sync';
import { watchTextsToSettle } from '../../../../src/state/texts-to-settle';
import { uiStore } from '../../../../src/state/ui';
import { INITIAL_SYNC_STATUS } from '../../../../src/sync/status';
import { App } from '../../../../src/ui/App';
// Loaded with the file, not inside a wait: transforming a screen takes seconds on a loaded machine.
import '../../../../src/ui/screens/visits/index';
import { sampleRecords } from '../../../fixtures/records';
import { joinedSession } from '../../../helpers/session';

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

test('a visit with two versions of a text is marked in the list, and the status says a text is to settle', async () => {
  const context = await appData();
  const visit = await createRecord(context, 'visits', { ...sampleRecords().visits, notes: 'Vue lundi' });
  await createRecord(context, 'visits', { ...sampleRecords().visits, id: newId(), purpose: 'Autre' });
  const conflict = await createRecord(context, 'conflicts', {
    recordType: 'visits',
    recordId: visit.id,
    field: 'notes',
    value: 'Vue mardi',
    clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
    authorName: 'Samir',
  });
  syncStore.setState({ session: joinedSession(), status: { ...INITIAL_SYNC_STATUS, state: 'idle' } });
  // What the sync runtime starts for the header once the first screen is up.
  const stopCounting = watchTextsToSettle(context);
  render(<App />);

  const marks = await screen.findAllByTestId('visit-to-settle', {}, { timeout: 30_000 });
  expect(marks).toHaveLength(1);
  const card = marks[0]?.closest('a');
  expect(card?.getAttribute('href')).toBe(`#/visites/${visit.id}`);
  // Seen as a short word; heard with what it means.
  expect(within(card as HTMLElement).getByText('Version à choisir')).toBeTruthy();
  expect(card?.textContent).toContain('un texte de cette visite a été modifié sur deux appareils');

  // One indicator per place (top bar, side column): both say it, neither says "À jour".
  await waitFor(() =>
    expect(screen.getAllByTestId('sync-indicator').map((indicator) => indicator.textContent)).toEqual([
      'À choisir 1',
      'À choisir 1',
    ]),
  );
  const name = screen.getAllByTestId('sync-indicator')[0]?.getAttribute('aria-label') ?? '';
  expect(name.startsWith('À choisir 1.')).toBe(true);
  expect(name).toContain('1 texte à départager');

  await act(() => resolveConflicts(context, [conflict], 'Vue lundi'));
  await waitFor(() => expect(screen.queryByTestId('visit-to-settle')).toBeNull());
  await waitFor(() => expect(screen.getAllByTestId('sync-indicator')[0]?.textContent).toBe('À jour'));
  stopCounting();
}, 60_000);
