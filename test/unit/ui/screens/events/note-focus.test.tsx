// A note's "Modifier" and an action note's "Créer une suite" open a small form in place of the
// button: the focus fell to the body (WebKit and Firefox ESR, 360 px), so the keyboard did not
// come up in the field to type in, and after "Annuler" or the save, Tab started again from the
// top bar. The form's field takes the focus; closed, the focus is back where it was opened, or
// on the follow-up made.
import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, expect, test, vi } from 'vitest';
import type { DataContext } from '../../../../../src/db/context';
import { addNote } from '../../../../../src/db/event-notes';
import type { NetworkEvent } from '../../../../../src/domain/event';
import { NoteTimeline } from '../../../../../src/ui/screens/events/NoteTimeline';
import { openTestContext } from '../../../../helpers/db';
import { withFrenchPage } from '../../../../helpers/screen-setup';

const held: { context: DataContext | undefined } = { context: undefined };
vi.mock('../../../../../src/ui/hooks/use-data-context', () => ({ useDataContext: () => held.context }));

const EVENT = {
  id: '01900000-0000-7000-8000-000000000001',
  startsAt: '2026-12-05T09:00:00.000Z',
  endsAt: '2026-12-05T11:00:00.000Z',
  timeZone: 'Europe/Paris',
  services: ['federate'],
} as unknown as NetworkEvent;

withFrenchPage();
beforeEach(async () => {
  held.context = await openTestContext();
});

async function timelineWith(tag: 'note' | 'action') {
  const note = await addNote(held.context as DataContext, { eventId: EVENT.id, text: 'Visiter le fablab', tag });
  render(<NoteTimeline event={EVENT} notes={[note]} />);
}

test('"Modifier" puts the focus in the note\'s text; "Annuler" gives it back to "Modifier"', async () => {
  await timelineWith('note');
  const edit = screen.getByRole('button', { name: /Modifier/ });
  edit.focus();
  fireEvent.click(edit);
  const field = await screen.findByRole('textbox', { name: /note/i });
  await vi.waitFor(() => expect(document.activeElement).toBe(field));

  fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
  await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /Modifier/ })));
});

test('"Créer une suite" puts the focus in "À faire"; "Annuler" gives it back; once made, it is on "Suite créée"', async () => {
  await timelineWith('action');
  const make = screen.getByRole('button', { name: 'Créer une suite' });
  make.focus();
  fireEvent.click(make);
  const field = await screen.findByRole('textbox', { name: 'À faire' });
  await vi.waitFor(() => expect(document.activeElement).toBe(field));

  fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
  await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Créer une suite' })));

  fireEvent.click(screen.getByRole('button', { name: 'Créer une suite' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Créer la suite' }));
  // The timeline's notes are the ones given: the follow-up shows as made before they say so.
  const made = await screen.findByText(/Suite créée/);
  await vi.waitFor(() => expect(document.activeElement).toBe(made));
});

test('a follow-up refused for its fields says so in the forms’ alert, above them, and the focus goes to the field', async () => {
  await timelineWith('action');
  fireEvent.click(screen.getByRole('button', { name: 'Créer une suite' }));
  const field = await screen.findByRole('textbox', { name: 'À faire' });
  fireEvent.input(field, { target: { value: '' } });
  const create = screen.getByRole('button', { name: 'Créer la suite' });
  create.focus();
  fireEvent.click(create);
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toBe('Corrigez les champs signalés\u00a0: rien de ce que vous avez saisi n’est perdu.');
  // Not left on « Créer la suite » (Firefox and Chromium, s28): the field says what is wrong.
  await vi.waitFor(() => expect(document.activeElement).toBe(field));
  expect(field.getAttribute('aria-invalid')).toBe('true');
});
