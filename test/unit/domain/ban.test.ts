import { describe, expect, test } from 'vitest';
import { banSearchUrl, readBanAnswer } from '../../../src/domain/ban';
import { locateWithBan } from '../../../src/sync/ban';

describe('the address base (BAN)', () => {
  test('asks for the address in its commune, by the commune’s code', () => {
    const url = new URL(
      banSearchUrl({ address: '12 rue de la Gare', postcode: '69001', commune: 'Lyon', inseeCode: '69123' }) ?? '',
    );
    expect(url.origin).toBe('https://api-adresse.data.gouv.fr');
    expect(url.searchParams.get('q')).toBe('12 rue de la Gare 69001 Lyon');
    expect(url.searchParams.get('citycode')).toBe('69123');
  });

  test('a lieu with nothing to search by asks nothing', () => {
    expect(banSearchUrl({ address: ' ', postcode: null, commune: '' })).toBeNull();
  });

  test('reads the best place, longitude first as GeoJSON says', () => {
    const answer = {
      features: [
        {
          geometry: { type: 'Point', coordinates: [4.8357, 45.764] },
          properties: { label: '12 Rue de la Gare 69001 Lyon', score: 0.91 },
        },
      ],
    };
    expect(readBanAnswer(answer)).toEqual({
      latitude: 45.764,
      longitude: 4.8357,
      label: '12 Rue de la Gare 69001 Lyon',
      score: 0.91,
    });
  });

  test('an unsure, empty or malformed answer gives no position', () => {
    const unsure = { features: [{ geometry: { coordinates: [4.8, 45.7] }, properties: { score: 0.2 } }] };
    expect(readBanAnswer(unsure)).toBeNull();
    expect(readBanAnswer({ features: [] })).toBeNull();
    expect(
      readBanAnswer({ features: [{ geometry: { coordinates: ['x', 45] }, properties: { score: 1 } }] }),
    ).toBeNull();
    expect(readBanAnswer('<html>')).toBeNull();
    expect(readBanAnswer(null)).toBeNull();
  });
});

describe('asking the BAN (network layer)', () => {
  const lieu = { address: '1 place Bellecour', postcode: '69002', commune: 'Lyon', inseeCode: '69123' };
  const answer = { features: [{ geometry: { coordinates: [4.83, 45.75] }, properties: { label: 'x', score: 0.9 } }] };

  test('no network or a failing BAN is "unreachable", never a throw', async () => {
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await locateWithBan(lieu, offline)).toEqual({ kind: 'unreachable' });
    expect(await locateWithBan(lieu, async () => new Response('busy', { status: 503 }))).toEqual({
      kind: 'unreachable',
    });
  });

  test('a sure answer is a place; nothing to search by asks nothing', async () => {
    const asked: string[] = [];
    const found = await locateWithBan(lieu, async (url) => {
      asked.push(url);
      return Response.json(answer);
    });
    expect(found).toMatchObject({ kind: 'found', place: { latitude: 45.75, longitude: 4.83 } });
    expect(await locateWithBan({ address: '', commune: '' }, async () => Response.json(answer))).toEqual({
      kind: 'no-address',
    });
    expect(asked).toHaveLength(1);
  });
});
