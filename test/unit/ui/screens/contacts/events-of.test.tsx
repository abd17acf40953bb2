// A person's page lists the events she was checked in at, and a lieu's page the events held
// there: "she came to the Assises in March and the Apéro fablab" is what a concierge preparing
// a meeting looks for, and it was on the event pages only.
import { render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createContact } from '../../../../../src/db/contacts';
import { setAttendance } from '../../../../../src/db/events';
import { createOrganisation } from '../../../../../src/db/organisations';
import { createRecord, deleteRecord } from '../../../../../src/db/writes';
import { uiStore } from '../../../../../src/state/ui';
import { LieuDetail } from '../../../../../src/ui/screens/contacts/LieuDetail';
import { PersonDetail } from '../../../../../src/ui/screens/contacts/PersonDetail';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

function event(title: string, startsAt: string, placeOrganisationId: string | null = null) {
  const endsAt = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
  return createRecord(app.context, 'events', {
    title,
    kind: 'network_meeting',
    startsAt,
    endsAt,
    placeOrganisationId,
  });
}

function linksIn(sectionTitle: string) {
  const heading = screen.getByRole('heading', { name: sectionTitle });
  const section = heading.closest('section') as HTMLElement;
  return [...section.querySelectorAll('a')].map((link) => ({
    text: link.textContent,
    href: link.getAttribute('href'),
  }));
}

test('a person’s page lists the events she is checked in at, newest first, with her attendance', async () => {
  const lea = await createContact(app.context, { name: 'Léa Petit', organisationIds: [] });
  const hugo = await createContact(app.context, { name: 'Hugo Bernard', organisationIds: [] });
  const assises = await event('Assises des tiers-lieux', '2026-03-12T08:00:00.000Z');
  const apero = await event('Apéro fablab', '2026-06-04T16:30:00.000Z');
  // Late on 31 December in Paris: the day the event's clocks show, not UTC's.
  const reveillon = await event('Réveillon des bénévoles', '2026-12-31T23:30:00.000Z');
  const cancelled = await event('Atelier annulé', '2026-09-01T08:00:00.000Z');
  const withoutHer = await event('Comité de pilotage', '2026-10-01T08:00:00.000Z');
  const removed = await event('Formation quittée', '2026-11-01T08:00:00.000Z');
  await setAttendance(app.context, assises.id, { [lea.id]: { name: 'Léa Petit', status: 'present' } });
  await setAttendance(app.context, apero.id, { [lea.id]: { name: 'Léa Petit', status: 'excused' } });
  await setAttendance(app.context, reveillon.id, { [lea.id]: { name: 'Léa Petit', status: 'invited' } });
  await setAttendance(app.context, cancelled.id, { [lea.id]: { name: 'Léa Petit', status: 'present' } });
  await deleteRecord(app.context, 'events', cancelled.id);
  await setAttendance(app.context, withoutHer.id, { [hugo.id]: { name: 'Hugo Bernard', status: 'present' } });
  await setAttendance(app.context, removed.id, { [lea.id]: { name: 'Léa Petit', status: 'invited' } });
  await setAttendance(app.context, removed.id, { [lea.id]: null });

  render(<PersonDetail personId={lea.id} saved={false} />);

  await waitFor(() => expect(screen.getByRole('heading', { name: 'Événements' })).toBeTruthy());
  await waitFor(() =>
    expect(linksIn('Événements')).toEqual([
      { text: 'Réveillon des bénévoles1er janvier 2027 · Inscrit·e', href: `#/evenements/${reveillon.id}` },
      { text: 'Apéro fablab4 juin 2026 · Excusé·e', href: `#/evenements/${apero.id}` },
      { text: 'Assises des tiers-lieux12 mars 2026 · Présent·e', href: `#/evenements/${assises.id}` },
    ]),
  );
});

test('a person checked in nowhere is told so in French and in English', async () => {
  const lea = await createContact(app.context, { name: 'Léa Petit', organisationIds: [] });

  const { unmount } = render(<PersonDetail personId={lea.id} saved={false} />);
  await waitFor(() => expect(document.body.textContent).toContain('Aucun événement pour l’instant.'));
  unmount();

  uiStore.setState({ lang: 'en' });
  render(<PersonDetail personId={lea.id} saved={false} />);
  await waitFor(() => expect(document.body.textContent).toContain('No events yet.'));
  expect(screen.getByRole('heading', { name: 'Events' })).toBeTruthy();
});

test('a lieu’s page lists the events held there, newest first, deleted ones left out', async () => {
  const grange = await createOrganisation(app.context, { name: 'La Grange', kind: 'tiers_lieu' });
  const mairie = await createOrganisation(app.context, { name: 'Mairie de Melle', kind: 'local_authority' });
  const apero = await event('Apéro fablab', '2026-06-04T16:30:00.000Z', grange.id);
  const assises = await event('Assises des tiers-lieux', '2026-03-12T08:00:00.000Z', grange.id);
  const cancelled = await event('Atelier annulé', '2026-09-01T08:00:00.000Z', grange.id);
  await deleteRecord(app.context, 'events', cancelled.id);
  await event('Conseil municipal ouvert', '2026-05-01T08:00:00.000Z', mairie.id);

  render(<LieuDetail lieuId={grange.id} saved={false} />);

  await waitFor(() =>
    expect(linksIn('Événements')).toEqual([
      { text: 'Apéro fablab4 juin 2026', href: `#/evenements/${apero.id}` },
      { text: 'Assises des tiers-lieux12 mars 2026', href: `#/evenements/${assises.id}` },
    ]),
  );
});

test('a lieu hosting an event a week shows its 20 latest and counts the older ones', async () => {
  const serre = await createOrganisation(app.context, { name: 'La Serre partagée', kind: 'tiers_lieu' });
  for (let week = 0; week < 23; week += 1)
    await event(`Apéro n° ${week + 1}`, new Date(Date.UTC(2026, 0, 5 + 7 * week, 17)).toISOString(), serre.id);

  render(<LieuDetail lieuId={serre.id} saved={false} />);

  await waitFor(() => expect(linksIn('Événements')).toHaveLength(20));
  expect(linksIn('Événements')[0]?.text).toMatch(/^Apéro n° 23/);
  expect(linksIn('Événements')[19]?.text).toMatch(/^Apéro n° 4/);
  expect(document.body.textContent).toContain('Et 3 événements plus anciens.');
});
