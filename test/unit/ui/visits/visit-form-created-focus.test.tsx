// A person or a lieu created from the visit form's pickers: once added, the form that created it
// closes and the focus sat on its gone button, so a phone's keyboard closed between two people
// met (the new-user day, WebKit and Firefox at 360×740). Typing goes on from the picker.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeAll, expect, test } from 'vitest';
import { startRouter } from '../../../../src/state/router';
import { uiStore } from '../../../../src/state/ui';
import { App } from '../../../../src/ui/App';
// Loaded with the file, not inside a wait: transforming a screen takes seconds on a loaded machine.
import '../../../../src/ui/screens/visits/index';
import '../../../../src/ui/screens/visits/form/VisitForm';

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

async function createFrom(search: HTMLElement, name: string, save: string) {
  fireEvent.input(search, { target: { value: name } });
  fireEvent.click(await screen.findByRole('button', { name: `Créer «\u00a0${name}\u00a0»` }));
  fireEvent.click(await screen.findByRole('button', { name: save }));
}

test('after creating the people met, the next name is typed into the people’s search; after a lieu, its “Changer”', async () => {
  render(<App />);
  act(() => {
    location.hash = '#/visites/nouvelle';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  const people = await screen.findByRole(
    'searchbox',
    { name: 'Chercher\u00a0: Personnes rencontrées' },
    { timeout: 30_000 },
  );

  await createFrom(people, 'Maëlle Roux', 'Ajouter la personne');
  await screen.findByRole('button', { name: 'Retirer Maëlle Roux' });
  await waitFor(() => expect(document.activeElement).toBe(people));

  await createFrom(people, 'Jean Dupont', 'Ajouter la personne');
  await screen.findByRole('button', { name: 'Retirer Jean Dupont' });
  await waitFor(() => expect(document.activeElement).toBe(people));

  const lieu = screen.getByRole('searchbox', { name: 'Chercher\u00a0: Lieu' });
  await createFrom(lieu, 'La Serre partagée', 'Ajouter le lieu');
  const change = await screen.findByRole('button', { name: 'Changer (La Serre partagée)' });
  await waitFor(() => expect(document.activeElement).toBe(change));
}, 60_000);
