// A follow-up typed on a visit's or an event's page but not yet added was lost when the page
// was reloaded or the phone ended the app (only the reload prompt guarded it, and a phone never
// shows it). It is kept as a draft, like an event's note, and the add that creates the
// follow-up deletes it in the same transaction.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { getDraft } from '../../../../src/db/drafts';
import { followUpDraftId, followUpsOfVisit } from '../../../../src/db/follow-ups';
import { createRecord } from '../../../../src/db/writes';
import { newId } from '../../../../src/domain/ids';
import { FollowUpList } from '../../../../src/ui/components/FollowUpList';
import { sampleRecords } from '../../../fixtures/records';
import { withAppData } from '../../../helpers/screen-setup';

const app = withAppData();

async function newVisit() {
  return createRecord(app.context, 'visits', { ...sampleRecords().visits, id: newId() });
}

test('a follow-up typed and not yet added comes back after a reload, then is added once', async () => {
  const visit = await newVisit();
  const first = render(<FollowUpList followUps={[]} visitId={visit.id} />);
  fireEvent.input(screen.getByRole('textbox', { name: 'Nouveau suivi' }), {
    target: { value: 'Envoyer les statuts' },
  });
  fireEvent.input(screen.getByRole('textbox', { name: /Qui s’en charge/ }), { target: { value: 'Camille' } });
  await waitFor(async () =>
    expect((await getDraft(app.context, followUpDraftId({ visitId: visit.id })))?.values).toMatchObject({
      text: 'Envoyer les statuts',
      owner: 'Camille',
    }),
  );
  // The page ends; it opens again.
  first.unmount();

  render(<FollowUpList followUps={[]} visitId={visit.id} />);
  const text = screen.getByRole<HTMLInputElement>('textbox', { name: 'Nouveau suivi' });
  await waitFor(() => expect(text.value).toBe('Envoyer les statuts'));
  expect(screen.getByRole<HTMLInputElement>('textbox', { name: /Qui s’en charge/ }).value).toBe('Camille');

  fireEvent.click(screen.getByRole('button', { name: 'Ajouter le suivi' }));
  await waitFor(async () =>
    expect((await followUpsOfVisit(app.context, visit.id)).map((followUp) => [followUp.text, followUp.owner])).toEqual([
      ['Envoyer les statuts', 'Camille'],
    ]),
  );
  expect(await getDraft(app.context, followUpDraftId({ visitId: visit.id }))).toBeUndefined();
});

test('a follow-up typed on an event’s page waits in the drafts of that event, not of a visit', async () => {
  const eventId = newId();
  render(<FollowUpList followUps={[]} eventId={eventId} />);
  fireEvent.input(screen.getByRole('textbox', { name: 'Nouveau suivi' }), { target: { value: 'Relancer le lycée' } });
  await waitFor(async () =>
    expect(await getDraft(app.context, followUpDraftId({ eventId }))).toMatchObject({
      kind: 'eventFollowUp',
      recordId: eventId,
      title: 'Relancer le lycée',
    }),
  );
});

test('« Ajouter le suivi » with nothing written puts the focus in « Nouveau suivi », which says why', async () => {
  const visit = await newVisit();
  render(<FollowUpList followUps={[]} visitId={visit.id} />);
  const add = screen.getByRole('button', { name: 'Ajouter le suivi' });
  add.focus();
  fireEvent.click(add);

  const text = screen.getByRole('textbox', { name: 'Nouveau suivi' });
  await waitFor(() => expect(document.activeElement).toBe(text));
  expect(text.getAttribute('aria-invalid')).toBe('true');
});
