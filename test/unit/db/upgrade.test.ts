// The schema-upgrade path: a database written by the previous version of the schema (opened
// first with a class that declares only that version) opens with today's schema with every
// record, queued change, draft, file and setting intact, and the data layer carries on from it.
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { blobsToUpload } from '../../../src/db/blobs';
import { conflictsOf } from '../../../src/db/conflicts';
import { openDataContext } from '../../../src/db/context';
import { draftFiles, getDraft } from '../../../src/db/drafts';
import {
  countOverdue,
  openFollowUps,
  overdueFollowUps,
  setFollowUpDone,
  visitIdsWithOpenFollowUps,
} from '../../../src/db/follow-ups';
import { INVISIBLE_REBUILD, REBUILD_START } from '../../../src/db/invisible-rebuild';
import { lieuxWithService } from '../../../src/db/map-queries';
import { duplicatesOf, mergeDuplicates, redirectMerged } from '../../../src/db/merge';
import { countTextsToSettle } from '../../../src/db/open-conflicts';
import { readReportData } from '../../../src/db/report-data';
import { SCHEMA_HISTORY, SCHEMA_V1, ValiseDb } from '../../../src/db/schema';
import { applyPulledPage, pendingCount, readPushBatch } from '../../../src/db/sync-store';
import { giveBack, readItem, readToolbox } from '../../../src/db/toolbox';
import { diagnosticsOfVisit } from '../../../src/db/visit-diagnostics';
import { listVisits } from '../../../src/db/visits';
import { updateRecord } from '../../../src/db/writes';
import { newId } from '../../../src/domain/ids';
import { RECORD_TYPES } from '../../../src/domain/record-types';
import { sampleRecords } from '../../fixtures/records';
import { STORED_CLOCK, storedBase } from '../../helpers/stored-record';

/** The schema as release 0.1.0 shipped it: version 1 only. */
class ValiseDbV1 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
  }
}

/** Writes what a device of version 1 holds mid-work: records, an outbox, drafts, a file. */
async function writeVersion1Database(name: string) {
  const db = new ValiseDbV1(name);
  await db.open();
  const samples = sampleRecords();
  const base = { networkId: 'local', createdAt: '2026-11-28T09:00:00.000Z', updatedAt: '2026-11-28T09:00:00.000Z' };
  for (const type of RECORD_TYPES) {
    await db
      .table(type)
      .add({ ...base, updatedBy: 'Dominique', deleted: false, ...samples[type], hlc: { '*': STORED_CLOCK } });
  }
  await db.table('outbox').bulkAdd([
    ...RECORD_TYPES.map((type, index) => ({
      mutationId: `0195e7a0-0000-7000-8000-${String(index).padStart(12, '0')}`,
      type,
      recordIds: [samples[type].id],
      fields: null,
      createdAt: base.createdAt,
    })),
    {
      mutationId: '0195e7a0-0000-7000-8000-999999999999',
      type: 'visits',
      recordIds: [samples.visits.id],
      fields: ['notes', 'updatedAt', 'updatedBy'],
      base: { notes: STORED_CLOCK },
      createdAt: base.createdAt,
    },
  ]);
  const draft = { id: 'visit-new-1', kind: 'visit', recordId: null, values: { notes: 'Saisie en cours' } };
  await db.table('drafts').bulkAdd([
    { ...draft, updatedAt: base.createdAt },
    {
      id: 'visit-new-1-files',
      kind: 'files',
      recordId: null,
      values: { files: [{ name: 'photo.jpg' }] },
      updatedAt: base.createdAt,
    },
  ]);
  const bytes = new Uint8Array([1, 2, 3, 4]).buffer;
  await db
    .table('blobs')
    .add({ sha256: 'a'.repeat(64), data: bytes, mimeType: 'image/jpeg', size: 4, state: 'pending' });
  await db.table('meta').bulkAdd([
    { key: 'identity', value: { clockNode: '1f2e3d4c5b6a7988', authorName: 'Dominique' } },
    { key: 'cursor', value: 42 },
  ]);
  const snapshot: Record<string, unknown[]> = {};
  for (const table of db.tables) snapshot[table.name] = await table.toArray();
  db.close();
  return { samples, snapshot };
}

describe('opening a database of the previous schema version with today’s', () => {
  test('keeps every record, queued change, draft, file and setting, and the device carries on', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const { samples, snapshot } = await writeVersion1Database(name);
    expect(snapshot.outbox).toHaveLength(RECORD_TYPES.length + 1);

    const context = await openDataContext({ name });
    expect(context.db.verno).toBe(new ValiseDb(`probe-${name}`).verno);
    // Besides, version 15 notes work for once the app runs (invisible-rebuild.ts).
    const noted = { key: INVISIBLE_REBUILD, value: REBUILD_START };
    for (const [table, rows] of Object.entries(snapshot)) {
      const expected = table === 'meta' ? [...rows, noted] : rows;
      expect(await context.db.table(table).toArray(), `table ${table}`).toEqual(expected);
    }
    expect(await context.db.unknownRecords.count()).toBe(0);
    // Indexes added since version 1 cover the records written before them.
    expect([...(await lieuxWithService(context, 'detect'))]).toEqual([samples.organisations.id]);
    expect((await listVisits(context, { limit: 10, service: 'detect' })).map((row) => row.visit.id)).toEqual([
      samples.visits.id,
    ]);
    expect((await readItem(context, samples.toolboxItems.id))?.usedBy.map((list) => list.id)).toEqual([
      samples.packingLists.id,
    ]);

    // What was waiting goes on: the queued changes are pushed, the draft and its photo reopen,
    // the file is still to upload, and a new edit queues on top.
    expect(await pendingCount(context)).toBe(RECORD_TYPES.length + 1);
    const batch = await readPushBatch(context, 500);
    expect(batch.mutations).toHaveLength(RECORD_TYPES.length + 1);
    expect((await getDraft(context, 'visit-new-1'))?.values).toEqual({ notes: 'Saisie en cours' });
    expect(await draftFiles(context, 'visit-new-1')).toEqual([{ name: 'photo.jpg' }]);
    expect(await blobsToUpload(context)).toEqual(['a'.repeat(64)]);
    // Visits written before the search kept its text on disk are found, by their text and their lieu.
    expect((await listVisits(context, { limit: 10, query: 'premier rendez' })).map((row) => row.visit.id)).toEqual([
      samples.visits.id,
    ]);
    expect(await listVisits(context, { limit: 10, query: 'forge possibles' })).toHaveLength(1);
    await updateRecord(context, 'visits', samples.visits.id, { purpose: 'Suite de la visite' });
    expect(await pendingCount(context)).toBe(RECORD_TYPES.length + 2);
    context.db.close();
  });
});

describe('a lieu merged before the upgrade', () => {
  test('still takes the visits a later pull brings against it to the kept lieu', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const { samples } = await writeVersion1Database(name);
    const db = new ValiseDbV1(name);
    const merged = { ...samples.organisations, id: newId(), name: 'La Forge', deleted: true };
    await db
      .table('organisations')
      .add({ ...merged, mergedInto: samples.organisations.id, hlc: { '*': STORED_CLOCK } });
    db.close();

    const context = await openDataContext({ name });
    const visit = { ...samples.visits, id: newId(), organisationId: merged.id, networkId: 'local' };
    const data = {
      ...visit,
      deleted: false,
      createdAt: STORED_CLOCK.slice(0, 24),
      updatedAt: STORED_CLOCK.slice(0, 24),
    };
    await applyPulledPage(context, [{ type: 'visits', id: visit.id, seq: 1, data, clocks: { '*': STORED_CLOCK } }], 1);
    await redirectMerged(context);
    expect((await context.db.records('visits').get(visit.id))?.organisationId).toBe(samples.organisations.id);
    context.db.close();
  });
});

/** The schema as version 8 left it: no key yet for open follow-ups and loans. */
class ValiseDbV8 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(8).stores({
      ...SCHEMA_V1,
      organisations: 'id, name, mergedInto',
      contacts: 'id, name, *organisationIds, mergedInto',
      visits: 'id, visitedAt, organisationId, *serviceDays',
      packingLists: 'id, templateId, *itemIds',
      unknownRecords: '[type+id], type',
      searchSegments: '++seq, table',
      searchWords: 'key',
    });
  }
}

describe('follow-ups and loans written by version 8', () => {
  test('are counted and listed as open or not, as before the upgrade, and go on from there', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const db = new ValiseDbV8(name);
    await db.open();
    const base = storedBase();
    const visitId = newId();
    const followUp = (text: string, dueDate: string | null, done: boolean, deleted = false) => ({
      ...base,
      id: newId(),
      text,
      dueDate,
      done,
      deleted,
      visitId,
      services: [],
    });
    const late = followUp('En retard', '2026-03-10', false);
    const undated = followUp('Sans date', null, false);
    await db
      .table('followUps')
      .bulkAdd([
        late,
        undated,
        followUp('Fait', '2026-03-01', true),
        followUp('Supprimé', '2026-03-01', false, true),
        followUp('Plus tard', '2026-04-01', false),
      ]);
    const loan = (holderName: string, returnedAt: string | null) => ({
      ...base,
      id: newId(),
      deleted: false,
      itemId: newId(),
      holderName,
      count: 1,
      borrowedAt: base.createdAt,
      returnedAt,
    });
    const held = loan('Camille', null);
    await db.table('loans').bulkAdd([held, loan('Hugo', base.updatedAt)]);
    db.close();

    const context = await openDataContext({ name });
    const today = '2026-03-11';
    expect(await countOverdue(context, today)).toBe(1);
    expect((await overdueFollowUps(context, today)).map((item) => item.text)).toEqual(['En retard']);
    expect((await openFollowUps(context)).map((item) => item.text)).toEqual(['En retard', 'Plus tard', 'Sans date']);
    expect(await visitIdsWithOpenFollowUps(context)).toEqual(new Set([visitId]));
    expect((await readToolbox(context)).loans.map((open) => open.id)).toEqual([held.id]);
    // Edits after the upgrade move them in and out of the lists.
    await setFollowUpDone(context, late.id, true);
    expect(await countOverdue(context, today)).toBe(0);
    await updateRecord(context, 'followUps', undated.id, { dueDate: '2026-03-02' });
    expect((await overdueFollowUps(context, today)).map((item) => item.text)).toEqual(['Sans date']);
    await giveBack(context, held.id);
    expect((await readToolbox(context)).loans).toEqual([]);
    context.db.close();
  });
});

/** The schema as version 10 left it: nothing yet for a merge to find the records naming a person by. */
class ValiseDbV10 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(10).stores({
      ...SCHEMA_V1,
      organisations: 'id, name, mergedInto',
      contacts: 'id, name, *organisationIds, mergedInto',
      visits: 'id, visitedAt, organisationId, *serviceDays',
      followUps: 'id, visitId, eventId, openDue',
      loans: 'id, itemId, openItemId',
      packingLists: 'id, templateId, *itemIds',
      blobs: 'sha256, state, [state+size]',
      unknownRecords: '[type+id], type',
      searchSegments: '++seq, table',
      searchWords: 'key',
    });
  }
}

describe('visits, events, follow-ups and loans written by version 10', () => {
  test('a person’s page lists her visits and a merge moves all that names her, as before the upgrade', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const db = new ValiseDbV10(name);
    await db.open();
    const base = storedBase();
    const kept = { ...base, id: newId(), name: 'Élise Martin', organisationIds: [], tags: [] };
    const merged = { ...base, id: newId(), name: 'Elise Martin', organisationIds: [], tags: [] };
    await db.table('contacts').bulkAdd([kept, merged]);
    const visit = { ...base, id: newId(), visitedAt: base.createdAt, contactIds: [merged.id], services: [] };
    await db.table('visits').add(visit);
    const event = {
      ...base,
      ...sampleRecords().events,
      attendees: { [merged.id]: { name: 'Elise Martin', status: 'present' } },
    };
    await db.table('events').add(event);
    const followUp = { ...base, id: newId(), text: 'Rappeler', owner: 'Elise Martin', done: false, services: [] };
    await db.table('followUps').add(followUp);
    const loan = {
      ...base,
      id: newId(),
      itemId: newId(),
      holderName: 'Elise Martin',
      count: 1,
      borrowedAt: base.createdAt,
      returnedAt: null,
    };
    await db.table('loans').add(loan);
    db.close();

    const context = await openDataContext({ name });
    expect((await listVisits(context, { contactId: merged.id, limit: 20 })).map((row) => row.visit.id)).toEqual([
      visit.id,
    ]);
    await mergeDuplicates(context, 'contacts', kept.id, 'contacts', merged.id, {});
    expect((await listVisits(context, { contactId: kept.id, limit: 20 })).map((row) => row.visit.id)).toEqual([
      visit.id,
    ]);
    expect(Object.keys((await context.db.records('events').get(event.id))?.attendees ?? {})).toEqual([kept.id]);
    expect((await context.db.records('followUps').get(followUp.id))?.owner).toBe('Élise Martin');
    expect((await context.db.records('loans').get(loan.id))?.holderName).toBe('Élise Martin');
    context.db.close();
  });
});

/** The stores of version 11: no duplicate keys on lieux and people yet. */
const STORES_V11 = {
  ...SCHEMA_V1,
  organisations: 'id, name, mergedInto',
  contacts: 'id, name, *organisationIds, mergedInto',
  visits: 'id, visitedAt, organisationId, *serviceDays, *contactIds',
  events: 'id, startsAt, placeOrganisationId, *attendeeIds',
  followUps: 'id, visitId, eventId, openDue, owner',
  loans: 'id, itemId, openItemId, holderName',
  packingLists: 'id, templateId, *itemIds',
  blobs: 'sha256, state, [state+size]',
  unknownRecords: '[type+id], type',
  searchSegments: '++seq, table',
  searchWords: 'key',
};

/** The schema as version 11 left it. */
class ValiseDbV11 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(11).stores(STORES_V11);
  }
}

describe('lieux and people written by version 11', () => {
  test('show their likely duplicates on their pages, as before the upgrade', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const db = new ValiseDbV11(name);
    await db.open();
    const base = storedBase();
    const person = (name: string, email: string | null) => ({
      ...base,
      id: newId(),
      name,
      email,
      organisationIds: [],
      tags: [],
    });
    const helene = person('Hélène Durand', null);
    const copy = person('H. Durand', 'helene@exemple.fr');
    await db.table('contacts').bulkAdd([helene, copy, person('helene durand', 'HELENE@exemple.fr')]);
    const lieu = (name: string, commune: string) => ({ ...base, id: newId(), name, kind: 'tiers_lieu', commune });
    const grange = lieu('La Grange', 'Redon');
    await db.table('organisations').bulkAdd([grange, lieu('la grange', 'Redon'), lieu('La Grange', 'Vitré')]);
    db.close();

    const context = await openDataContext({ name });
    const names = async (type: 'contacts' | 'organisations', id: string) =>
      (await duplicatesOf(context, type, id)).map(({ record, reason }) => `${record.name} (${reason})`);
    expect(await names('contacts', helene.id)).toEqual(['helene durand (name)']);
    expect(await names('contacts', copy.id)).toEqual(['helene durand (email)']);
    expect(await names('organisations', grange.id)).toEqual(['la grange (name_commune)']);
    context.db.close();
  });
});

/** The stores of version 12: follow-ups not yet indexed by when they were done. */
const STORES_V12 = {
  ...STORES_V11,
  organisations: 'id, name, mergedInto, *duplicateKeys',
  contacts: 'id, name, *organisationIds, mergedInto, *duplicateKeys',
};

/** The schema as version 12 left it. */
class ValiseDbV12 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(12).stores(STORES_V12);
  }
}

describe('follow-ups written by version 12', () => {
  test('a report holds the open ones and those done in its period, as before the upgrade', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const db = new ValiseDbV12(name);
    await db.open();
    const base = {
      ...storedBase(),
      createdAt: '2025-02-01T09:00:00.000Z',
      updatedAt: '2026-03-20T09:00:00.000Z',
      services: [],
    };
    const followUp = (text: string, doneAt: string | null) => ({
      ...base,
      id: newId(),
      text,
      done: doneAt !== null,
      doneAt,
      ...(doneAt === null ? { openDue: '' } : {}),
    });
    await db
      .table('followUps')
      .bulkAdd([
        followUp('Ouvert', null),
        followUp('Fait en mars', '2026-03-12T10:00:00.000Z'),
        followUp('Fait l’an passé', '2025-06-01T10:00:00.000Z'),
      ]);
    db.close();

    const context = await openDataContext({ name });
    const data = await readReportData(context, { from: '2026-03-01', to: '2026-03-31' });
    expect(data.followUps.map((item) => item.text).sort()).toEqual(['Fait en mars', 'Ouvert']);
    context.db.close();
  });
});

/** The schema as version 13 left it: diagnostics not yet indexed by the visit they were made during. */
class ValiseDbV13 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(13).stores({ ...STORES_V12, followUps: 'id, visitId, eventId, openDue, owner, doneAt' });
  }
}

describe('diagnostics written by version 13', () => {
  test('a visit’s page finds the diagnostic made during it, as before the upgrade', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const db = new ValiseDbV13(name);
    await db.open();
    const { diagnostics } = sampleRecords();
    const visitId = newId();
    const during = { ...diagnostics, id: newId(), visitId, hlc: { '*': STORED_CLOCK } };
    await db.table('diagnostics').bulkAdd([during, { ...during, id: newId(), visitId: null }]);
    db.close();

    const context = await openDataContext({ name });
    const found = await diagnosticsOfVisit(context, { id: visitId, diagnosticId: null });
    expect(found.map(({ diagnostic }) => diagnostic.id)).toEqual([during.id]);
    context.db.close();
  });
});

/** The schema as version 15 left it: conflicts indexed by their record, settled or not. */
class ValiseDbV15 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(15).stores(Object.assign({}, ...SCHEMA_HISTORY.slice(0, 15)));
  }
}

describe('conflicts written by version 15', () => {
  test('the open ones are counted and shown on their record, the settled ones kept, as before the upgrade', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const db = new ValiseDbV15(name);
    await db.open();
    const { conflicts } = sampleRecords();
    const open = { ...storedBase(), ...conflicts };
    const settled = { ...open, id: newId(), deleted: true };
    await db.table('conflicts').bulkAdd([open, settled]);
    db.close();

    const context = await openDataContext({ name });
    expect(await countTextsToSettle(context)).toBe(1);
    expect((await conflictsOf(context, open.recordId)).map((conflict) => conflict.id)).toEqual([open.id]);
    expect(await context.db.records('conflicts').toArray()).toEqual(expect.arrayContaining([open, settled]));
    context.db.close();
  });
});

/** A test-only next version: a new multi-entry index, as a future feature would add. */
class ValiseDbNext extends ValiseDb {
  constructor(name: string) {
    super(name);
    this.version(this.verno + 1).stores({
      visits: 'id, visitedAt, organisationId, updatedAt, *serviceDays, *contactIds, *services',
    });
  }
}

describe('a later version adding an index', () => {
  test('answers queries on the new index over records written before the upgrade', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const { samples } = await writeVersion1Database(name);
    const upgraded = new ValiseDbNext(name);
    await upgraded.open();
    const service = (samples.visits.services ?? [])[0] as string;
    const visitsOfService = await upgraded.records('visits').where('services').equals(service).toArray();
    expect(visitsOfService.map((visit) => visit.id)).toEqual([samples.visits.id]);
    upgraded.close();
  });
});
