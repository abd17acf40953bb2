import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CommuneIndex,
  communeFields,
  communesOfPostcode,
  parseCommunes,
  searchCommunes,
} from '../../../src/domain/communes';
import { buildCommunesTable } from '../../tools/communes-data';

// The real table, built from the pinned Etalab package as the app's build does.
let index: CommuneIndex;
beforeAll(() => {
  index = parseCommunes(buildCommunesTable());
}, 60_000);

const names = (found: readonly { name: string }[]) => found.map((commune) => commune.name);

describe('communes known offline', () => {
  it('offers every commune a shared postcode serves, by name', () => {
    const found = communesOfPostcode(index, '01400');
    expect(found.length).toBeGreaterThan(5);
    expect(names(found)).toContain('Châtillon-sur-Chalaronne');
    expect(names(found)).toEqual([...names(found)].sort((a, b) => a.localeCompare(b, 'fr')));
    for (const commune of found) {
      expect(commune.departement).toEqual({ code: '01', name: 'Ain' });
      expect(commune.region).toEqual({ code: '84', name: 'Auvergne-Rhône-Alpes' });
    }
  });

  it('fills the codes of a chosen commune, keeping the postcode typed', () => {
    const chatillon = communesOfPostcode(index, '01400').find((c) => c.name === 'Châtillon-sur-Chalaronne');
    expect(chatillon).toBeDefined();
    expect(communeFields(chatillon!, '01400')).toMatchObject({
      commune: 'Châtillon-sur-Chalaronne',
      inseeCode: '01093',
      postcode: '01400',
      departementCode: '01',
      regionCode: '84',
      epciCode: expect.stringMatching(/^\d{9}$/),
    });
  });

  it('tells Corse-du-Sud (2A) from Haute-Corse (2B)', () => {
    const [ajaccio] = searchCommunes(index, '20000');
    expect(ajaccio).toMatchObject({ insee: '2A004', name: 'Ajaccio', departement: { code: '2A' } });
    expect(ajaccio?.region).toEqual({ code: '94', name: 'Corse' });
    const [bastia] = searchCommunes(index, 'Bastia');
    expect(bastia).toMatchObject({ insee: '2B033', departement: { code: '2B', name: 'Haute-Corse' } });
  });

  it('gives overseas communes their 3-digit département (97x)', () => {
    const [saintDenis] = searchCommunes(index, '97400');
    expect(saintDenis).toMatchObject({
      insee: '97411',
      name: 'Saint-Denis',
      departement: { code: '974', name: 'La Réunion' },
      region: { code: '04', name: 'La Réunion' },
    });
    expect(searchCommunes(index, '97600').every((commune) => commune.departement.code === '976')).toBe(true);
    // Saint-Barthélemy's postcode is in Guadeloupe's range, its code is its own collectivity's.
    expect(searchCommunes(index, '97133')).toMatchObject([{ insee: '97701', departement: { code: '977' } }]);
  });

  it('finds nothing for a postcode no commune has', () => {
    expect(searchCommunes(index, '99999')).toEqual([]);
    expect(communesOfPostcode(index, '00000')).toEqual([]);
  });

  it('finds a commune by its name without accents, exact names first', () => {
    expect(names(searchCommunes(index, 'chatillon sur chalaronne'))).toEqual(['Châtillon-sur-Chalaronne']);
    const [first] = searchCommunes(index, 'rennes');
    expect(first).toMatchObject({ insee: '35238', epci: { name: 'Rennes Métropole' } });
    expect(
      searchCommunes(index, 'Saint-Denis', { limit: 20 }).filter((c) => c.name === 'Saint-Denis').length,
    ).toBeGreaterThan(3);
  });

  it('offers communes whose postcode starts with the digits typed', () => {
    const found = searchCommunes(index, '351', { limit: 5 });
    expect(found).toHaveLength(5);
    expect(found.every((commune) => commune.postcodes.some((postcode) => postcode.startsWith('351')))).toBe(true);
  });

  it('offers the communes of the postcode typed first when a name is typed under it', () => {
    expect(searchCommunes(index, 'chatillon')[0]?.name).toBe('Châtillon');
    const found = searchCommunes(index, 'chatillon', { postcode: '01400' });
    expect(found[0]).toMatchObject({ name: 'Châtillon-sur-Chalaronne', insee: '01093' });
    // A wrong postcode hides nothing: the other Châtillons follow.
    expect(names(found)).toContain('Châtillon');
    expect(searchCommunes(index, 'rennes', { postcode: '01400' })[0]).toMatchObject({ insee: '35238' });
  });
});
