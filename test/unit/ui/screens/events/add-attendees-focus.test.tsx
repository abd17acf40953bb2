// A person created on the spot at an event: once added (or the form closed), the next name is
// typed into the search again. The focus fell to the page's body and a phone's keyboard closed
// between two arrivals (the new-user day, WebKit at 360×740).
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test } from 'vitest';
import { createRecord } from '../../../../../src/db/writes';
import type { NetworkEvent } from '../../../../../src/domain/event';
import { AddAttendees } from '../../../../../src/ui/screens/events/AddAttendees';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();
let event: NetworkEvent;

beforeEach(async () => {
  event = await createRecord(app.context, 'events', {
    title: 'Apéro des concierges',
    kind: 'network_meeting',
    startsAt: '2026-12-05T17:00:00.000Z',
    endsAt: '2026-12-05T19:00:00.000Z',
    placeOrganisationId: null,
  });
});

const search = () => screen.getByRole('searchbox', { name: 'Chercher\u00a0: Ajouter des personnes' });

async function openCreation(name: string) {
  fireEvent.input(search(), { target: { value: name } });
  fireEvent.click(await screen.findByRole('button', { name: `Créer «\u00a0${name}\u00a0»` }));
  await screen.findByRole('button', { name: 'Ajouter la personne' });
}

test('a person added on the spot hands the focus back to the search for the next one', async () => {
  render(<AddAttendees event={event} place={null} />);
  await openCreation('Jean Dupont');
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(() => expect(document.activeElement).toBe(search()));
});

test('closing the form without adding also hands the focus back to the search', async () => {
  render(<AddAttendees event={event} place={null} />);
  await openCreation('Jeanne Martin');
  fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
  await waitFor(() => expect(document.activeElement).toBe(search()));
});
