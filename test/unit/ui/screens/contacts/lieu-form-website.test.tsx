// A lieu's « Site web » as a concierge types it: the form took "tel:…", "mailto:…" or "ftp:…" there
// (any link the schema allows anywhere), so a lieu's page showed a phone number under « Site web ».
// A web page only, said under the field, with what was typed kept; a bare domain is an https one.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createOrganisation } from '../../../../../src/db/organisations';
import { LieuForm } from '../../../../../src/ui/screens/contacts/LieuForm';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();
const lieuxNamed = (name: string) =>
  app.context.db
    .records('organisations')
    .filter((lieu) => lieu.name === name)
    .toArray();

async function typeInto(label: string, value: string) {
  const input = await screen.findByLabelText(label, { exact: false }, { timeout: 30_000 });
  fireEvent.input(input, { target: { value } });
  return input as HTMLInputElement;
}

test.each([
  'tel:+33299000000',
  'mailto:contact@lafabrique.fr',
  'ftp://lafabrique.fr',
  'javascript:alert(1)',
  // Bare, they would be made "https://contact@lafabrique.fr" (a user, then the host) and "https://+33299000000".
  'contact@lafabrique.fr',
  '+33299000000',
  'https://lafabrique.fr@exemple.com',
])(
  'a website « %s » is refused under the field, nothing is written and the text stays',
  async (typed) => {
    render(<LieuForm lieuId={null} />);
    await typeInto('Nom du lieu', 'La Fabrique de Redon');
    const website = await typeInto('Site web', typed);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const error = await screen.findByText(/Adresse d’une page web attendue/);
    expect(website.getAttribute('aria-describedby')).toContain(error.id);
    expect(website.value).toBe(typed);
    expect(await lieuxNamed('La Fabrique de Redon')).toEqual([]);
  },
  60_000,
);

test('a bare domain typed as the website is saved as an https address', async () => {
  render(<LieuForm lieuId={null} />);
  await typeInto('Nom du lieu', 'La Ruche');
  await typeInto('Site web', 'www.laruche.fr');
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

  await waitFor(async () =>
    expect((await lieuxNamed('La Ruche')).map((lieu) => lieu.website)).toEqual(['https://www.laruche.fr']),
  );
}, 60_000);

test('a lieu stored earlier with a phone as its website is still edited without touching it', async () => {
  const lieu = await createOrganisation(app.context, {
    name: 'Le Café',
    kind: 'tiers_lieu',
    website: 'tel:+33299000000',
  });
  render(<LieuForm lieuId={lieu.id} />);
  await typeInto('Nom du lieu', 'Le Café des Possibles');
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

  await waitFor(async () =>
    expect((await lieuxNamed('Le Café des Possibles')).map((saved) => saved.website)).toEqual(['tel:+33299000000']),
  );
}, 60_000);
