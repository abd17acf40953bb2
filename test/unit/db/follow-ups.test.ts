import { describe, expect, test } from 'vitest';
import {
  countOverdue,
  createFollowUp,
  createFollowUps,
  followUpsOfEvent,
  followUpsOfVisit,
  openFollowUps,
  overdueFollowUps,
  setFollowUpDone,
  visitIdsWithOpenFollowUps,
} from '../../../src/db/follow-ups';
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

  test('refuses an empty text', async () => {
    const context = await openTestContext();
    await expect(createFollowUp(context, { text: '   ' })).rejects.toMatchObject({ issues: [{ field: 'text' }] });
  });
});
