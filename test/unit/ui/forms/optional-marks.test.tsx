// A field that may be left empty says « (facultatif) », and a required one does not: the new-user
// day (2026-12-05) read « Lieux / structures » and « Lieu du réseau » as required, beside
// « Téléphone (facultatif) » and « Organisé par (facultatif) »; the visit form left « Personnes
// rencontrées », « Notes », its lieu and its services unmarked beside « Objet (facultatif) ».
import { fireEvent, render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createRecord } from '../../../../src/db/writes';
import { PersonForm } from '../../../../src/ui/screens/contacts/PersonForm';
import { EventForm } from '../../../../src/ui/screens/events/EventForm';
import { FollowUpFromNote } from '../../../../src/ui/screens/events/FollowUpFromNote';
import VisitForm from '../../../../src/ui/screens/visits/form/VisitForm';
import { sampleRecords } from '../../../fixtures/records';
import { withAppData } from '../../../helpers/screen-setup';

const app = withAppData();

test('the person form’s lieux say they are optional', async () => {
  render(<PersonForm personId={null} />);
  await screen.findByRole('group', { name: 'Lieux / structures (facultatif)' }, { timeout: 30_000 });
  // The search box keeps the picker's own name, without the mark.
  expect(screen.getByRole('searchbox', { name: 'Chercher\u00a0: Lieux / structures' })).toBeTruthy();
}, 60_000);

test('the event form’s lieu of the network and its services say they are optional', async () => {
  render(<EventForm eventId={null} />);
  await screen.findByRole('group', { name: 'Lieu du réseau (facultatif)' }, { timeout: 30_000 });
  expect(screen.getByRole('group', { name: 'Services du réseau rendus (facultatif)' })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'Titre' })).toBeTruthy();
}, 60_000);

test('the visit form marks every field a visit may go without, and not its date', async () => {
  render(<VisitForm visitId={null} />);
  await screen.findByRole('group', { name: 'Lieu (facultatif)' }, { timeout: 30_000 });
  expect(screen.getByRole('group', { name: 'Personnes rencontrées (facultatif)' })).toBeTruthy();
  expect(screen.getByRole('group', { name: 'Services du réseau (facultatif)' })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'Notes (facultatif)' })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'Objet (facultatif)' })).toBeTruthy();
  expect(screen.getByRole('textbox', { name: 'Ou un endroit sans fiche (facultatif)' })).toBeTruthy();
  expect(screen.getByLabelText('Date et heure')).toBeTruthy();

  // A follow-up's text is what the row is for; its day may stay empty.
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter un suivi' }));
  expect(screen.getByRole('textbox', { name: 'À faire 1' })).toBeTruthy();
  expect(screen.getByLabelText('Pour le (facultatif)')).toBeTruthy();
}, 60_000);

test('a follow-up made from an event’s note says who takes it on is optional, not its text', async () => {
  const samples = sampleRecords();
  const event = await createRecord(app.context, 'events', samples.events);
  const note = await createRecord(app.context, 'eventNotes', samples.eventNotes);
  render(<FollowUpFromNote event={event} note={note} onDone={() => {}} />);
  expect(screen.getByRole('textbox', { name: 'Qui s’en charge (facultatif)' })).toBeTruthy();
  expect(screen.getByLabelText('Pour le (facultatif)')).toBeTruthy();
  expect(screen.getByRole('textbox', { name: /^À faire/ })).toBeTruthy();
}, 60_000);
