// A lieu made from a new diagnostic's « Créer « … » » was stored from its name alone: no kind
// asked, no commune, so no territory (the report's "Visites par territoire", the map). It opens
// the same lieu fields as from a visit or a person, and the lieu made is the diagnostic's.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { listOrganisations } from '../../../../../src/db/organisations';
import { NewDiagnostic } from '../../../../../src/ui/screens/diagnostics/NewDiagnostic';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('« Créer » in a new diagnostic asks for the lieu’s commune, and the lieu made is chosen', async () => {
  render(<NewDiagnostic />);
  const search = await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieu ou projet' }, { timeout: 30_000 });
  fireEvent.input(search, { target: { value: 'Tiers-lieu du Val' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Créer «\u00a0Tiers-lieu du Val\u00a0»' }));
  // Nothing stored until its fields are filled and it is added.
  expect(await listOrganisations(app.context)).toEqual([]);

  fireEvent.input(screen.getByRole('combobox', { name: 'Commune (facultatif)' }), { target: { value: 'Val Nord' } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le lieu' }));

  await waitFor(() =>
    expect(screen.queryAllByTestId('picker-chip').map((chip) => chip.textContent)).toEqual([
      'Tiers-lieu du ValChanger',
    ]),
  );
  expect(await listOrganisations(app.context)).toMatchObject([{ name: 'Tiers-lieu du Val', commune: 'Val Nord' }]);
  expect(screen.queryByRole('button', { name: 'Ajouter le lieu' })).toBeNull();
}, 60_000);

test('a new diagnostic started while its lieu is still being created says the lieu is not added yet', async () => {
  render(<NewDiagnostic />);
  const search = await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieu ou projet' }, { timeout: 30_000 });
  fireEvent.input(search, { target: { value: 'Fablab des Monts' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Créer «\u00a0Fablab des Monts\u00a0»' }));
  fireEvent.click(screen.getByRole('button', { name: 'Commencer le diagnostic' }));

  // Not « Choisissez le lieu », nor a diagnostic without the lieu being typed.
  expect(await screen.findByText(/Ce lieu n’est pas encore ajouté/)).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'Nom du lieu' })).toHaveProperty('value', 'Fablab des Monts');
  expect(await app.context.db.records('diagnostics').count()).toBe(0);
}, 60_000);

test('a new diagnostic dated years ahead is questioned, not filed where no report of the year counts it', async () => {
  render(<NewDiagnostic />);
  // The grids read: the lieu's picker shows.
  await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieu ou projet' }, { timeout: 30_000 });
  const date = screen.getByLabelText('Date du diagnostic');
  fireEvent.input(date, { target: { value: '2099-03-03' } });
  fireEvent.click(screen.getByRole('button', { name: 'Commencer le diagnostic' }));

  expect(await screen.findByText(/Cette date est dans plus d’un mois/)).toBeTruthy();
  expect(date).toHaveProperty('value', '2099-03-03');
}, 60_000);

test('a new diagnostic started without its lieu puts the focus on the lieu’s search, which says why, under the forms’ alert', async () => {
  render(<NewDiagnostic />);
  const search = await screen.findByRole('searchbox', { name: 'Chercher\u00a0: Lieu ou projet' }, { timeout: 30_000 });
  const start = screen.getByRole('button', { name: 'Commencer le diagnostic' });
  start.focus();
  fireEvent.click(start);

  // A screen reader reads the focused field, its « invalide » and its error: not a silent button.
  await waitFor(() => expect(document.activeElement).toBe(search));
  expect(search.getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByRole('searchbox', { description: /Choisissez le lieu ou le projet diagnostiqué/ })).toBe(search);
  // As every other form says it: read out at once, above the fields.
  expect(screen.getByRole('alert').textContent).toBe('Rien n’est enregistré\u00a0: corrigez les champs signalés.');
}, 60_000);
