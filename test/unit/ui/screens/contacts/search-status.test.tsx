// A search of people or lieux says what it found in a live region, as the visits' and the
// valise's do: typing a name, a screen reader heard nothing as the list changed, not even
// « Aucun résultat » (newuser29, Firefox phone).
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createContact } from '../../../../../src/db/contacts';
import { createOrganisation } from '../../../../../src/db/organisations';
import { ContactsHome } from '../../../../../src/ui/screens/contacts/ContactsHome';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a people search says how many it found, and when it found none', async () => {
  await createContact(app.context, { name: 'Gwenaëlle Rivoal' });
  await createContact(app.context, { name: 'Erwan Le Bihan' });
  render(<ContactsHome tab="people" />);
  const status = screen.getByRole('status');
  expect(status.textContent).toBe('');
  fireEvent.input(screen.getByLabelText(/Rechercher une personne/), { target: { value: 'gwenaelle' } });
  await waitFor(() => expect(status.textContent).toBe('1 personne'));
  fireEvent.input(screen.getByLabelText(/Rechercher une personne/), { target: { value: 'zzz' } });
  await waitFor(() => expect(status.textContent).toBe('Aucun résultat\u00a0: essayez d’autres mots.'));
});

test('a lieux search says how many it found', async () => {
  await createOrganisation(app.context, { name: 'La Fabrique de Plouër', kind: 'tiers_lieu' });
  await createOrganisation(app.context, { name: 'La Fabrique de Redon', kind: 'tiers_lieu' });
  render(<ContactsHome tab="lieux" />);
  fireEvent.input(screen.getByLabelText(/Rechercher un lieu/), { target: { value: 'fabrique' } });
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 lieux'));
});
