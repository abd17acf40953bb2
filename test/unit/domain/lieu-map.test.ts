import { describe, expect, test } from 'vitest';
import {
  communeLabels,
  filterMapLieux,
  type LastVisit,
  mapTerritories,
  monthsBefore,
  toMapLieu,
} from '../../../src/domain/lieu-map';
import type { Organisation } from '../../../src/domain/organisation';

const NOW = new Date('2026-12-04T10:00:00Z');

function lieu(id: string, fields: Partial<Organisation> = {}): Organisation {
  return { id, name: id, kind: 'tiers_lieu', ...fields } as Organisation;
}
const visit = (visitedAt: string, position: Partial<LastVisit> = {}): LastVisit => ({
  id: `v-${visitedAt}`,
  visitedAt,
  ...position,
});

const grange = toMapLieu(
  lieu('grange', {
    inseeCode: '69123',
    commune: 'Lyon',
    departementCode: '69',
    departement: 'Rhône',
    epciCode: '200046977',
    epci: 'Métropole de Lyon',
    latitude: 45.76,
    longitude: 4.83,
  }),
  visit('2026-11-20T09:00:00.000Z'),
);
const mairie = toMapLieu(
  lieu('mairie', { kind: 'local_authority', inseeCode: '01053', commune: 'Bourg-en-Bresse', departementCode: '01' }),
  visit('2026-03-01T09:00:00.000Z', { latitude: 46.2, longitude: 5.22 }),
);
const jamais = toMapLieu(lieu('jamais', { kind: 'project_holder' }), null);
const ALL = [grange, mairie, jamais];
const ids = (items: { lieu: Organisation }[]) => items.map((item) => item.lieu.id);

describe('map filters', () => {
  test('by kind', () => {
    expect(ids(filterMapLieux(ALL, { kind: 'local_authority' }, NOW))).toEqual(['mairie']);
  });

  test('"pas de visite depuis 6 mois" keeps lieux never visited and those last visited before', () => {
    expect(ids(filterMapLieux(ALL, { notVisitedForMonths: 6 }, NOW))).toEqual(['mairie', 'jamais']);
  });

  test('by service, through the lieux where a visit named it', () => {
    expect(ids(filterMapLieux(ALL, { service: 'detect' }, NOW, new Set(['grange'])))).toEqual(['grange']);
  });

  test('by commune, EPCI or département code, never by the typed names', () => {
    expect(ids(filterMapLieux(ALL, { territory: 'com:69123' }, NOW))).toEqual(['grange']);
    expect(ids(filterMapLieux(ALL, { territory: 'epci:200046977' }, NOW))).toEqual(['grange']);
    expect(ids(filterMapLieux(ALL, { territory: 'dep:01' }, NOW))).toEqual(['mairie']);
    expect(ids(filterMapLieux(ALL, { territory: 'dep:01', kind: 'tiers_lieu' }, NOW))).toEqual([]);
  });

  test('the territories offered are those of the lieux, communes with their code', () => {
    const offered = mapTerritories(ALL.map((item) => item.lieu));
    expect(offered.map((item) => item.key)).toEqual(['epci:200046977', 'dep:01', 'dep:69', 'com:01053', 'com:69123']);
    expect(offered.find((item) => item.key === 'com:69123')?.label).toBe('Lyon (69123)');
  });
});

describe('six months before', () => {
  test('the 31st of a month falls to the last day of a shorter one', () => {
    expect(monthsBefore(new Date(2026, 7, 31, 12), 6)).toEqual(new Date(2026, 1, 28, 12));
    expect(monthsBefore(new Date(2026, 11, 4, 12), 6)).toEqual(new Date(2026, 5, 4, 12));
  });
});

describe('commune names on a map without tiles', () => {
  test('one label per commune with a placed lieu, at their middle', () => {
    const other = toMapLieu(
      lieu('autre', { inseeCode: '69123', commune: 'Lyon', latitude: 45.78, longitude: 4.85 }),
      null,
    );
    expect(communeLabels([grange, other, mairie, jamais])).toEqual([
      { name: 'Lyon', latitude: expect.closeTo(45.77, 6), longitude: expect.closeTo(4.84, 6) },
      { name: 'Bourg-en-Bresse', latitude: 46.2, longitude: 5.22 },
    ]);
  });
});
