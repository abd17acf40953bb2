import { describe, expect, test } from 'vitest';
import { readPushBatch, settlePush } from '../../../src/db/sync-store';
import { createRecords } from '../../../src/db/writes';
import { sampleRecords } from '../../fixtures/records';
import { openTestContext } from '../../helpers/db';

describe('an outbox entry of several records, pushed in parts', () => {
  test('gives each record the same mutation id in every push, down to the last one left', async () => {
    const context = await openTestContext();
    const base = sampleRecords().contacts;
    const contacts = await createRecords(
      context,
      'contacts',
      ['Ada', 'Basile', 'Chloé'].map((firstName) => ({ ...base, id: undefined, firstName })),
    );
    const firstIds = (await readPushBatch(context, 3)).mutations.map((mutation) => mutation.id);

    // Two go, and the server answers them; the third waits for the next push.
    const part = await readPushBatch(context, 2);
    await settlePush(
      context,
      part,
      part.mutations.map((mutation) => ({ id: mutation.id, status: 'applied' as const })),
    );
    const rest = await readPushBatch(context, 3);

    expect(rest.mutations.map((mutation) => mutation.recordId)).toEqual([contacts[2]?.id]);
    expect(rest.mutations.map((mutation) => mutation.id)).toEqual([firstIds[2]]);
  });
});

describe('a batch read while the one before it is in flight', () => {
  test('holds what a fresh read after settling that one would: no record twice, none skipped', async () => {
    const context = await openTestContext();
    const base = sampleRecords().contacts;
    const names = ['Ada', 'Basile', 'Chloé', 'Denis', 'Emma'];
    await createRecords(
      context,
      'contacts',
      names.map((name) => ({ ...base, id: undefined, name })),
    );
    await createRecords(context, 'contacts', [{ ...base, id: undefined, name: 'Fanny' }]);

    // The first batch carries part of the bulk entry; the next is read past it before any answer.
    const first = await readPushBatch(context, 3);
    const ahead = await readPushBatch(context, 3, first.parts);
    await settlePush(
      context,
      first,
      first.mutations.map((mutation) => ({ id: mutation.id, status: 'applied' as const })),
    );
    const fresh = await readPushBatch(context, 3);

    expect(ahead.mutations.map((mutation) => mutation.fields.name)).toEqual(['Denis', 'Emma', 'Fanny']);
    expect(ahead.mutations.map((mutation) => mutation.id)).toEqual(fresh.mutations.map((mutation) => mutation.id));
    expect(ahead.parts).toEqual(fresh.parts);
  });
});
