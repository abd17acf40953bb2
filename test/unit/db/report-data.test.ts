// The reports screen reads one period by date range, and its live query re-runs only when a
// record it could count changed: never for an unrelated table, never for a pulled page of
// visits outside the period.
import { describe, expect, test } from 'vitest';
import type { DataContext } from '../../../src/db/context';
import { setFollowUpDone } from '../../../src/db/follow-ups';
import { observe } from '../../../src/db/live';
import { activityYears, readReportData } from '../../../src/db/report-data';
import { applyPulledPage } from '../../../src/db/sync-store';
import { createRecord, createRecords, deleteRecord, updateRecord } from '../../../src/db/writes';
import { buildReport, type ReportData } from '../../../src/domain/report';
import type { Change } from '../../../src/protocol/wire';
import { openTestContext } from '../../helpers/db';

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

function visit(context: DataContext, visitedAt: string) {
  return createRecord(context, 'visits', { visitedAt, contactIds: [], services: [], notes: 'Passage' });
}

/** A page of visits as the server sends them, `count` of them on `day`. */
function pulledVisits(count: number, day: string): Change[] {
  const clock = '0000000000001:0000:aaaaaaaaaaaaaaaa';
  return Array.from({ length: count }, (_, index) => {
    const id = `pulled-${day}-${index}`;
    const data = {
      id,
      networkId: 'local',
      deleted: false,
      visitedAt: `${day}T09:00:00.000Z`,
      contactIds: [],
      services: [],
      notes: 'Tirée du serveur',
      createdAt: `${day}T09:00:00.000Z`,
      updatedAt: `${day}T09:00:00.000Z`,
      createdBy: 'Sam',
      updatedBy: 'Sam',
    };
    return {
      type: 'visits',
      id,
      seq: index + 1,
      data,
      clocks: Object.fromEntries(Object.keys(data).map((key) => [key, clock])),
    };
  });
}

describe('report data', () => {
  test('holds the period’s visits (a day of margin for time zones), not the others', async () => {
    const context = await openTestContext();
    await visit(context, '2026-02-28T23:30:00.000Z'); // 1 March at 00:30 in Paris
    await visit(context, '2026-03-15T10:00:00.000Z');
    await visit(context, '2025-06-01T10:00:00.000Z');
    const data = await readReportData(context, MARCH);
    expect(data.visits.map((row) => row.visitedAt).sort()).toEqual([
      '2026-02-28T23:30:00.000Z',
      '2026-03-15T10:00:00.000Z',
    ]);
    expect(await activityYears(context)).toEqual([2025, 2026]);
  });

  test('re-runs for a visit of the period, not for contacts nor a pulled page of other months', async () => {
    const context = await openTestContext();
    await visit(context, '2026-03-10T10:00:00.000Z');
    let runs = 0;
    const seen: ReportData[] = [];
    const subscription = observe(
      () => {
        runs += 1;
        return readReportData(context, MARCH);
      },
      (data) => seen.push(data),
    );
    await expect.poll(() => seen.length).toBe(1);

    await createRecords(context, 'contacts', [{ name: 'Hélène Martin' }]);
    await applyPulledPage(context, pulledVisits(120, '2025-11-04'), 120);
    // The page that counts: 60 visits, one of them in March (two slices of the same page).
    await applyPulledPage(context, [...pulledVisits(59, '2026-05-02'), ...pulledVisits(1, '2026-03-20')], 180);
    await expect.poll(() => seen.at(-1)?.visits.length).toBe(2);
    subscription.unsubscribe();
    // Had the contact or the November page re-run the query, it would have run more than twice.
    expect(runs).toBe(2);
  });

  test('an open report counts the visits of a new device’s first pull, written a table at a time', async () => {
    const context = await openTestContext();
    const seen: ReportData[] = [];
    const subscription = observe(
      () => readReportData(context, MARCH),
      (data) => seen.push(data),
    );
    await expect.poll(() => seen.length).toBe(1);

    await applyPulledPage(context, [...pulledVisits(70, '2025-11-04'), ...pulledVisits(80, '2026-03-20')], 150, {
      fromStart: true,
    });
    await expect.poll(() => seen.at(-1)?.visits.length).toBe(80);
    subscription.unsubscribe();
  });

  test('holds the follow-ups open now and those done in the period, not years of done ones', async () => {
    const context = await openTestContext();
    const followUp = (text: string, fields: { done?: boolean; doneAt?: string; dueDate?: string } = {}) =>
      createRecord(context, 'followUps', { text, done: false, ...fields });
    await followUp('Ouvert', { dueDate: '2026-03-10' });
    await followUp('Fait en mars', { done: true, doneAt: '2026-03-12T10:00:00.000Z' });
    await followUp('Fait le 1er mars à 0 h 30', { done: true, doneAt: '2026-02-28T23:30:00.000Z' });
    await followUp('Fait l’an passé', { done: true, doneAt: '2025-06-01T10:00:00.000Z' });
    await followUp('Fait en avril', { done: true, doneAt: '2026-04-02T10:00:00.000Z' });
    const gone = await followUp('Supprimé');
    await deleteRecord(context, 'followUps', gone.id);
    const doneGone = await followUp('Fait puis supprimé', { done: true, doneAt: '2026-03-13T10:00:00.000Z' });
    await deleteRecord(context, 'followUps', doneGone.id);
    // Ticked, then unticked: open again, and no longer done in March.
    const unticked = await followUp('Décoché', { done: true, doneAt: '2026-03-14T10:00:00.000Z' });
    await setFollowUpDone(context, unticked.id, false);

    const data = await readReportData(context, MARCH);
    // The day's margin keeps 31 March's and 1 April's instants; buildReport counts Paris days.
    expect(data.followUps.map((item) => item.text).sort()).toEqual([
      'Décoché',
      'Fait en mars',
      'Fait le 1er mars à 0 h 30',
      'Ouvert',
    ]);
    expect(buildReport(data, MARCH, {}, { today: '2026-03-20' }).followUps.doneInPeriod).toBe(2);
  });

  test('re-runs when a follow-up is ticked done or reopened', async () => {
    const context = await openTestContext();
    const item = await createRecord(context, 'followUps', { text: 'Rappeler', done: false });
    const seen: ReportData[] = [];
    const subscription = observe(
      () => readReportData(context, { from: '2026-01-01', to: '2100-12-31' }),
      (data) => seen.push(data),
    );
    await expect.poll(() => seen.at(-1)?.followUps.map((followUp) => followUp.done)).toEqual([false]);
    await setFollowUpDone(context, item.id, true);
    await expect.poll(() => seen.at(-1)?.followUps.map((followUp) => followUp.done)).toEqual([true]);
    await updateRecord(context, 'followUps', item.id, { done: false, doneAt: null });
    await expect.poll(() => seen.at(-1)?.followUps.map((followUp) => followUp.done)).toEqual([false]);
    subscription.unsubscribe();
  });
});
