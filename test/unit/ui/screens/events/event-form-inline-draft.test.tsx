// The event form's "Lieu du réseau" creates a lieu on the spot too: what is typed in it is kept
// in the event's draft like the rest of the form, and comes back open after a reload.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { listDrafts } from '../../../../../src/db/drafts';
import { App } from '../../../../../src/ui/App';
import { goTo, withAppRouter } from '../../../../helpers/screen-setup';
// Loaded with the file, not inside a wait: transforming a screen takes seconds on a loaded machine.
import '../../../../../src/ui/screens/events/index';

withAppRouter();

test('a new lieu half-typed as an event’s place comes back open, as typed, after a reload', async () => {
  const first = render(<App />);
  goTo('#/evenements/nouveau');
  const search = await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieu du réseau' }, { timeout: 30_000 });
  fireEvent.input(search, { target: { value: 'Tiers-lieu de la Gare' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Créer «\u00a0Tiers-lieu de la Gare\u00a0»' }));
  fireEvent.input(screen.getByRole('combobox', { name: 'Commune (facultatif)' }), { target: { value: 'Die' } });
  await waitFor(async () =>
    expect(JSON.stringify((await listDrafts(await appData(), ['event']))[0]?.values.newPlace)).toContain('"Die"'),
  );
  await waitFor(() => expect(location.hash).toMatch(/^#\/evenements\/nouveau\?brouillon=/));

  first.unmount();
  render(<App />);
  goTo(location.hash);

  const name = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Nom du lieu' }, { timeout: 30_000 });
  expect(name.value).toBe('Tiers-lieu de la Gare');
  expect(screen.getByRole<HTMLInputElement>('combobox', { name: 'Commune (facultatif)' }).value).toBe('Die');
}, 90_000);
