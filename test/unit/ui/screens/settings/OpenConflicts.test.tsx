// Réglages lists every text waiting to be settled under its record's name, which any device
// may have written: a right-to-left override in it stays inside the name.
import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { appData } from '../../../../../src/db/app-data';
import { createContact } from '../../../../../src/db/contacts';
import { createRecord } from '../../../../../src/db/writes';
import { isolate } from '../../../../../src/domain/bidi';
import { OpenConflicts } from '../../../../../src/ui/screens/settings/network/OpenConflicts';
import { withFrenchPage } from '../../../../helpers/screen-setup';

withFrenchPage();

test('the name of a record with two versions is isolated from the sentence around it, its field named as forms name it', async () => {
  const context = await appData();
  const name = 'Anne\u202Eetnatropmi';
  const person = await createContact(context, { name, notes: 'Vue lundi' });
  await createRecord(context, 'conflicts', {
    recordType: 'contacts',
    recordId: person.id,
    field: 'notes',
    value: 'Vue mardi',
    clock: '0000000000001-0000-aaaaaaaaaaaaaaaa',
    authorName: 'Samir',
  });
  render(<OpenConflicts />);
  const where = await screen.findByText(
    (_, element) => element?.tagName === 'P' && /Champ/.test(element.textContent ?? ''),
  );
  // The field as the forms name it, not its key in the data.
  expect(where.textContent).toBe(`${isolate(name)} — Champ «\u00a0Notes\u00a0»`);
});
