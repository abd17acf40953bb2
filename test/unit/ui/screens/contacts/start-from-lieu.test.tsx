// A concierge standing at a lieu opens its page to log the visit or to start its diagnostic:
// the page offered neither (only "Modifier" and "Tous les lieux"), and a visit's page did not
// lead to the diagnostic filled during it, though the new diagnostic already took the lieu and
// the visit from its address. Seen in the new-user day at 360×740 in WebKit. Its people: the page
// said "Personne n’est encore rattaché à ce lieu" with no way to add one from there (new-user
// day, 2026-12-06); "Ajouter une personne" opens a new person already of this lieu.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createOrganisation } from '../../../../../src/db/organisations';
import { createRecord } from '../../../../../src/db/writes';
import { newId } from '../../../../../src/domain/ids';
import { parseHash, routeStore } from '../../../../../src/state/router';
import { LieuDetail } from '../../../../../src/ui/screens/contacts/LieuDetail';
import { PersonForm } from '../../../../../src/ui/screens/contacts/PersonForm';
import VisitDetailPage from '../../../../../src/ui/screens/visits/detail/VisitDetail';
import { sampleRecords } from '../../../../fixtures/records';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

async function linkTo(name: string) {
  const link = await waitFor(() => screen.getByRole('link', { name }));
  return parseHash(link.getAttribute('href') ?? '');
}

test('a lieu’s page starts a visit there and a diagnostic of it', async () => {
  const lieu = await createOrganisation(app.context, { name: 'La Fabrique de Redon', kind: 'tiers_lieu' });
  render(<LieuDetail lieuId={lieu.id} saved={false} />);

  const visit = await linkTo('Noter une visite ici');
  expect(visit).toMatchObject({ path: '/visites/nouvelle', query: { lieu: lieu.id } });
  const diagnostic = await linkTo('Faire un diagnostic');
  expect(diagnostic).toMatchObject({ path: '/diagnostics/nouveau', query: { lieu: lieu.id } });
});

test('a visit’s page starts the diagnostic of its lieu, as part of this visit', async () => {
  const lieu = await createOrganisation(app.context, { name: 'La Fabrique de Redon', kind: 'tiers_lieu' });
  const visit = await createRecord(app.context, 'visits', {
    ...sampleRecords().visits,
    id: newId(),
    organisationId: lieu.id,
  });
  render(<VisitDetailPage visitId={visit.id} query={{}} />);

  const diagnostic = await linkTo('Faire un diagnostic');
  expect(diagnostic).toMatchObject({ path: '/diagnostics/nouveau', query: { lieu: lieu.id, visite: visit.id } });
});

test('a visit at a free place, with no lieu to diagnose, offers no diagnostic', async () => {
  const visit = await createRecord(app.context, 'visits', {
    ...sampleRecords().visits,
    id: newId(),
    organisationId: null,
    placeLabel: 'Marché de Redon',
  });
  render(<VisitDetailPage visitId={visit.id} query={{}} />);

  await waitFor(() => screen.getByRole('link', { name: 'Modifier' }));
  expect(screen.queryByRole('link', { name: 'Faire un diagnostic' })).toBeNull();
});

test('a lieu’s page adds a person already of this lieu', async () => {
  const lieu = await createOrganisation(app.context, { name: 'La Fabrique de Redon', kind: 'tiers_lieu' });
  render(<LieuDetail lieuId={lieu.id} saved={false} />);
  const add = await linkTo('Ajouter une personne');
  expect(add).toMatchObject({ path: '/contacts/personne/nouveau', query: { lieu: lieu.id } });
  cleanup();

  routeStore.setState({ route: add });
  render(<PersonForm personId={null} />);
  await screen.findByRole('button', { name: 'Retirer La Fabrique de Redon' });
});
