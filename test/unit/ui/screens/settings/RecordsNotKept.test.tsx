// Records a hostile or broken server sent with fields of the wrong kinds, which the device did not
// keep: Réglages says so in words, and what to do, until the person has read it.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { noteRecordsNotKept } from '../../../../../src/db/sync-meta';
import { uiStore } from '../../../../../src/state/ui';
import { RecordsNotKept } from '../../../../../src/ui/screens/settings/network/RecordsNotKept';

afterEach(cleanup);

test('says how many records were not kept and whom to tell, until it is noted', async () => {
  uiStore.setState({ lang: 'fr', online: true });
  const context = await appData();
  await noteRecordsNotKept(context, 2, new Date(Date.now() - 5 * 60_000).toISOString());
  render(<RecordsNotKept />);
  const banner = await screen.findByTestId('records-not-kept');
  expect(banner.textContent).toMatch(
    /^Le serveur du réseau a envoyé 2 éléments .* le dernier il y a 5 minutes\. Cet appareil ne les a pas enregistrés\u00a0: il garde ce qu’il avait et continue de se synchroniser\. Prévenez l’admin du réseau/,
  );
  fireEvent.click(screen.getByRole('button', { name: 'J’ai noté' }));
  await waitFor(() => expect(screen.queryByTestId('records-not-kept')).toBeNull());
});
