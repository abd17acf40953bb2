import { describe, expect, test } from 'vitest';
import { byDistance, distanceKm, placeLieu, positionOf } from '../../../src/domain/geo';

const LYON = { latitude: 45.764, longitude: 4.8357 };
const PARIS = { latitude: 48.8566, longitude: 2.3522 };
const VILLEURBANNE = { latitude: 45.7719, longitude: 4.8902 };

describe('distances', () => {
  test('Paris to Lyon is about 392 km, and the same both ways', () => {
    expect(distanceKm(PARIS, LYON)).toBeGreaterThan(388);
    expect(distanceKm(PARIS, LYON)).toBeLessThan(396);
    expect(distanceKm(LYON, PARIS)).toBeCloseTo(distanceKm(PARIS, LYON), 9);
    expect(distanceKm(LYON, LYON)).toBe(0);
  });

  test('"Autour de moi" puts the nearest first and keeps lieux without a position, last', () => {
    const items = [
      { name: 'Paris', at: PARIS },
      { name: 'Sans position', at: null },
      { name: 'Villeurbanne', at: VILLEURBANNE },
      { name: 'Lyon', at: LYON },
    ];
    const sorted = byDistance(items, { latitude: 45.76, longitude: 4.84 }, (item) => item.at);
    expect(sorted.map((entry) => entry.item.name)).toEqual(['Lyon', 'Villeurbanne', 'Paris', 'Sans position']);
    expect(sorted[3]?.distanceKm).toBeNull();
  });
});

describe('where a lieu is drawn', () => {
  test('its own coordinate first, else its last visit’s position, else nowhere', () => {
    expect(placeLieu(LYON, PARIS)).toEqual({ ...LYON, source: 'lieu' });
    expect(placeLieu({ latitude: null, longitude: null }, PARIS)).toEqual({ ...PARIS, source: 'visit' });
    expect(placeLieu({}, { latitude: null, longitude: 2 })).toBeNull();
    expect(placeLieu({}, null)).toBeNull();
  });

  test('half a coordinate, 0,0 or a value off the globe is no position', () => {
    expect(positionOf({ latitude: 45, longitude: null })).toBeNull();
    expect(positionOf({ latitude: 0, longitude: 0 })).toBeNull();
    expect(positionOf({ latitude: 95, longitude: 2 })).toBeNull();
    expect(positionOf({ latitude: Number.NaN, longitude: 2 })).toBeNull();
    expect(positionOf({ latitude: -21.1, longitude: 55.5 })).toEqual({ latitude: -21.1, longitude: 55.5 });
  });
});
