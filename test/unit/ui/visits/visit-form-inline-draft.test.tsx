// A lieu or a person being created inside the visit form (the picker's "Créer « … »") was held
// only on screen: the phone locked or the tab closed while the new lieu's commune was typed, and
// the visit's draft came back without it. What is typed there is kept in the visit's draft,
// reopened with it, and forgotten with it.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test, vi } from 'vitest';
import { appData } from '../../../../src/db/app-data';
import { listDrafts } from '../../../../src/db/drafts';
import { App } from '../../../../src/ui/App';
import { goTo, withAppRouter } from '../../../helpers/screen-setup';
// Loaded with the file, not inside a wait: transforming a screen takes seconds on a loaded machine.
import '../../../../src/ui/screens/visits/index';
import '../../../../src/ui/screens/visits/form/VisitForm';

withAppRouter();

afterEach(() => {
  vi.unstubAllGlobals();
});

const field = (name: string) => screen.findByRole<HTMLInputElement>('textbox', { name }, { timeout: 30_000 });
const combobox = (name: string) => screen.getByRole<HTMLInputElement>('combobox', { name });

async function openCreation(picker: string, name: string) {
  const search = await screen.findByRole('searchbox', { name: `Chercher\u00a0: ${picker}` }, { timeout: 30_000 });
  fireEvent.input(search, { target: { value: name } });
  fireEvent.click(await screen.findByRole('button', { name: `Créer «\u00a0${name}\u00a0»` }));
}

/** What the visit's draft keeps of the inline forms, once written. */
async function keptInDraft() {
  const [draft] = await listDrafts(await appData(), ['visit']);
  return JSON.stringify([draft?.values.newLieu, draft?.values.newPerson]);
}

test('a new lieu and a new person half-typed in the visit form come back open, as typed, after a reload', async () => {
  const first = render(<App />);
  goTo('#/visites/nouvelle');
  await openCreation('Lieu', 'Fablab des Coteaux');
  fireEvent.input(combobox('Code postal (facultatif)'), { target: { value: '26400' } });
  fireEvent.input(combobox('Commune (facultatif)'), { target: { value: 'Crest' } });
  await openCreation('Personnes rencontrées', 'Maëlle Roux');
  fireEvent.input(await field('Rôle (facultatif)'), { target: { value: 'Fabmanageuse' } });
  fireEvent.input(await field('E-mail (facultatif)'), { target: { value: 'maelle@example.org' } });
  await waitFor(async () => expect(await keptInDraft()).toContain('maelle@example.org'));
  await waitFor(() => expect(location.hash).toMatch(/^#\/visites\/nouvelle\?brouillon=/));

  // The tab dies; the app opens again on the same address, from what IndexedDB holds.
  first.unmount();
  render(<App />);
  goTo(location.hash);

  expect((await field('Nom du lieu')).value).toBe('Fablab des Coteaux');
  expect(combobox('Code postal (facultatif)').value).toBe('26400');
  expect(combobox('Commune (facultatif)').value).toBe('Crest');
  expect((await field('Nom')).value).toBe('Maëlle Roux');
  expect((await field('Rôle (facultatif)')).value).toBe('Fabmanageuse');
  expect((await field('E-mail (facultatif)')).value).toBe('maelle@example.org');
  screen.getByText('Brouillon repris');

  // Discarded, the draft takes the inline forms with it.
  vi.stubGlobal('confirm', () => true);
  fireEvent.click(screen.getByRole('button', { name: 'Abandonner ce brouillon' }));
  await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Nom du lieu' })).toBeNull());
  expect(screen.queryByRole('textbox', { name: 'Rôle (facultatif)' })).toBeNull();
  expect(await listDrafts(await appData(), ['visit'])).toEqual([]);
}, 90_000);

test('a visit saved while a new lieu is still open is refused, nothing lost, until the lieu is added', async () => {
  render(<App />);
  goTo('#/visites/nouvelle');
  await openCreation('Lieu', 'La Serre partagée');
  fireEvent.input(combobox('Commune (facultatif)'), { target: { value: 'Die' } });
  await waitFor(async () => expect(await keptInDraft()).toContain('Die'));
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));

  // Saved now, the lieu typed here would be dropped without a word: the form says what to do.
  const name = await field('Nom du lieu');
  await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
  screen.getByText(/Ce lieu n’est pas encore ajouté/);
  expect(location.hash).not.toMatch(/enregistree/);
  expect(await keptInDraft()).toContain('Die');

  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le lieu' }));
  await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Nom du lieu' })).toBeNull());
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));
  await waitFor(() => expect(location.hash).toMatch(/\?enregistree=1$/));
  expect(await listDrafts(await appData(), ['visit'])).toEqual([]);
}, 90_000);

test('while a new lieu is open, the picker offers no second one, which would drop what the first holds', async () => {
  render(<App />);
  goTo('#/visites/nouvelle');
  await openCreation('Lieu', 'Tiers-lieu du Val');
  fireEvent.input(combobox('Commune (facultatif)'), { target: { value: 'Saillans' } });
  const search = screen.getByRole('searchbox', { name: 'Chercher\u00a0: Lieu' });
  fireEvent.input(search, { target: { value: 'Atelier du Pont' } });
  // The picker has answered the words typed (no lieu has them) without offering to create one.
  await waitFor(
    () => expect(search.closest('fieldset')?.textContent).toContain('Aucun résultat\u00a0: vérifiez l’orthographe.'),
    {
      timeout: 30_000,
    },
  );
  expect(screen.queryByRole('button', { name: 'Créer «\u00a0Atelier du Pont\u00a0»' })).toBeNull();
  expect(combobox('Commune (facultatif)').value).toBe('Saillans');
}, 90_000);
