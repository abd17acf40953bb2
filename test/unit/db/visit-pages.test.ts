// The list's pages without a search are read from indexes (by service and date, by lieu, by
// date): each page must be the one a walk over every visit, newest first, would give, after
// visits are created, edited (services, date, lieu), deleted and pulled.
import { describe, expect, test } from 'vitest';
import { observe } from '../../../src/db/live';
import { applyPulledPage, readPushBatch } from '../../../src/db/sync-store';
import { deleteVisit, listVisits, type VisitFilter } from '../../../src/db/visits';
import { createRecord, createRecords, updateRecord } from '../../../src/db/writes';
import { newId } from '../../../src/domain/ids';
import type { ServiceKey } from '../../../src/domain/services';
import type { Visit } from '../../../src/domain/visit';
import { savedBackupText } from '../../fixtures/backup';
import { openTestContext } from '../../helpers/db';

const SERVICES: ServiceKey[] = ['inform', 'detect', 'support_projects', 'federate'];
const LIEUX = [newId(), newId(), newId()];
const PEOPLE = [newId(), newId()];

/** A small seeded generator, so a failure names the same data every run. */
function seeded(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

/** What a walk over every visit gives: live ones kept by the filter, newest first, then the greater id. */
function expected(visits: readonly Visit[], filter: VisitFilter): string[] {
  const lower = filter.from ? new Date(`${filter.from}T00:00:00`).toISOString() : '';
  const upper = filter.to ? new Date(new Date(`${filter.to}T00:00:00`).getTime() + 86_400_000).toISOString() : '\uffff';
  return visits
    .filter(
      (visit) =>
        !visit.deleted &&
        visit.visitedAt >= lower &&
        visit.visitedAt < upper &&
        (filter.service === undefined || (visit.services ?? []).includes(filter.service)) &&
        (filter.organisationId === undefined || visit.organisationId === filter.organisationId) &&
        (filter.contactId === undefined || (visit.contactIds ?? []).includes(filter.contactId)),
    )
    .sort((a, b) => (a.visitedAt < b.visitedAt ? 1 : a.visitedAt > b.visitedAt ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, filter.limit)
    .map((visit) => visit.id);
}

const FILTERS: VisitFilter[] = [
  { limit: 50 },
  { limit: 3 },
  ...SERVICES.flatMap((service) => [
    { service, limit: 5 },
    { service, limit: 200 },
    { service, from: '2026-03-05', to: '2026-03-09', limit: 4 },
    { service, from: '2026-03-10', limit: 100 },
    { service, to: '2026-03-03', limit: 100 },
  ]),
  ...LIEUX.flatMap((organisationId) => [
    { organisationId, limit: 4 },
    { organisationId, service: 'detect' as const, from: '2026-03-04', limit: 100 },
  ]),
  ...PEOPLE.map((contactId) => ({ contactId, service: 'inform' as const, limit: 6 })),
  { from: '2026-03-12', to: '2026-03-12', limit: 100 },
];

describe('a page of visits without a search', () => {
  test('is the page a walk over every visit gives, after edits, deletions and pulled changes', async () => {
    const context = await openTestContext();
    const random = seeded(7);
    // Many visits share an instant, so pages end in the middle of visits of the same key.
    const day = () =>
      new Date(`2026-03-${String(1 + random(20)).padStart(2, '0')}T${String(8 + random(3)).padStart(2, '0')}:00:00`);
    const fields = Array.from({ length: 240 }, () => ({
      visitedAt: day().toISOString(),
      services: SERVICES.filter(() => random(3) === 0),
      organisationId: LIEUX[random(4)] ?? null,
      contactIds: PEOPLE.filter(() => random(2) === 0),
    }));
    const created = await createRecords(context, 'visits', fields);
    const ids = created.map((visit) => visit.id);
    for (const id of ids.filter((_, index) => index % 7 === 0)) await deleteVisit(context, id);
    const live = ids.filter((_, index) => index % 7 !== 0);
    for (const id of live.filter((_, index) => index % 5 === 1))
      await updateRecord(context, 'visits', id, { services: SERVICES.filter(() => random(2) === 0) });
    for (const id of live.filter((_, index) => index % 6 === 2))
      await updateRecord(context, 'visits', id, {
        visitedAt: day().toISOString(),
        organisationId: LIEUX[random(3)] ?? null,
      });
    // Once everything is sent, a page pulled from another device: an edit of a kept visit and a new one.
    await context.db.outbox.clear();
    const pulled = live[3] as string;
    const { hlc: _clocks, ...stored } = (await context.db.records('visits').get(pulled)) ?? { hlc: {} };
    const clocks = { '*': '2027-01-01T00:00:00.000Z-0000-aaaaaaaaaaaaaaaa' };
    const added = { ...stored, id: newId(), visitedAt: day().toISOString(), services: ['support_projects'] };
    await applyPulledPage(
      context,
      [
        { type: 'visits', id: pulled, seq: 1, data: { ...stored, services: ['support_projects'] }, clocks },
        { type: 'visits', id: added.id, seq: 2, data: added, clocks },
      ],
      2,
    );

    const visits = (await context.db.records('visits').toArray()) as Visit[];
    expect(visits.find((visit) => visit.id === pulled)?.services).toEqual(['support_projects']);
    for (const filter of FILTERS) {
      const page = await listVisits(context, filter);
      expect(
        page.map((row) => row.visit.id),
        JSON.stringify(filter),
      ).toEqual(expected(visits, filter));
    }
  });

  test('keeps the index keys to the device: never read back, pushed or backed up', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', { visitedAt: new Date().toISOString(), services: ['detect'] });
    const [row] = await listVisits(context, { service: 'detect', limit: 5 });
    expect(row?.visit.id).toBe(visit.id);
    expect(Object.keys(row?.visit ?? {})).not.toContain('serviceDays');
    expect(Object.keys((await context.db.records('visits').get(visit.id)) ?? {})).not.toContain('serviceDays');
    const batch = await readPushBatch(context, 10);
    expect(JSON.stringify(batch.mutations)).not.toContain('serviceDays');
    expect(await savedBackupText(context)).not.toContain('serviceDays');
  });

  test('of a service is shown again when a visit is given or loses that service', async () => {
    const context = await openTestContext();
    const visit = await createRecord(context, 'visits', { visitedAt: new Date().toISOString(), services: ['inform'] });
    const pages: string[][] = [];
    const subscription = observe(
      () => listVisits(context, { service: 'detect', limit: 10 }),
      (rows) => pages.push(rows.map((row) => row.visit.id)),
    );
    try {
      await expect.poll(() => pages.at(-1)).toEqual([]);
      await updateRecord(context, 'visits', visit.id, { services: ['inform', 'detect'] });
      await expect.poll(() => pages.at(-1)).toEqual([visit.id]);
      await updateRecord(context, 'visits', visit.id, { services: ['inform'] });
      await expect.poll(() => pages.at(-1)).toEqual([]);
    } finally {
      subscription.unsubscribe();
    }
  });
});
