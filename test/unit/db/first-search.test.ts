// A session's first search reads the newest visits themselves rather than the text of every
// visit (src/db/visit-queries.ts); once that text is in memory, a search scans it. Both ways
// must find the same visits, in the same order.
import { describe, expect, test } from 'vitest';
import { createContact } from '../../../src/db/contacts';
import type { DataContext } from '../../../src/db/context';
import { createOrganisation } from '../../../src/db/organisations';
import { prepareVisitSearch } from '../../../src/db/visit-queries';
import { deleteVisit, listVisits, saveVisit, type VisitFilter } from '../../../src/db/visits';
import { createRecord, createRecords, updateRecord } from '../../../src/db/writes';
import type { ServiceKey } from '../../../src/domain/services';
import { openTestContext } from '../../helpers/db';

const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00`).toISOString();

const found = async (context: DataContext, filter: VisitFilter) =>
  (await listVisits(context, filter)).map((row) => row.visit.purpose);

async function varied(context: DataContext) {
  const moulin = await createOrganisation(context, { name: 'Équipe du Moulin', kind: 'tiers_lieu', commune: 'Redon' });
  const forge = await createOrganisation(context, { name: 'La Forge', kind: 'tiers_lieu', commune: 'Brest' });
  const helene = await createContact(context, { name: 'Hélène Durand' });
  const yves = await createContact(context, { name: 'Yves Le Gall' });
  const services: ServiceKey[][] = [['detect'], ['federate', 'inform'], []];
  // Two visits per day, one of them at the same instant as another: ties are listed by id.
  const visits = await createRecords(
    context,
    'visits',
    Array.from({ length: 24 }, (_, index) => ({
      id: `0190a000-0000-7000-8000-0000000${String(index % 5)}00${String(index).padStart(2, '0')}`,
      purpose: `visite ${index}`,
      visitedAt: at(
        `2026-03-${String(10 + Math.floor(index / 2)).padStart(2, '0')}`,
        index % 3 === 0 ? '09:00' : '10:00',
      ),
      notes: index % 4 === 0 ? 'Atelier vélo au Moulin' : index % 4 === 1 ? 'Café réparation' : 'Réunion',
      services: services[index % 3] ?? [],
      organisationId: index % 3 === 0 ? moulin.id : index % 3 === 1 ? forge.id : null,
      contactIds: index % 5 === 0 ? [helene.id] : index % 5 === 1 ? [helene.id, yves.id] : [],
    })),
  );
  await updateRecord(context, 'visits', visits[4]?.id ?? '', { notes: 'Plus d’atelier' });
  await updateRecord(context, 'visits', visits[6]?.id ?? '', { visitedAt: at('2026-04-01') });
  await deleteVisit(context, visits[8]?.id ?? '');
  await updateRecord(context, 'contacts', yves.id, { name: 'Yves Kerjean' });
  await saveVisit(context, {
    id: null,
    visit: { visitedAt: at('2026-03-12', '09:00'), notes: 'Atelier', contactIds: [yves.id] },
    followUps: [{ text: 'Rappeler' }],
  });
  return { moulin, helene };
}

describe('a first search', () => {
  test('finds the same visits, in the same order, as a search over the text of every visit', async () => {
    const context = await openTestContext();
    const { moulin, helene } = await varied(context);
    const filters: VisitFilter[] = [
      { query: 'atelier', limit: 30 },
      { query: 'atelier', limit: 3 },
      { query: 'ATELIER velo', limit: 30 },
      { query: 'moulin', limit: 30 },
      { query: 'helene', limit: 30 },
      { query: 'kerjean', limit: 30 },
      { query: 'gall', limit: 30 },
      { query: 'cafe', limit: 30, service: 'federate' },
      { query: 'reunion', limit: 30, from: '2026-03-12', to: '2026-03-16' },
      { query: 'atelier', limit: 30, organisationId: moulin.id },
      { query: 'atelier', limit: 30, contactId: helene.id },
      { query: 'atelier', limit: 30, territory: 'brest' },
      { query: 'atelier', limit: 30, withOpenFollowUps: true },
      { query: 'rien', limit: 30 },
    ];
    const first: (string | null | undefined)[][] = [];
    for (const filter of filters) first.push(await found(context, filter));
    await prepareVisitSearch(context);
    const later: (string | null | undefined)[][] = [];
    for (const filter of filters) later.push(await found(context, filter));

    expect(later).toEqual(first);
    expect(first[0]).toEqual(['visite 20', 'visite 16', 'visite 12', 'visite 4', undefined, 'visite 0']);
    expect(first[1]).toEqual(['visite 20', 'visite 16', 'visite 12']);
    expect(first[3]).toHaveLength(10);
    expect(first[5]).toEqual(['visite 6', 'visite 21', 'visite 16', 'visite 11', undefined, 'visite 1']);
    expect(first[6]).toEqual([]);
    // Visits 10 and 11 happened at the same instant: the one with the greater id first, as the list has them.
    expect(first[8]).toEqual(['visite 11', 'visite 10', 'visite 7']);
    expect(
      (await listVisits(context, { limit: 30, from: '2026-03-15', to: '2026-03-15' })).map((row) => row.visit.purpose),
    ).toEqual(['visite 11', 'visite 10']);
    expect(first[12]).toEqual([undefined]);
  });

  test('beyond the newest visits it reads, finds older ones through the text of every visit', async () => {
    const context = await openTestContext();
    await createRecord(context, 'visits', {
      visitedAt: at('2025-01-01'),
      purpose: 'la plus ancienne',
      notes: 'Atelier couture',
    });
    await createRecord(context, 'visits', { visitedAt: at('2025-01-02'), purpose: 'ancienne', notes: 'Atelier vélo' });
    const start = Date.parse(at('2026-01-01'));
    await createRecords(
      context,
      'visits',
      Array.from({ length: 1100 }, (_, index) => ({
        visitedAt: new Date(start + index * 60_000).toISOString(),
        purpose: `récente ${index}`,
        notes: index === 700 ? 'Atelier cuisine' : 'Réunion',
        services: [],
        contactIds: [],
      })),
    );
    expect(await found(context, { query: 'atelier', limit: 10 })).toEqual([
      'récente 700',
      'ancienne',
      'la plus ancienne',
    ]);
    expect(await found(context, { query: 'atelier', limit: 2 })).toEqual(['récente 700', 'ancienne']);
    expect(await found(context, { query: 'reunion', limit: 2 })).toEqual(['récente 1099', 'récente 1098']);
  });
});
