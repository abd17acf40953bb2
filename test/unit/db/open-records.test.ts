// The overdue badge, the lists of follow-ups left to do, the kit out on loan and the texts to
// settle are read from indexes that hold open records only (open-keys.ts): each answer must be the one a walk over
// every record gives, whatever path wrote the records, and the index keys stay on the device.
import type { Table } from 'dexie';
import { describe, expect, test } from 'vitest';
import { restoreBackup } from '../../../src/db/backup';
import { openConflictsWithRecords } from '../../../src/db/conflicts';
import type { DataContext } from '../../../src/db/context';
import { readExportData } from '../../../src/db/export-data';
import {
  countOverdue,
  createFollowUp,
  createFollowUps,
  openFollowUps,
  overdueFollowUps,
  setFollowUpDone,
  visitIdsWithOpenFollowUps,
} from '../../../src/db/follow-ups';
import { observe } from '../../../src/db/live';
import { countTextsToSettle } from '../../../src/db/open-conflicts';
import { OPEN_DUE, OPEN_ITEM, OPEN_RECORD } from '../../../src/db/open-keys';
import type { Stored } from '../../../src/db/schema';
import { applyPulledPage, readPushBatch, storeSession } from '../../../src/db/sync-store';
import { borrow, giveBack, readPackingList, readToolbox } from '../../../src/db/toolbox';
import { createRecord, deleteRecord, updateRecord } from '../../../src/db/writes';
import { parseBackup } from '../../../src/domain/backup';
import type { FollowUp } from '../../../src/domain/follow-up';
import { newId } from '../../../src/domain/ids';
import type { Change } from '../../../src/protocol/wire';
import { savedBackupText } from '../../fixtures/backup';
import { openTestContext } from '../../helpers/db';

const today = '2026-03-11';
/** A clock later than any this test's devices tick: a pulled change wins. */
const LATER = '2099-01-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa';

function byDueDay(followUps: readonly FollowUp[]): string[] {
  return [...followUps]
    .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id))
    .map((followUp) => followUp.id);
}

/** What a walk over every follow-up and loan gives, as the reads did before they had an index. */
async function walked(context: DataContext) {
  const open = (await context.db.records('followUps').toArray()).filter((item) => !item.deleted && !item.done);
  const overdue = open.filter((item) => item.dueDate != null && item.dueDate < today);
  const loans = (await context.db.records('loans').toArray()).filter((loan) => !loan.deleted && !loan.returnedAt);
  return {
    count: overdue.length,
    overdue: byDueDay(overdue),
    open: byDueDay(open),
    visits: new Set(open.flatMap((item) => (item.visitId ? [item.visitId] : []))),
    loans: loans.map((loan) => loan.id).sort(),
  };
}

/** The same answers from the app's reads. */
async function read(context: DataContext) {
  return {
    count: await countOverdue(context, today),
    overdue: (await overdueFollowUps(context, today)).map((item) => item.id),
    open: (await openFollowUps(context)).map((item) => item.id),
    visits: await visitIdsWithOpenFollowUps(context),
    loans: (await readToolbox(context)).loans.map((loan) => loan.id).sort(),
  };
}

async function expectAsWalked(context: DataContext, overdue: number, loans: number) {
  const answers = await read(context);
  expect(answers).toEqual(await walked(context));
  // Not two empty answers agreeing: the data holds what the step left open.
  expect([answers.count, answers.loans.length]).toEqual([overdue, loans]);
}

/** A record as another device has it now, pulled with a clock that wins. */
async function pulled(context: DataContext, type: 'followUps' | 'loans', id: string, changes: object): Promise<Change> {
  const { hlc: _clocks, ...data } = (await context.db.anyRecords(type).get(id)) ?? { hlc: {} };
  return { type, id, seq: 0, data: { ...data, ...changes }, clocks: { '*': LATER } };
}

describe('open follow-ups and loans read by index', () => {
  test('give the answers of a walk over every record after local edits, pulls, a join and a restore', async () => {
    const context = await openTestContext();
    const visits = [newId(), newId()];
    const [late, early, , , undated, done] = await createFollowUps(context, [
      { text: 'En retard', dueDate: '2026-03-10', visitId: visits[0] },
      { text: 'Très en retard', dueDate: '2026-02-01' },
      { text: 'Aujourd’hui', dueDate: today },
      { text: 'Plus tard', dueDate: '2026-04-01' },
      { text: 'Sans date', visitId: visits[1] },
      { text: 'Fait', dueDate: '2026-03-01', done: true },
    ]);
    const removed = await createFollowUp(context, { text: 'Supprimé', dueDate: '2026-03-01' });
    await deleteRecord(context, 'followUps', removed.id);
    const [projector, banner] = [newId(), newId()];
    const camille = await borrow(context, projector, 'Camille');
    const hugo = await borrow(context, banner, 'Hugo');
    await giveBack(context, (await borrow(context, projector, 'Dominique')).id);
    await deleteRecord(context, 'loans', (await borrow(context, banner, 'Lou')).id);
    if (!late || !early || !undated || !done) throw new Error('follow-ups not created');
    await expectAsWalked(context, 2, 2);

    // Ticked, then unticked; a text edit that leaves it open keeps it in the lists.
    await setFollowUpDone(context, late.id, true);
    await expectAsWalked(context, 1, 2);
    await setFollowUpDone(context, late.id, false);
    await updateRecord(context, 'followUps', undated.id, { text: 'Sans date, reformulé' });
    await expectAsWalked(context, 2, 2);

    // Once everything is sent, another device ticked one, reopened another, added one overdue
    // and took back a loan.
    await context.db.outbox.clear();
    const added = { ...(await pulled(context, 'followUps', early.id, {})), id: newId() };
    added.data = { ...added.data, id: added.id, text: 'D’un autre appareil', dueDate: '2026-03-05' };
    await applyPulledPage(
      context,
      [
        await pulled(context, 'followUps', early.id, { done: true }),
        await pulled(context, 'followUps', done.id, { done: false, doneAt: null }),
        added,
        await pulled(context, 'loans', hugo.id, { returnedAt: LATER.slice(0, 24) }),
      ].map((change, seq) => ({ ...change, seq: seq + 1 })),
      4,
    );
    await expectAsWalked(context, 3, 1);

    // Joining a network rewrites every record (their network id).
    await storeSession(context, {
      serverUrl: 'https://valise.exemple.fr',
      token: 'jeton',
      networkId: 'reseau',
      networkName: 'Réseau',
      deviceId: 'appareil',
      memberName: 'Dominique',
      role: 'concierge',
      maxAttachmentBytes: 1,
    });
    await expectAsWalked(context, 3, 1);

    // A backup restored on a new device gives that device the same lists.
    const parsed = await parseBackup(await savedBackupText(context));
    if (!parsed.ok) throw new Error(parsed.problem.kind);
    const restored = await openTestContext();
    await restoreBackup(restored, parsed.backup);
    await expectAsWalked(restored, 3, 1);
    expect(await read(restored)).toEqual(await read(context));
    expect((await readToolbox(restored)).loans.map((loan) => loan.id)).toEqual([camille.id]);
  });

  test('a packing list shows only the open loans of its kit', async () => {
    const context = await openTestContext();
    const [projector, banner] = [newId(), newId()];
    const list = await createRecord(context, 'packingLists', {
      title: 'Stand',
      tripKind: 'fair_stand',
      isTemplate: true,
      templateId: null,
      itemIds: [projector, banner],
      packed: {},
    });
    const held = await borrow(context, projector, 'Camille');
    await giveBack(context, (await borrow(context, banner, 'Hugo')).id);
    await borrow(context, newId(), 'Lou');
    expect((await readPackingList(context, list.id))?.loans.map((loan) => loan.id)).toEqual([held.id]);
  });

  test('the badge follows a follow-up ticked here and one reopened by a pull', async () => {
    const context = await openTestContext();
    const followUp = await createFollowUp(context, { text: 'En retard', dueDate: '2026-03-10' });
    const counts: number[] = [];
    const subscription = observe(
      () => countOverdue(context, today),
      (count) => counts.push(count),
    );
    try {
      await expect.poll(() => counts.at(-1)).toBe(1);
      await setFollowUpDone(context, followUp.id, true);
      await expect.poll(() => counts.at(-1)).toBe(0);
      await context.db.outbox.clear();
      await applyPulledPage(
        context,
        [{ ...(await pulled(context, 'followUps', followUp.id, { done: false })), seq: 1 }],
        1,
      );
      await expect.poll(() => counts.at(-1)).toBe(1);
    } finally {
      subscription.unsubscribe();
    }
  });

  test('keeps the index keys to the device: never read back, pushed, backed up nor exported', async () => {
    const context = await openTestContext();
    const followUp = await createFollowUp(context, { text: 'Rappeler', dueDate: '2026-03-10' });
    const loan = await borrow(context, newId(), 'Camille');
    const conflict = await createRecord(context, 'conflicts', {
      recordType: 'visits',
      recordId: newId(),
      field: 'notes',
      value: 'L’autre version',
      clock: LATER,
      authorName: 'Camille',
    });
    expect(await countOverdue(context, today)).toBe(1);
    expect(await countTextsToSettle(context)).toBe(1);
    expect(Object.keys((await context.db.records('followUps').get(followUp.id)) ?? {})).not.toContain(OPEN_DUE);
    expect(Object.keys((await context.db.records('loans').get(loan.id)) ?? {})).not.toContain(OPEN_ITEM);
    expect(Object.keys((await context.db.records('conflicts').get(conflict.id)) ?? {})).not.toContain(OPEN_RECORD);
    const sent = [
      (await readPushBatch(context, 10)).mutations,
      await savedBackupText(context),
      await readExportData(context),
      await openFollowUps(context),
      (await readToolbox(context)).loans,
      await openConflictsWithRecords(context),
    ].map((value) => JSON.stringify(value));
    for (const text of sent) {
      expect(text).not.toContain(OPEN_DUE);
      expect(text).not.toContain(OPEN_ITEM);
      expect(text).not.toContain(OPEN_RECORD);
    }
  });
});

type FollowUpTable = Table<Stored<FollowUp>, string>;

/**
 * Every way Dexie writes a record: the middleware must key each one, or a follow-up written by
 * a path it forgot stays out of (or in) the lists whatever it says.
 */
const WRITES: Record<string, (table: FollowUpTable, record: Stored<FollowUp>) => Promise<unknown>> = {
  add: async (table, record) => {
    await table.delete(record.id);
    await table.add(record);
  },
  bulkAdd: async (table, record) => {
    await table.delete(record.id);
    await table.bulkAdd([record]);
  },
  put: (table, record) => table.put(record),
  bulkPut: (table, record) => table.bulkPut([record]),
  update: (table, record) => table.update(record.id, { done: record.done }),
  bulkUpdate: (table, record) => table.bulkUpdate([{ key: record.id, changes: { done: record.done } }]),
  upsert: (table, record) => table.upsert(record.id, { done: record.done }),
  modify: (table, record) => table.where('id').equals(record.id).modify({ done: record.done }),
  'modify by a function': (table, record) =>
    table
      .where('id')
      .equals(record.id)
      .modify((stored) => {
        stored.done = record.done;
      }),
};

describe('a follow-up written by any of Dexie’s writes', () => {
  test.each(Object.entries(WRITES))('%s: reopened it is counted and listed, ticked it is not', async (_, write) => {
    const context = await openTestContext();
    const table = context.db.records('followUps');
    const record: Stored<FollowUp> = {
      id: newId(),
      networkId: 'local',
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-01T09:00:00.000Z',
      updatedBy: 'Dominique',
      deleted: false,
      text: 'Rappeler la mairie',
      dueDate: '2026-03-10',
      done: true,
      services: [],
      hlc: { '*': LATER },
    };
    await table.put(record);
    expect(await countOverdue(context, today)).toBe(0);
    await write(table, { ...record, done: false });
    expect(await countOverdue(context, today)).toBe(1);
    expect((await openFollowUps(context)).map((item) => item.id)).toEqual([record.id]);
    await write(table, record);
    expect(await countOverdue(context, today)).toBe(0);
    expect(await openFollowUps(context)).toEqual([]);
  });
});
