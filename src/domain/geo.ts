// Where a lieu is on the map and how far it is: the coordinate it is drawn at (its own, else
// its last visit's) and great-circle distances for "Autour de moi". Pure, so tested alone.

export interface LatLon {
  latitude: number;
  longitude: number;
}

type PositionSource = 'lieu' | 'visit';

export interface PlacedPosition extends LatLon {
  /** Where the coordinate came from: shown on the lieu's card ("position de la dernière visite"). */
  source: PositionSource;
}

interface MaybePosition {
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
}

/** A usable coordinate: both numbers present, finite and on the globe (0,0 is a typing slip). */
export function positionOf(value: MaybePosition | null | undefined): LatLon | null {
  const latitude = value?.latitude;
  const longitude = value?.longitude;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return null;
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0)) return null;
  return { latitude, longitude };
}

/** The lieu's own coordinate, else its last visit's position, else none ("sans position"). */
export function placeLieu(lieu: MaybePosition, lastVisit: MaybePosition | null | undefined): PlacedPosition | null {
  const own = positionOf(lieu);
  if (own) return { ...own, source: 'lieu' };
  const visited = positionOf(lastVisit);
  return visited ? { ...visited, source: 'visit' } : null;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres (haversine): exact enough for "the nearest lieux". */
export function distanceKm(from: LatLon, to: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (to.latitude - from.latitude) * rad;
  const dLon = (to.longitude - from.longitude) * rad;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(from.latitude * rad) * Math.cos(to.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Items nearest first, each with its distance; items without a position keep their order
 * after the others (distance null), so nobody disappears from the list.
 */
export function byDistance<T>(
  items: readonly T[],
  here: LatLon,
  positionOfItem: (item: T) => LatLon | null,
): { item: T; distanceKm: number | null }[] {
  const placed: { item: T; distanceKm: number }[] = [];
  const unplaced: { item: T; distanceKm: null }[] = [];
  for (const item of items) {
    const position = positionOfItem(item);
    if (position) placed.push({ item, distanceKm: distanceKm(here, position) });
    else unplaced.push({ item, distanceKm: null });
  }
  placed.sort((a, b) => a.distanceKm - b.distanceKm);
  return [...placed, ...unplaced];
}
