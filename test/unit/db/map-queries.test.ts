import { describe, expect, test } from 'vitest';
import { lieuxWithService, mapLieux } from '../../../src/db/map-queries';
import { createOrganisation } from '../../../src/db/organisations';
import { deleteVisit } from '../../../src/db/visits';
import { createRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';

describe('the map’s lieux', () => {
  test('each lieu carries its newest visit still there, and is placed by it when it has no coordinate', async () => {
    const context = await openTestContext();
    const grange = await createOrganisation(context, { name: 'La Grange', kind: 'tiers_lieu' });
    const placed = await createOrganisation(context, {
      name: 'Atelier',
      kind: 'tiers_lieu',
      latitude: 45.7,
      longitude: 4.8,
    });
    await createOrganisation(context, { name: 'Jamais vue', kind: 'partner' });
    await createRecord(context, 'visits', {
      visitedAt: '2026-01-10T10:00:00.000Z',
      organisationId: grange.id,
      latitude: 46.1,
      longitude: 5.1,
      services: ['detect'],
    });
    const newest = await createRecord(context, 'visits', {
      visitedAt: '2026-05-10T10:00:00.000Z',
      organisationId: grange.id,
    });
    await deleteVisit(context, newest.id);
    await createRecord(context, 'visits', { visitedAt: '2026-02-10T10:00:00.000Z', organisationId: placed.id });

    const items = await mapLieux(context);
    expect(items.map((item) => item.lieu.name)).toEqual(['Atelier', 'Jamais vue', 'La Grange']);
    const [atelier, jamais, laGrange] = items;
    expect(laGrange?.lastVisit?.visitedAt).toBe('2026-01-10T10:00:00.000Z');
    expect(laGrange?.position).toEqual({ latitude: 46.1, longitude: 5.1, source: 'visit' });
    expect(atelier?.position).toEqual({ latitude: 45.7, longitude: 4.8, source: 'lieu' });
    expect(jamais?.lastVisit).toBeNull();
    expect(jamais?.position).toBeNull();
    expect([...(await lieuxWithService(context, 'detect'))]).toEqual([grange.id]);
  });

  test('the service filter finds lieux by index: a deleted visit does not count, a later live one does', async () => {
    const context = await openTestContext();
    const grange = await createOrganisation(context, { name: 'La Grange', kind: 'tiers_lieu' });
    const atelier = await createOrganisation(context, { name: 'Atelier', kind: 'tiers_lieu' });
    const fablab = await createOrganisation(context, { name: 'Fablab', kind: 'tiers_lieu' });
    const gone = await createRecord(context, 'visits', {
      visitedAt: '2026-03-01T10:00:00.000Z',
      organisationId: grange.id,
      services: ['federate'],
    });
    await deleteVisit(context, gone.id);
    const first = await createRecord(context, 'visits', {
      visitedAt: '2026-01-01T10:00:00.000Z',
      organisationId: atelier.id,
      services: ['federate'],
    });
    await deleteVisit(context, first.id);
    await createRecord(context, 'visits', {
      visitedAt: '2026-02-01T10:00:00.000Z',
      organisationId: atelier.id,
      services: ['detect', 'federate'],
    });
    await createRecord(context, 'visits', {
      visitedAt: '2026-02-01T10:00:00.000Z',
      organisationId: fablab.id,
      services: ['detect'],
    });
    await createRecord(context, 'visits', { visitedAt: '2026-02-02T10:00:00.000Z', services: ['federate'] });

    expect([...(await lieuxWithService(context, 'federate'))]).toEqual([atelier.id]);
    expect([...(await lieuxWithService(context, 'detect'))].sort()).toEqual([atelier.id, fablab.id].sort());
    expect((await lieuxWithService(context, 'support_projects')).size).toBe(0);
  });
});
