// The visit list names each visit's lieu, and the lieux it read stay in memory between its runs
// (lieu-cache.ts): an open list must still show a lieu's new name at once, whether it was
// renamed here, by a pull, or in another tab.
import { beforeAll, describe, expect, test } from 'vitest';
import type { DataContext } from '../../../src/db/context';
import { openDataContext } from '../../../src/db/context';
import { cachedLieux } from '../../../src/db/lieu-cache';
import { keepLieuxRead } from '../../../src/db/lieu-cache-loader';
import { observe } from '../../../src/db/live';
import { applyPulledPage } from '../../../src/db/sync-store';
import { listVisits } from '../../../src/db/visits';
import { createRecord, updateRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';

/** A clock later than any this test's device ticks: a pulled change wins. */
const LATER = '2099-01-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa';

async function visitsAt(context: DataContext, ...names: string[]) {
  const lieux = [];
  for (const [at, name] of names.entries()) {
    const lieu = await createRecord(context, 'organisations', { name, kind: 'tiers_lieu' });
    lieux.push(lieu);
    await createRecord(context, 'visits', { visitedAt: `2026-03-0${at + 1}T10:00:00.000Z`, organisationId: lieu.id });
  }
  return lieux;
}

function earlierVisitAt(context: DataContext, organisationId: string) {
  return createRecord(context, 'visits', { visitedAt: '2026-02-01T10:00:00.000Z', organisationId });
}

/** The lieu names an open list shows, newest visit first, as they come. */
function watchNames(context: DataContext) {
  const shown: (string | null)[][] = [];
  const subscription = observe(
    () => listVisits(context, { limit: 10 }),
    (rows) => shown.push(rows.map((row) => row.organisationName)),
  );
  return { latest: () => shown.at(-1), stop: () => subscription.unsubscribe() };
}

describe('the lieu names on the visit list', () => {
  // As the app does once its first screen has shown (sync-runtime.ts).
  beforeAll(() => keepLieuxRead(cachedLieux));

  test('are those of the lieux read, page after page', async () => {
    const context = await openTestContext();
    await visitsAt(context, 'Fablab de Redon', 'Tiers-lieu du Moulin', 'La Fabrique');
    const names = async (limit: number) => (await listVisits(context, { limit })).map((row) => row.organisationName);
    expect(await names(1)).toEqual(['La Fabrique']);
    expect(await names(3)).toEqual(['La Fabrique', 'Tiers-lieu du Moulin', 'Fablab de Redon']);
    expect(await names(2)).toEqual(['La Fabrique', 'Tiers-lieu du Moulin']);
  });

  test('follow a rename typed here and one pulled from another device', async () => {
    const context = await openTestContext();
    const [moulin, fabrique] = await visitsAt(context, 'Tiers-lieu du Moulin', 'La Fabrique');
    if (!moulin || !fabrique) throw new Error('lieux not created');
    const list = watchNames(context);
    try {
      await expect.poll(list.latest).toEqual(['La Fabrique', 'Tiers-lieu du Moulin']);
      // A run for another reason (a visit saved) names its lieux from memory: they must stay watched.
      await earlierVisitAt(context, moulin.id);
      await expect.poll(list.latest).toEqual(['La Fabrique', 'Tiers-lieu du Moulin', 'Tiers-lieu du Moulin']);
      await updateRecord(context, 'organisations', moulin.id, { name: 'Le Moulin' });
      await expect.poll(list.latest).toEqual(['La Fabrique', 'Le Moulin', 'Le Moulin']);
      // Once everything is sent, another device renamed the other lieu.
      await context.db.outbox.clear();
      const { hlc: _clocks, ...data } = (await context.db.records('organisations').get(fabrique.id)) ?? { hlc: {} };
      await applyPulledPage(
        context,
        [
          {
            type: 'organisations',
            id: fabrique.id,
            seq: 1,
            data: { ...data, name: 'Fabrique de Redon' },
            clocks: { '*': LATER },
          },
        ],
        1,
      );
      await expect.poll(list.latest).toEqual(['Fabrique de Redon', 'Le Moulin', 'Le Moulin']);
    } finally {
      list.stop();
    }
  });

  test('follow a rename written in another tab', async () => {
    const context = await openTestContext();
    const [moulin] = await visitsAt(context, 'Tiers-lieu du Moulin');
    if (!moulin) throw new Error('lieu not created');
    // Another tab: its own connection to the same database, its writes its own.
    const otherTab = await openDataContext({ name: context.db.name });
    const list = watchNames(context);
    try {
      await expect.poll(list.latest).toEqual(['Tiers-lieu du Moulin']);
      await earlierVisitAt(context, moulin.id);
      await expect.poll(list.latest).toEqual(['Tiers-lieu du Moulin', 'Tiers-lieu du Moulin']);
      await updateRecord(otherTab, 'organisations', moulin.id, { name: 'Le Moulin' });
      await expect.poll(list.latest).toEqual(['Le Moulin', 'Le Moulin']);
    } finally {
      list.stop();
      otherTab.db.close();
    }
  });
});
