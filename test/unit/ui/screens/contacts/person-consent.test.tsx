// A consent noted by its date alone (the form lets the reason wait) is still a consent: the
// person's page said « Aucun consentement noté » over a date the contacts export carries.
import { render, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createContact } from '../../../../../src/db/contacts';
import { PersonDetail } from '../../../../../src/ui/screens/contacts/PersonDetail';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a consent dated without a reason shows its date, not « no consent »', async () => {
  const lea = await createContact(app.context, { name: 'Léa Petit', organisationIds: [], consentDate: '2026-12-03' });

  render(<PersonDetail personId={lea.id} saved={false} />);

  await waitFor(() => expect(document.body.textContent).toContain('Accord donné le 3 décembre 2026'));
  expect(document.body.textContent).not.toContain('Aucun consentement noté');
});
