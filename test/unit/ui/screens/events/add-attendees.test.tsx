// A person created on the spot at an event (« Ajouter des personnes » › « Créer « … » »):
// - once added (or the form closed), the next name is typed into the search again. The focus fell
//   to the page's body and a phone's keyboard closed between two arrivals (the new-user day,
//   WebKit at 360×740);
// - it is kept in a draft as it is typed: a killed tab or a locked phone gives the form back as it
//   was, and adding the person or closing the form forgets it.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, expect, test } from 'vitest';
import { listDrafts } from '../../../../../src/db/drafts';
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

/** This event's drafts of a person being created (the database outlives each test). */
const draftsOfAttendees = async () =>
  (await listDrafts(app.context, ['eventAttendee'])).filter((draft) => draft.recordId === event.id);

/** Opens the person form from the search, types a role, and waits for the draft to hold it. */
async function personHalfTyped(name: string) {
  const shown = render(<AddAttendees event={event} place={null} />);
  fireEvent.input(screen.getByRole('searchbox', { name: 'Chercher\u00a0: Ajouter des personnes' }), {
    target: { value: name },
  });
  fireEvent.click(await screen.findByRole('button', { name: `Créer «\u00a0${name}\u00a0»` }));
  fireEvent.input(await screen.findByRole('textbox', { name: 'Rôle (facultatif)' }), {
    target: { value: 'Maraîcher' },
  });
  await waitFor(async () => expect(JSON.stringify((await draftsOfAttendees())[0]?.values)).toContain('Maraîcher'));
  return shown;
}

test('a person half typed at an event comes back, as typed, once the page is shown again', async () => {
  (await personHalfTyped('Louis Bernard')).unmount();

  render(<AddAttendees event={event} place={null} />);

  const role = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Rôle (facultatif)' });
  expect(role.value).toBe('Maraîcher');
  expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Nom' }).value).toBe('Louis Bernard');
});

test('adding the person forgets the draft', async () => {
  await personHalfTyped('Claire Petit');
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  await waitFor(async () =>
    expect(Object.values((await app.context.db.records('events').get(event.id))?.attendees ?? {})).toEqual([
      expect.objectContaining({ name: 'Claire Petit' }),
    ]),
  );
  await waitFor(async () => expect(await draftsOfAttendees()).toEqual([]));
});

test('closing the form forgets the draft', async () => {
  await personHalfTyped('Paul Roux');
  fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
  await waitFor(async () => expect(await draftsOfAttendees()).toEqual([]));
});

test('a key typed while the person is being added does not bring the draft back (the person made twice)', async () => {
  await personHalfTyped('Lucie Moreau');
  const { db } = app.context;
  // The person's transaction is held back behind this one, as a slow phone's would be, so that
  // the key below comes while it waits.
  let holding = true;
  const held = db.transaction('rw', db.records('contacts'), async () => {
    while (holding) await db.records('contacts').count();
  });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter la personne' }));
  // One turn of the event loop: the click's transaction (begun in a microtask) is queued by then.
  await new Promise<void>((resolve) => setTimeout(resolve));
  // A late key (or an autofill's input) in the form still shown, before the person is stored.
  fireEvent.input(screen.getByRole('textbox', { name: 'Rôle (facultatif)' }), { target: { value: 'Maraîchère' } });
  holding = false;
  await held;
  await waitFor(async () =>
    expect(Object.values((await db.records('events').get(event.id))?.attendees ?? {})).toEqual([
      expect.objectContaining({ name: 'Lucie Moreau' }),
    ]),
  );
  // Read after the key's draft write would have run (IndexedDB runs the two in order).
  expect(await draftsOfAttendees()).toEqual([]);
});
