// A merge finds what points at the merged lieu or person through indexes (schema version 11):
// every live record naming it moves to the kept one, and nothing else is touched — records
// naming someone else, deleted ones, and follow-ups and loans under other names.
import { describe, expect, test } from 'vitest';
import type { DataContext } from '../../../src/db/context';
import { mergeDuplicates, noteMergeCandidates, redirectMerged } from '../../../src/db/merge';
import { listVisits } from '../../../src/db/visits';
import { createRecord, deleteRecord, setMapEntries, updateRecord } from '../../../src/db/writes';
import type { Change } from '../../../src/protocol/wire';
import { openTestContext } from '../../helpers/db';

const eventAt = (placeOrganisationId: string | null, attendees: Record<string, unknown>) => ({
  title: 'Rencontre régionale',
  kind: 'network_meeting' as const,
  startsAt: '2026-04-01T07:30:00.000Z',
  endsAt: '2026-04-01T15:00:00.000Z',
  placeOrganisationId,
  attendees: attendees as never,
});
const lend = (context: DataContext, holderName: string) =>
  createRecord(context, 'loans', {
    itemId: '01936f5e-7a3b-7c00-8000-00000000a001',
    holderName,
    count: 1,
    borrowedAt: '2026-03-28T10:00:00.000Z',
  });
const visitWith = (context: DataContext, contactIds: string[], purpose: string) =>
  createRecord(context, 'visits', { visitedAt: '2026-03-02T10:00:00.000Z', contactIds, purpose });

describe('merging two people', () => {
  test('moves her visits, check-ins, follow-ups and loans to the kept person, and nothing else', async () => {
    const context = await openTestContext();
    const kept = await createRecord(context, 'contacts', { name: 'Élise Martin' });
    const merged = await createRecord(context, 'contacts', { name: 'Elise Martin' });
    const other = await createRecord(context, 'contacts', { name: 'Hugo Bernard' });
    const both = await visitWith(context, [merged.id, other.id], 'Avec Hugo');
    const alone = await visitWith(context, [merged.id], 'Seule');
    const hugos = await visitWith(context, [other.id], 'Hugo seul');
    const gone = await visitWith(context, [merged.id], 'Supprimée');
    await deleteRecord(context, 'visits', gone.id);
    const checkedIn = await createRecord(
      context,
      'events',
      eventAt(null, { [merged.id]: { name: 'Elise Martin', status: 'present' } }),
    );
    const checkedOut = await createRecord(
      context,
      'events',
      eventAt(null, { [merged.id]: { name: 'Elise Martin', status: 'present' } }),
    );
    // Checked out again before the merge: the event no longer names her.
    await setMapEntries(context, 'events', checkedOut.id, 'attendees', { [merged.id]: null });
    const hers = await createRecord(context, 'followUps', { text: 'Rappeler', owner: 'Elise Martin', done: false });
    const done = await createRecord(context, 'followUps', { text: 'Envoyer', owner: 'Elise Martin', done: true });
    const his = await createRecord(context, 'followUps', { text: 'Relancer', owner: 'Hugo Bernard', done: false });
    const loan = await lend(context, 'Elise Martin');
    const hisLoan = await lend(context, 'Hugo Bernard');

    await mergeDuplicates(context, 'contacts', kept.id, 'contacts', merged.id, {});

    const visits = context.db.records('visits');
    expect((await visits.get(both.id))?.contactIds).toEqual([kept.id, other.id]);
    expect((await visits.get(alone.id))?.contactIds).toEqual([kept.id]);
    expect((await visits.get(hugos.id))?.contactIds).toEqual([other.id]);
    expect((await visits.get(gone.id))?.contactIds).toEqual([merged.id]);
    expect(Object.keys((await context.db.records('events').get(checkedIn.id))?.attendees ?? {})).toEqual([kept.id]);
    expect((await context.db.records('events').get(checkedOut.id))?.attendees).toEqual({});
    const owners = await context.db.records('followUps').bulkGet([hers.id, done.id, his.id]);
    expect(owners.map((followUp) => followUp?.owner)).toEqual(['Élise Martin', 'Élise Martin', 'Hugo Bernard']);
    const holders = await context.db.records('loans').bulkGet([loan.id, hisLoan.id]);
    expect(holders.map((held) => held?.holderName)).toEqual(['Élise Martin', 'Hugo Bernard']);
    // Her page lists the visits she was met at, by the index the merge moved them in.
    expect(
      (await listVisits(context, { contactId: kept.id, limit: 20 })).map((row) => row.visit.purpose).sort(),
    ).toEqual(['Avec Hugo', 'Seule']);
    expect(await listVisits(context, { contactId: merged.id, limit: 20 })).toEqual([]);
  });

  test('taking the merged person’s name moves the kept person’s follow-ups and loans to it', async () => {
    const context = await openTestContext();
    const kept = await createRecord(context, 'contacts', { name: 'Élise' });
    const merged = await createRecord(context, 'contacts', { name: 'Élise Martin' });
    const followUp = await createRecord(context, 'followUps', { text: 'Rappeler', owner: 'Élise', done: false });
    const loan = await lend(context, 'Élise');
    await mergeDuplicates(context, 'contacts', kept.id, 'contacts', merged.id, { name: 'merged' });
    expect((await context.db.records('followUps').get(followUp.id))?.owner).toBe('Élise Martin');
    expect((await context.db.records('loans').get(loan.id))?.holderName).toBe('Élise Martin');
  });

  test('merged on another device: the visits and check-ins this one holds move when the tombstone is pulled', async () => {
    const context = await openTestContext();
    const kept = await createRecord(context, 'contacts', { name: 'Élise Martin' });
    const merged = await createRecord(context, 'contacts', { name: 'Elise Martin' });
    const visit = await visitWith(context, [merged.id], 'Hors ligne');
    const event = await createRecord(
      context,
      'events',
      eventAt(null, { [merged.id]: { name: 'Elise Martin', status: 'present' } }),
    );
    const followUp = await createRecord(context, 'followUps', { text: 'Rappeler', owner: 'Elise Martin', done: false });
    // The tombstone as a pull writes it, then notes it for the redirect after the pull's last page.
    await updateRecord(context, 'contacts', merged.id, { deleted: true, mergedInto: kept.id }, { tombstones: true });
    const tombstone = { type: 'contacts', id: merged.id, data: { mergedInto: kept.id } } as unknown as Change;
    const { db } = context;
    await db.transaction('rw', [db.meta, db.records('contacts'), db.records('organisations')], () =>
      noteMergeCandidates(context, [tombstone]),
    );

    await redirectMerged(context);

    expect((await context.db.records('visits').get(visit.id))?.contactIds).toEqual([kept.id]);
    expect(Object.keys((await context.db.records('events').get(event.id))?.attendees ?? {})).toEqual([kept.id]);
    expect((await context.db.records('followUps').get(followUp.id))?.owner).toBe('Élise Martin');
  });
});

describe('merging two lieux', () => {
  test('moves the events hosted there, not those of another lieu nor deleted ones', async () => {
    const context = await openTestContext();
    const kept = await createRecord(context, 'organisations', { name: 'La Grange', kind: 'tiers_lieu' });
    const merged = await createRecord(context, 'organisations', { name: 'La grange', kind: 'tiers_lieu' });
    const other = await createRecord(context, 'organisations', { name: 'Le Moulin', kind: 'tiers_lieu' });
    const hosted = await createRecord(context, 'events', eventAt(merged.id, {}));
    const elsewhere = await createRecord(context, 'events', eventAt(other.id, {}));
    const cancelled = await createRecord(context, 'events', eventAt(merged.id, {}));
    await deleteRecord(context, 'events', cancelled.id);

    await mergeDuplicates(context, 'organisations', kept.id, 'organisations', merged.id, {});

    const events = await context.db.records('events').bulkGet([hosted.id, elsewhere.id, cancelled.id]);
    expect(events.map((event) => event?.placeOrganisationId)).toEqual([kept.id, other.id, merged.id]);
  });
});
