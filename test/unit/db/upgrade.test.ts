// The schema-upgrade path: a database written by version 1 of the schema opens in a later
// version with every record, every queued change and every setting intact.
import { describe, expect, test } from 'vitest';
import { openDataContext } from '../../../src/db/context';
import { setAuthorName } from '../../../src/db/identity';
import { ValiseDb } from '../../../src/db/schema';
import { createRecord, updateRecord } from '../../../src/db/writes';
import { RECORD_TYPES } from '../../../src/domain/record-types';
import { sampleRecords } from '../../fixtures/records';

/** A test-only version 2: a new multi-entry index, as a future feature would add. */
class ValiseDbV2 extends ValiseDb {
  constructor(name: string) {
    super(name);
    this.version(2).stores({ visits: 'id, visitedAt, organisationId, updatedAt, *services, *contactIds' });
  }
}

/** Writes the version-1 fixture through the real data layer: one record of every type. */
async function writeVersion1Fixture(name: string) {
  const context = await openDataContext({ name });
  expect(context.db.verno).toBe(1);
  await setAuthorName(context, 'Dominique Le Gall');
  const samples = sampleRecords();
  for (const type of RECORD_TYPES) await createRecord(context, type, samples[type] as never);
  await updateRecord(context, 'visits', samples.visits.id, { notes: 'Notes reprises après la visite.' });

  const snapshot: Record<string, unknown[]> = {};
  for (const table of context.db.tables) snapshot[table.name] = await table.toArray();
  context.db.close();
  return { samples, snapshot };
}

describe('opening a version-1 database with version 2 of the schema', () => {
  test('keeps every record of every type, the outbox and the meta entries', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const { snapshot } = await writeVersion1Fixture(name);
    expect(Object.keys(snapshot)).toHaveLength(RECORD_TYPES.length + 5);
    for (const type of RECORD_TYPES) expect(snapshot[type], type).toHaveLength(1);
    expect(snapshot.outbox).toHaveLength(RECORD_TYPES.length + 1);

    const upgraded = new ValiseDbV2(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    for (const table of upgraded.tables) {
      expect(await table.toArray(), `table ${table.name}`).toEqual(snapshot[table.name]);
    }
    upgraded.close();
  });

  test('answers queries on the new index over records written before the upgrade', async () => {
    const name = `upgrade-${Math.random().toString(36).slice(2)}`;
    const { samples } = await writeVersion1Fixture(name);

    const upgraded = new ValiseDbV2(name);
    await upgraded.open();
    const visitsWithContact = await upgraded
      .records('visits')
      .where('contactIds')
      .equals(samples.contacts.id)
      .toArray();
    expect(visitsWithContact.map((visit) => visit.id)).toEqual([samples.visits.id]);
    upgraded.close();
  });
});
