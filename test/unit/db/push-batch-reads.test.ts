import { describe, expect, test } from 'vitest';
import type { DataContext } from '../../../src/db/context';
import { readPushBatch } from '../../../src/db/sync-store';
import { createRecords } from '../../../src/db/writes';
import { newId } from '../../../src/domain/ids';
import { sampleRecords } from '../../fixtures/records';
import { openTestContext } from '../../helpers/db';

/** Ids in key order: UUIDv7s made one after another sort as made. */
function sortedIds(count: number): string[] {
  return Array.from({ length: count }, () => newId()).sort();
}

/** People with these ids, already pushed: in the table, not in the outbox. */
async function alreadySent(context: DataContext, ids: readonly string[]): Promise<void> {
  const base = sampleRecords().contacts;
  await createRecords(
    context,
    'contacts',
    ids.map((id) => ({ ...base, id, name: 'Déjà envoyée' })),
  );
  await context.db.outbox.clear();
}

/** One bulk entry of people with these ids, named after their place in it. */
async function queued(context: DataContext, ids: readonly string[]): Promise<void> {
  const base = sampleRecords().contacts;
  await createRecords(
    context,
    'contacts',
    ids.map((id, at) => ({ ...base, id, name: `Personne ${at}` })),
  );
}

describe('a push batch read from a bulk entry', () => {
  test('carries every record of the entry, in its order, when its ids lie among many others in the table', async () => {
    const context = await openTestContext();
    // 40 queued people, each fifth id of 200: the key range from the first to the last of them
    // holds four times as many records as the entry.
    const ids = sortedIds(200);
    const mine = ids.filter((_, at) => at % 5 === 2).reverse();
    await alreadySent(
      context,
      ids.filter((id) => !mine.includes(id)),
    );
    await queued(context, mine);

    const batch = await readPushBatch(context, 100);

    expect(batch.mutations.map((mutation) => mutation.recordId)).toEqual(mine);
    expect(batch.mutations.map((mutation) => mutation.fields.name)).toEqual(mine.map((_, at) => `Personne ${at}`));
    expect(batch.parts).toEqual([{ seq: expect.any(Number), recordIds: mine }]);
  });

  test('carries a whole entry of 500, read in slices, in its order, and a batch of 450 of it as its first 450', async () => {
    const context = await openTestContext();
    const mine = sortedIds(500);
    await queued(context, mine);

    const whole = await readPushBatch(context, 1000);
    expect(whole.mutations.map((mutation) => mutation.recordId)).toEqual(mine);
    expect(whole.parts).toEqual([{ seq: expect.any(Number), recordIds: mine }]);
    const first = await readPushBatch(context, 450);
    expect(first.mutations.map((mutation) => mutation.fields.name)).toEqual(
      mine.slice(0, 450).map((_, at) => `Personne ${at}`),
    );
    expect(first.parts).toEqual([{ seq: expect.any(Number), recordIds: mine.slice(0, 450) }]);
  });

  test('stops at the request size cap inside the entry: the ids it carries are exactly those it sends', async () => {
    const context = await openTestContext();
    const mine = sortedIds(500);
    const base = sampleRecords().contacts;
    // 500 people of ~7 KB are ~3.5 MB: past the batch's 2 MB cap, somewhere in a later slice.
    await createRecords(
      context,
      'contacts',
      mine.map((id) => ({ ...base, id, notes: 'n'.repeat(7000) })),
    );

    const batch = await readPushBatch(context, 1000);

    const sent = batch.mutations.map((mutation) => mutation.recordId);
    expect(sent.length).toBeGreaterThan(200);
    expect(sent.length).toBeLessThan(500);
    expect(sent).toEqual(mine.slice(0, sent.length));
    expect(batch.parts).toEqual([{ seq: expect.any(Number), recordIds: sent }]);
  });

  test('carries a record gone from the device without a mutation, so that settling drops it', async () => {
    const context = await openTestContext();
    const mine = sortedIds(30);
    await queued(context, mine);
    const gone = mine[11] as string;
    await context.db.anyRecords('contacts').delete(gone);

    const batch = await readPushBatch(context, 100);

    expect(batch.mutations.map((mutation) => mutation.recordId)).toEqual(mine.filter((id) => id !== gone));
    expect(batch.parts.flatMap((part) => part.recordIds)).toEqual(mine);
  });

  test('carries none of the records between its ids that it does not hold', async () => {
    const context = await openTestContext();
    const ids = sortedIds(60);
    const mine = ids.filter((_, at) => at % 2 === 0);
    await alreadySent(
      context,
      ids.filter((_, at) => at % 2 === 1),
    );
    await queued(context, mine);

    const batch = await readPushBatch(context, 100);

    expect(batch.mutations.map((mutation) => mutation.recordId)).toEqual(mine);
  });

  test('carries no index key the device keeps beside a record', async () => {
    const context = await openTestContext();
    const visitedAt = new Date().toISOString();
    await createRecords(
      context,
      'visits',
      Array.from({ length: 40 }, () => ({ visitedAt, services: ['detect' as const] })),
    );

    const batch = await readPushBatch(context, 100);

    expect(batch.mutations).toHaveLength(40);
    expect(JSON.stringify(batch.mutations)).not.toContain('serviceDays');
  });
});
