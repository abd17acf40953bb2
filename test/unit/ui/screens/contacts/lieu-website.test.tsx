// A lieu's « Site web » button, from a record any device of the network may edit: a web page
// only. A phone number there (a premium-rate one) or an e-mail with a hidden copy would open
// the dialer or the mail app from a button that says « Site web ».
import { render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createOrganisation } from '../../../../../src/db/organisations';
import { LieuDetail } from '../../../../../src/ui/screens/contacts/LieuDetail';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a website that is a web page opens in its own tab', async () => {
  const lieu = await createOrganisation(app.context, {
    name: 'La Fabrique de Redon',
    kind: 'tiers_lieu',
    website: 'https://lafabrique.fr',
  });
  render(<LieuDetail lieuId={lieu.id} saved={false} />);
  const site = await waitFor(() => screen.getByRole('link', { name: 'Site web' }));
  expect(site.getAttribute('href')).toBe('https://lafabrique.fr/');
  expect(site.getAttribute('rel')).toBe('noopener noreferrer');
});

test.each(['tel:+33899000000', 'mailto:contact@lafabrique.fr?bcc=espion@ailleurs.fr'])(
  'a website that is « %s » is shown as its address, not as a « Site web » button',
  async (website) => {
    const lieu = await createOrganisation(app.context, { name: 'La Fabrique de Redon', kind: 'tiers_lieu', website });
    render(<LieuDetail lieuId={lieu.id} saved={false} />);
    await waitFor(() => screen.getByText(website, { exact: false }));
    expect(screen.queryByRole('link', { name: 'Site web' })).toBeNull();
  },
);
