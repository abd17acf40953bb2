import { describe, expect, test } from 'vitest';
import { getDraft, saveDraft } from '../../../src/db/drafts';
import {
  addFollowUp,
  countOverdue,
  createFollowUp,
  createFollowUps,
  followUpDraftId,
  followUpsOfEvent,
  followUpsOfVisit,
  openFollowUps,
  openFollowUpsWithPlaces,
  overdueFollowUps,
  setFollowUpDone,
  visitIdsWithOpenFollowUps,
} from '../../../src/db/follow-ups';
import { createOrganisation } from '../../../src/db/organisations';
import { createRecord, deleteRecord } from '../../../src/db/writes';
import { newId } from '../../../src/domain/ids';
import { openTestContext } from '../../helpers/db';

const today = '2026-03-11';

describe('follow-ups', () => {
  test('of a visit and of an event stay apart, open ones first then by due day', async () => {
    const context = await openTestContext();
    const visitId = newId();
    const eventId = newId();
    const [, second] = await createFollowUps(context, [
      { text: 'Rappeler la mairie', dueDate: '2026-03-20', visitId },
      { text: 'Envoyer la fiche', dueDate: '2026-03-12', visitId },
      { text: 'Relancer les inscrits', eventId },
    ]);
    await createFollowUp(context, { text: 'Déjà fait', dueDate: '2026-03-01', visitId, done: true });

    expect((await followUpsOfVisit(context, visitId)).map((item) => item.text)).toEqual([
      'Envoyer la fiche',
      'Rappeler la mairie',
      'Déjà fait',
    ]);
    expect((await followUpsOfEvent(context, eventId)).map((item) => item.text)).toEqual(['Relancer les inscrits']);
    expect(second?.done).toBe(false);
    expect(await visitIdsWithOpenFollowUps(context)).toEqual(new Set([visitId]));
  });

  test('counts as overdue only open ones due before today', async () => {
    const context = await openTestContext();
    const late = await createFollowUp(context, { text: 'En retard', dueDate: '2026-03-10' });
    await createFollowUp(context, { text: 'Aujourd’hui', dueDate: today });
    await createFollowUp(context, { text: 'Sans date' });
    await createFollowUp(context, { text: 'Fait', dueDate: '2026-03-01', done: true });

    expect(await countOverdue(context, today)).toBe(1);
    expect((await overdueFollowUps(context, today)).map((item) => item.text)).toEqual(['En retard']);
    expect((await openFollowUps(context)).map((item) => item.text)).toEqual(['En retard', 'Aujourd’hui', 'Sans date']);

    const done = await setFollowUpDone(context, late.id, true);
    expect(done.doneAt).toEqual(expect.any(String));
    expect(await countOverdue(context, today)).toBe(0);

    const reopened = await setFollowUpDone(context, late.id, false);
    expect(reopened.doneAt).toBeNull();
    expect(await countOverdue(context, today)).toBe(1);
  });

  // "À faire" mixes every lieu's follow-ups: each line says where it belongs.
  test('open, each with its visit’s lieu or its event’s place', async () => {
    const context = await openTestContext();
    const fabrique = await createOrganisation(context, { name: 'La Fabrique du Marais', kind: 'tiers_lieu' });
    const ferme = await createOrganisation(context, { name: 'La Ferme des Possibles', kind: 'tiers_lieu' });
    const closed = await createOrganisation(context, { name: 'Fermé depuis', kind: 'tiers_lieu' });
    const visit = await createRecord(context, 'visits', {
      visitedAt: '2026-03-01T09:00:00.000Z',
      organisationId: fabrique.id,
    });
    const event = {
      kind: 'network_meeting' as const,
      startsAt: '2026-03-03T08:30:00.000Z',
      endsAt: '2026-03-03T16:00:00.000Z',
    };
    const atLieu = await createRecord(context, 'events', {
      ...event,
      title: 'Rencontre',
      placeOrganisationId: ferme.id,
    });
    const elsewhere = await createRecord(context, 'events', {
      ...event,
      title: 'Salon',
      placeLabel: 'Halle aux grains',
    });
    const movedOut = await createRecord(context, 'events', {
      ...event,
      title: 'Atelier',
      placeOrganisationId: closed.id,
      placeLabel: 'Salle des fêtes',
    });
    await deleteRecord(context, 'organisations', closed.id);
    await createFollowUps(context, [
      { text: 'Envoyer le budget', dueDate: '2026-03-12', visitId: visit.id },
      { text: 'Relancer les inscrits', dueDate: '2026-03-13', eventId: atLieu.id },
      { text: 'Réserver un stand', dueDate: '2026-03-14', eventId: elsewhere.id },
      { text: 'Rendre les clés', dueDate: '2026-03-15', eventId: movedOut.id },
      { text: 'Appeler la région', dueDate: '2026-03-16' },
      { text: 'Déjà fait', visitId: visit.id, done: true },
    ]);

    expect((await openFollowUpsWithPlaces(context)).map((item) => [item.text, item.place])).toEqual([
      ['Envoyer le budget', 'La Fabrique du Marais'],
      ['Relancer les inscrits', 'La Ferme des Possibles'],
      ['Réserver un stand', 'Halle aux grains'],
      ['Rendre les clés', 'Salle des fêtes'],
      ['Appeler la région', null],
    ]);
  });

  test('refuses an empty text', async () => {
    const context = await openTestContext();
    await expect(createFollowUp(context, { text: '   ' })).rejects.toMatchObject({ issues: [{ field: 'text' }] });
  });

  test('added from a page, forgets its draft with it; refused, keeps the draft and stores nothing', async () => {
    const context = await openTestContext();
    const visitId = newId();
    const draftId = followUpDraftId({ visitId });
    await saveDraft(context, { id: draftId, kind: 'visitFollowUp', recordId: visitId, values: { text: ' ' } });

    await expect(addFollowUp(context, { visitId, text: ' ' })).rejects.toMatchObject({ issues: [{ field: 'text' }] });
    expect((await getDraft(context, draftId))?.values).toEqual({ text: ' ' });
    expect(await followUpsOfVisit(context, visitId)).toEqual([]);

    await addFollowUp(context, { visitId, text: 'Envoyer les statuts' });
    expect(await getDraft(context, draftId)).toBeUndefined();
    expect((await followUpsOfVisit(context, visitId)).map((followUp) => followUp.text)).toEqual([
      'Envoyer les statuts',
    ]);
  });
});
