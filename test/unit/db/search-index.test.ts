// The search's on-disk text (src/db/search-index.ts) follows every way a visit, lieu or person
// is written, so that a new session's first search reads it instead of every record.
import { describe, expect, test } from 'vitest';
import { createContact } from '../../../src/db/contacts';
import { openDataContext } from '../../../src/db/context';
import { createOrganisation } from '../../../src/db/organisations';
import { compactSearchNames, readSearchColumns } from '../../../src/db/search-columns';
import type { SearchedTable } from '../../../src/db/search-index';
import { applyPulledPage, leaveNetwork } from '../../../src/db/sync-store';
import { deleteVisit, listVisits } from '../../../src/db/visits';
import { createRecord, createRecords, deleteRecord, updateRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';

const at = (day: string) => new Date(`${day}T10:00:00`).toISOString();
const clock = '2026-11-28T09:00:00.000Z-0000-1f2e3d4c5b6a7988';

/** A visit as a pulled page brings it. */
function pulledVisit(index: number, day: string, notes: string) {
  const id = `pulled-${index}`;
  const data = {
    id,
    visitedAt: at(day),
    notes,
    services: [],
    contactIds: [],
    organisationId: null,
    networkId: 'local',
    deleted: false,
    createdAt: clock.slice(0, 24),
    updatedAt: clock.slice(0, 24),
  };
  return { type: 'visits', id, seq: index, data, clocks: { '*': clock } };
}
const TABLES: SearchedTable[] = ['organisations', 'contacts', 'visits'];

describe('the search’s text kept on disk', () => {
  test('follows visits created, imported, edited, deleted and removed, newest first', async () => {
    const context = await openTestContext();
    const first = await createRecord(context, 'visits', {
      visitedAt: at('2026-03-01'),
      notes: 'Atelier vélo',
      services: ['detect'],
    });
    await createRecords(context, 'visits', [
      { visitedAt: at('2026-03-03'), purpose: 'Café des Possibles', services: [], contactIds: [] },
      { visitedAt: at('2026-03-02'), placeLabel: 'Saint-Étienne', services: [], contactIds: [] },
    ]);
    await updateRecord(context, 'visits', first.id, { notes: 'Atelier couture' });
    const gone = await createRecord(context, 'visits', { visitedAt: at('2026-03-04'), notes: 'Supprimée' });
    await deleteVisit(context, gone.id);

    const columns = await readSearchColumns(context.db.searchSegments, 'visits');
    expect(columns.texts).toEqual(['cafe des possibles', 'saint etienne', 'atelier couture']);
    expect(columns.facets[2]).toBe('\tdetect\t\t');

    // Removed without a soft delete (what a restore's wipe does): gone from the search too.
    await context.db.records('visits').where('visitedAt').below(at('2026-03-03')).delete();
    expect((await readSearchColumns(context.db.searchSegments, 'visits')).texts).toEqual(['cafe des possibles']);
    await context.db.records('visits').clear();
    expect((await readSearchColumns(context.db.searchSegments, 'visits')).ids).toEqual([]);
  });

  test('keeps the text of a visit as stored when a write of the same id was refused and the refusal caught', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', { visitedAt: at('2026-03-01'), notes: 'Atelier vélo' });
    const visits = context.db.records('visits');
    const stored = await visits.get(visit.id);
    if (!stored) throw new Error('the visit was not stored');
    // The text goes to disk with the records, before IndexedDB says the add was refused.
    await context.db.transaction('rw', visits, async () => {
      const refused = await visits.bulkAdd([{ ...stored, notes: 'Jardin partagé' }]).catch((error: Error) => error);
      expect(refused).toBeInstanceOf(Error);
    });

    expect((await visits.get(visit.id))?.notes).toBe('Atelier vélo');
    expect((await readSearchColumns(context.db.searchSegments, 'visits')).texts).toEqual(['atelier velo']);
    expect(await listVisits(context, { limit: 10, query: 'jardin' })).toEqual([]);
  });

  test('keeps the names of live lieux and people, and reads the same once its segments are merged', async () => {
    const context = await openTestContext();
    await createOrganisation(context, { name: 'Équipe du Moulin', kind: 'tiers_lieu' });
    await createContact(context, { name: 'Hélène Durand' });
    await createContact(context, { name: 'Yves Le Gall' });
    const segments = context.db.searchSegments;
    expect((await readSearchColumns(segments, 'organisations')).texts).toEqual(['equipe du moulin']);
    const people = await readSearchColumns(segments, 'contacts');
    expect(people.texts).toEqual(['helene durand', 'yves le gall']);

    expect(await segments.where('table').equals('contacts').count()).toBe(2);
    expect(await readSearchColumns(segments, 'contacts', 1)).toEqual(people);
    expect(await segments.where('table').equals('contacts').count()).toBe(1);
    expect(await readSearchColumns(segments, 'contacts')).toEqual(people);
  });

  test('after a pull, keeps the names of lieux and people as one segment each, and the visits as written', async () => {
    const context = await openTestContext();
    const lieu = await createOrganisation(context, { name: 'Équipe du Moulin', kind: 'tiers_lieu' });
    await createOrganisation(context, { name: 'La Forge', kind: 'tiers_lieu' });
    await deleteRecord(context, 'organisations', lieu.id);
    await createContact(context, { name: 'Hélène Durand' });
    await createContact(context, { name: 'Yves Le Gall' });
    await createRecord(context, 'visits', { visitedAt: at('2026-03-01'), notes: 'Atelier' });
    await createRecord(context, 'visits', { visitedAt: at('2026-03-02'), notes: 'Café' });
    const segments = context.db.searchSegments;
    const before = await Promise.all(TABLES.map((table) => readSearchColumns(segments, table)));

    await compactSearchNames(segments, 1);
    expect(await Promise.all(TABLES.map((table) => segments.where('table').equals(table).count()))).toEqual([1, 1, 2]);
    expect(await Promise.all(TABLES.map((table) => readSearchColumns(segments, table)))).toEqual(before);
  });

  test('knows the words of pulled pages and of a device wiped in another tab and used again, and a word of none finds nothing', async () => {
    const context = await openTestContext();
    await applyPulledPage(context, [pulledVisit(1, '2026-03-05', 'Jardin partagé')], 1);
    expect((await listVisits(context, { limit: 10, query: 'partag' })).map((row) => row.visit.id)).toEqual([
      'pulled-1',
    ]);
    expect(await listVisits(context, { limit: 10, query: 'jardin potager' })).toEqual([]);
    // Found in the list of words by this write: this tab need not look « jardin » up again.
    await createRecord(context, 'visits', { visitedAt: at('2026-03-05'), notes: 'Jardin' });

    const otherTab = await openDataContext({ name: context.db.name });
    await leaveNetwork(otherTab, { wipe: true });
    otherTab.db.close();
    expect(await listVisits(context, { limit: 10, query: 'jardin' })).toEqual([]);
    await createRecord(context, 'visits', { visitedAt: at('2026-03-06'), notes: 'Jardin des Pionniers' });
    expect((await listVisits(context, { limit: 10, query: 'jardin pionnier' })).map((row) => row.visit.notes)).toEqual([
      'Jardin des Pionniers',
    ]);
  });

  test('knows a word this tab found before another tab wiped the device, when two writes start together after it', async () => {
    const context = await openTestContext();
    await createRecord(context, 'visits', { visitedAt: at('2026-03-05'), notes: 'Jardin' });
    // Found in the list of words by this write: this tab remembers « jardin ».
    await createRecord(context, 'visits', { visitedAt: at('2026-03-05'), notes: 'Jardin partagé' });

    const otherTab = await openDataContext({ name: context.db.name });
    await leaveNetwork(otherTab, { wipe: true });
    otherTab.db.close();
    // The second write takes « jardin » as known as it is issued, before the first one's
    // transaction has read that the list was emptied.
    await Promise.all([
      createRecord(context, 'visits', { visitedAt: at('2026-03-06'), notes: 'Potager' }),
      createRecord(context, 'visits', { visitedAt: at('2026-03-07'), notes: 'Jardin des Pionniers' }),
    ]);
    expect((await listVisits(context, { limit: 10, query: 'jardin' })).map((row) => row.visit.notes)).toEqual([
      'Jardin des Pionniers',
    ]);
  });

  test('keeps a pulled page of many visits searchable, its text in one segment and each word once', async () => {
    const context = await openTestContext();
    const page = Array.from({ length: 120 }, (_, index) =>
      pulledVisit(index, `2026-03-${String((index % 28) + 1).padStart(2, '0')}`, `Atelier numéro ${index}`),
    );
    page[119] = pulledVisit(119, '2026-03-01', 'Atelier réparation');
    // 120 visits: written as three slices (sync-store.ts), which share one segment.
    await applyPulledPage(context, page, 120);

    expect((await listVisits(context, { limit: 10, query: 'repar' })).map((row) => row.visit.id)).toEqual([
      'pulled-119',
    ]);
    expect((await readSearchColumns(context.db.searchSegments, 'visits')).ids).toHaveLength(120);
    expect(await context.db.searchSegments.count()).toBe(1);
    const words = await context.db.searchWords.toCollection().primaryKeys();
    expect(words.filter((key) => key === 'visits\tatelier')).toHaveLength(1);
    expect(words).toContain('visits\t118');
  });
});
