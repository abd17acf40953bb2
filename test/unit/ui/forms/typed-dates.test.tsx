// A date typed wrong is refused in words beside its field, whatever the form, and nothing is
// stored until it is fixed; a record an earlier release stored with such a date (« 05/12/26 »
// kept as the year 0026) is still edited on its other fields and its follow-ups still ticked.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createRecord } from '../../../../src/db/writes';
import { FollowUpItem, FollowUpList } from '../../../../src/ui/components/FollowUpList';
import { EventForm } from '../../../../src/ui/screens/events/EventForm';
import VisitForm from '../../../../src/ui/screens/visits/form/VisitForm';
import { withAppData } from '../../../helpers/screen-setup';

const app = withAppData();

const SHORT_YEAR = /Vérifiez l’année : tapez-la en entier, par exemple 2026/;

test('a new visit dated 0026, or with a follow-up due in 9999, is refused beside each date; the notes stay', async () => {
  render(<VisitForm visitId={null} />);
  const notes = await screen.findByLabelText('Notes (facultatif)', {}, { timeout: 30_000 });
  fireEvent.input(notes, { target: { value: 'Rencontre avec le bureau 0026' } });
  fireEvent.input(screen.getByLabelText('Date et heure'), { target: { value: '0026-12-05T10:00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter un suivi' }));
  fireEvent.input(screen.getByLabelText('À faire 1'), { target: { value: 'Envoyer les statuts' } });
  fireEvent.input(screen.getByLabelText('Pour le (facultatif)'), { target: { value: '9999-12-31' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));

  await screen.findByText(SHORT_YEAR);
  expect(screen.getByText(/elle est bien trop lointaine. S’il n’y a pas de date, laissez le champ vide/)).toBeTruthy();
  const visits = await app.context.db.records('visits').toArray();
  expect(visits.filter((visit) => visit.notes === 'Rencontre avec le bureau 0026')).toEqual([]);
  expect((screen.getByLabelText('Notes (facultatif)') as HTMLTextAreaElement).value).toBe(
    'Rencontre avec le bureau 0026',
  );
  expect((screen.getByLabelText('Date et heure') as HTMLInputElement).value).toBe('0026-12-05T10:00');
}, 60_000);

test('a visit an earlier release stored in 0026 saves a change of its notes, its date kept as stored', async () => {
  const visit = await createRecord(app.context, 'visits', { visitedAt: '0026-12-05T09:00:00.000Z', notes: 'Avant' });
  render(<VisitForm visitId={visit.id} />);
  const notes = await screen.findByLabelText('Notes (facultatif)', {}, { timeout: 30_000 });
  fireEvent.input(notes, { target: { value: 'Après' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));

  await waitFor(async () => expect((await app.context.db.records('visits').get(visit.id))?.notes).toBe('Après'));
  expect((await app.context.db.records('visits').get(visit.id))?.visitedAt).toBe('0026-12-05T09:00:00.000Z');
  expect(screen.queryByText(SHORT_YEAR)).toBeNull();
}, 60_000);

test('an event whose start is typed 0026 is refused at its start date; a day the browser cannot read, at its end', async () => {
  render(<EventForm eventId={null} />);
  const title = await screen.findByLabelText('Titre', {}, { timeout: 30_000 });
  fireEvent.input(title, { target: { value: 'Rencontre 0026' } });
  fireEvent.input(screen.getByLabelText('Date de début'), { target: { value: '0026-12-05' } });
  // 31 February typed in a date field: the browser gives "" and says it could not read it.
  const end = screen.getByLabelText('Date de fin') as HTMLInputElement;
  fireEvent.input(end, { target: { value: '' } });
  Object.defineProperty(end, 'validity', { value: { badInput: true } });
  fireEvent.click(screen.getByRole('button', { name: 'Créer l’événement' }));

  const error = await screen.findByText(SHORT_YEAR);
  expect(screen.getByLabelText('Date de début').getAttribute('aria-describedby')).toContain(error.id);
  const endError = screen.getByText(/Cette date est incomplète ou n’existe pas \(un 31 février, par exemple\)/);
  expect(end.getAttribute('aria-describedby')).toContain(endError.id);
  const events = await app.context.db.records('events').toArray();
  expect(events.filter((event) => event.title === 'Rencontre 0026')).toEqual([]);
}, 60_000);

test('an event whose start time the browser cannot read is refused at that time, its start date left unflagged', async () => {
  render(<EventForm eventId={null} />);
  const title = await screen.findByLabelText('Titre', {}, { timeout: 30_000 });
  fireEvent.input(title, { target: { value: 'Rencontre du soir' } });
  const time = screen.getByLabelText('Heure de début') as HTMLInputElement;
  fireEvent.input(time, { target: { value: '' } });
  Object.defineProperty(time, 'validity', { value: { badInput: true } });
  fireEvent.click(screen.getByRole('button', { name: 'Créer l’événement' }));

  const error = await screen.findByText(/Cette heure est incomplète ou n’existe pas/);
  expect(time.getAttribute('aria-describedby')).toContain(error.id);
  // A screen reader is sent to the time, not to a correct date.
  const date = screen.getByLabelText('Date de début');
  expect(date.getAttribute('aria-invalid')).not.toBe('true');
  expect(screen.queryByText('Saisissez une date et une heure valides.')).toBeNull();
}, 60_000);

test('an event whose start time is left empty is told so at that time, its start date left unflagged', async () => {
  render(<EventForm eventId={null} />);
  fireEvent.input(await screen.findByLabelText('Titre', {}, { timeout: 30_000 }), { target: { value: 'Rencontre' } });
  const time = screen.getByLabelText('Heure de début') as HTMLInputElement;
  fireEvent.input(time, { target: { value: '' } });
  fireEvent.click(screen.getByRole('button', { name: 'Créer l’événement' }));

  const error = await screen.findByText('Saisissez l’heure de début.');
  expect(time.getAttribute('aria-describedby')).toContain(error.id);
  expect(screen.getByLabelText('Date de début').getAttribute('aria-invalid')).not.toBe('true');
}, 60_000);

test('a follow-up added with a due day in 0026 is refused; one stored so is still ticked done', async () => {
  const visit = await createRecord(app.context, 'visits', { visitedAt: '2026-12-05T09:00:00.000Z' });
  const stored = await createRecord(app.context, 'followUps', {
    text: 'Relancer la mairie',
    dueDate: '0026-12-05',
    done: false,
    visitId: visit.id,
  });
  render(
    <>
      <ul>
        <FollowUpItem followUp={stored} />
      </ul>
      <FollowUpList followUps={[]} visitId={visit.id} />
    </>,
  );
  fireEvent.input(screen.getByLabelText('Nouveau suivi'), { target: { value: 'Envoyer les statuts' } });
  fireEvent.input(screen.getByLabelText(/Pour le/), { target: { value: '0026-12-05' } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le suivi' }));
  await screen.findByText(SHORT_YEAR);
  const followUps = await app.context.db.records('followUps').toArray();
  expect(followUps.filter((followUp) => followUp.text === 'Envoyer les statuts')).toEqual([]);

  fireEvent.click(screen.getByRole('checkbox', { name: 'Relancer la mairie' }));
  await waitFor(async () => expect((await app.context.db.records('followUps').get(stored.id))?.done).toBe(true));
});

test('a follow-up due in 2099 (a year mistyped) is questioned, never stored to wait at the bottom of « À faire »', async () => {
  const visit = await createRecord(app.context, 'visits', { visitedAt: '2026-12-05T09:00:00.000Z' });
  render(<FollowUpList followUps={[]} visitId={visit.id} />);
  fireEvent.input(screen.getByLabelText('Nouveau suivi'), { target: { value: 'Écrire au département' } });
  const due = screen.getByLabelText(/Pour le/);
  fireEvent.input(due, { target: { value: '2099-12-31' } });
  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le suivi' }));

  const error = await screen.findByText(/Cette échéance est dans plus de deux ans : vérifiez-la/);
  expect(due.getAttribute('aria-describedby')).toContain(error.id);
  const followUps = await app.context.db.records('followUps').toArray();
  expect(followUps.filter((followUp) => followUp.text === 'Écrire au département')).toEqual([]);
});
