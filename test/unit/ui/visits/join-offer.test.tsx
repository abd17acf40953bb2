// A first start on a device that joined no network says where an invitation's code goes, under
// the empty list of visits; a device that joined is not offered it.
import { act, render, screen, waitFor } from '@testing-library/preact';
import { beforeAll, expect, test } from 'vitest';
import { startRouter } from '../../../../src/state/router';
import { syncStore } from '../../../../src/state/sync';
import { uiStore } from '../../../../src/state/ui';
import { App } from '../../../../src/ui/App';
// Loaded with the file, not inside a wait: transforming a screen takes seconds on a loaded machine.
import '../../../../src/ui/screens/visits/index';
import { joinedSession } from '../../../helpers/session';

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

test('an empty Visites on a device with no network offers to join one, until it has joined', async () => {
  render(<App />);
  const join = await screen.findByRole('link', { name: 'Rejoindre le réseau' }, { timeout: 30_000 });
  expect(join.getAttribute('href')).toBe('#/rejoindre');
  expect(join.parentElement?.textContent).toBe('Invité·e par votre réseau\u00a0? Rejoindre le réseau');

  const session = joinedSession({
    networkId: 'n1',
    networkName: 'Tiers-lieux de Bretagne',
    deviceId: 'd1',
    token: 't',
  });
  act(() => syncStore.setState({ session }));
  await waitFor(() => expect(screen.queryByRole('link', { name: 'Rejoindre le réseau' })).toBeNull());
  expect(screen.getByText('Aucune visite pour l’instant')).toBeTruthy();
}, 60_000);
