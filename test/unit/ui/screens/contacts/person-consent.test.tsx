// A consent noted by its date alone (the form lets the reason wait) is still a consent: the
// person's page said « Aucun consentement noté » over a date the contacts export carries. A
// consent is given on a day that has come: a date ahead (2062 for 2026) is a slip of the keyboard.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createContact } from '../../../../../src/db/contacts';
import { dayAfter, localDay } from '../../../../../src/domain/days';
import { PersonDetail } from '../../../../../src/ui/screens/contacts/PersonDetail';
import { PersonForm } from '../../../../../src/ui/screens/contacts/PersonForm';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a consent dated without a reason shows its date, not « no consent »', async () => {
  const lea = await createContact(app.context, { name: 'Léa Petit', organisationIds: [], consentDate: '2026-12-03' });

  render(<PersonDetail personId={lea.id} saved={false} />);

  await waitFor(() =>
    expect(document.body.textContent).toContain(
      'Accord donné le 3 décembre 2026\u00a0; la raison de garder ses coordonnées n’est pas notée.',
    ),
  );
  expect(document.body.textContent).not.toContain('Aucun consentement noté');
});

test('a consent dated after today is refused under its field, nothing is written and the date stays', async () => {
  render(<PersonForm personId={null} />);
  fireEvent.input(await screen.findByLabelText('Nom', { exact: true }, { timeout: 30_000 }), {
    target: { value: 'Hugo Bernard' },
  });
  const date = screen.getByLabelText('Accord donné le', { exact: false }) as HTMLInputElement;
  fireEvent.input(date, { target: { value: dayAfter(localDay(), 1) } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

  const error = await screen.findByText('L’accord ne peut pas être daté d’un jour à venir.');
  expect(date.getAttribute('aria-describedby')).toContain(error.id);
  expect(date.value).toBe(dayAfter(localDay(), 1));
  const saved = await app.context.db
    .records('contacts')
    .filter((person) => person.name === 'Hugo Bernard')
    .toArray();
  expect(saved).toEqual([]);
}, 60_000);
