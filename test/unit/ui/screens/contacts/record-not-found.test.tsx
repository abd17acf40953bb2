// A lieu or person deleted (or not received yet) and not merged into another: its page says it
// is not found on this device, with the way back to its list, instead of a blank screen.
import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createContact } from '../../../../../src/db/contacts';
import { createOrganisation } from '../../../../../src/db/organisations';
import { deleteRecord } from '../../../../../src/db/writes';
import { parseHash } from '../../../../../src/state/router';
import { LieuDetail } from '../../../../../src/ui/screens/contacts/LieuDetail';
import { PersonDetail } from '../../../../../src/ui/screens/contacts/PersonDetail';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

async function backLink(name: string) {
  expect(await screen.findByRole('heading', { level: 1, name: 'Introuvable sur cet appareil' })).toBeTruthy();
  return parseHash((await screen.findByRole('link', { name })).getAttribute('href') ?? '');
}

test('a deleted lieu’s page says so and leads back to the lieux', async () => {
  const lieu = await createOrganisation(app.context, { name: 'La Grange', kind: 'tiers_lieu' });
  await deleteRecord(app.context, 'organisations', lieu.id);
  render(<LieuDetail lieuId={lieu.id} saved={false} />);
  expect(await backLink('Tous les lieux')).toMatchObject({ path: '/contacts/lieux' });
});

test('a deleted person’s page says so and leads back to Contacts & lieux', async () => {
  const person = await createContact(app.context, { name: 'Léa Petit', organisationIds: [] });
  await deleteRecord(app.context, 'contacts', person.id);
  render(<PersonDetail personId={person.id} saved={false} />);
  expect(await backLink('Contacts & lieux')).toMatchObject({ path: '/contacts' });
});
