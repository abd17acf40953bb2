// The map's lieux and their filters: kind, service met there, "pas de visite depuis 6 mois",
// a territory (commune, EPCI, département, région by code, or the network's own label).
// Pure: the map and its list equivalent show the same filtered lieux.
import { type PlacedPosition, placeLieu } from './geo';
import type { Organisation } from './organisation';
import type { ServiceKey } from './services';
import { type TerritoryKey, type TerritoryOption, territoryKeys, territoryOptions } from './territory';

export interface LastVisit {
  id: string;
  visitedAt: string;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
}

export interface MapLieu {
  lieu: Organisation;
  lastVisit: LastVisit | null;
  /** Where it is drawn, or null: listed "sans position". */
  position: PlacedPosition | null;
}

export function toMapLieu(lieu: Organisation, lastVisit: LastVisit | null): MapLieu {
  return { lieu, lastVisit, position: placeLieu(lieu, lastVisit) };
}

export interface MapFilter {
  kind?: string;
  service?: ServiceKey;
  /** Only lieux never visited, or not since this many months. */
  notVisitedForMonths?: number;
  /** A territory key: "com:69123", "epci:200046977", "dep:69", "reg:84" or a label. */
  territory?: string;
}

/** The instant `months` before `now` (the 31st of a shorter month falls to its last day). */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() - months);
  const lastDay = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, lastDay));
  return date;
}

function communeKey(lieu: Pick<Organisation, 'inseeCode' | 'commune'>): TerritoryKey | null {
  return lieu.inseeCode ? { key: `com:${lieu.inseeCode}`, kind: 'label', label: lieu.commune || lieu.inseeCode } : null;
}

/** Every territory key of a lieu: its commune's code, then what reports group by. */
function mapTerritoryKeys(lieu: Organisation): string[] {
  const commune = communeKey(lieu);
  return [...(commune ? [commune.key] : []), ...territoryKeys(lieu).map((key) => key.key)];
}

/** The territories the filter offers: those of these lieux, communes last (by name). */
export function mapTerritories(lieux: readonly Organisation[]): TerritoryOption[] {
  const communes = new Map<string, string>();
  for (const lieu of lieux) {
    const key = communeKey(lieu);
    if (key) communes.set(key.key, lieu.inseeCode ? `${key.label} (${lieu.inseeCode})` : key.label);
  }
  return [
    ...territoryOptions(lieux),
    ...[...communes]
      .sort((a, b) => a[1].localeCompare(b[1], 'fr'))
      .map(([key, label]) => ({ key, label, group: 'commune' as const })),
  ];
}

/**
 * The lieux the filter keeps. `withService`: the ids of lieux where a visit named the chosen
 * service (read by the data layer only when that filter is set).
 */
export function filterMapLieux(
  items: readonly MapLieu[],
  filter: MapFilter,
  now: Date,
  withService?: ReadonlySet<string>,
): MapLieu[] {
  const since =
    filter.notVisitedForMonths === undefined ? null : monthsBefore(now, filter.notVisitedForMonths).toISOString();
  return items.filter(
    ({ lieu, lastVisit }) =>
      (filter.kind === undefined || lieu.kind === filter.kind) &&
      (filter.service === undefined || withService?.has(lieu.id) === true) &&
      (since === null || lastVisit === null || lastVisit.visitedAt < since) &&
      (filter.territory === undefined || mapTerritoryKeys(lieu).includes(filter.territory)),
  );
}

/**
 * Where to write the commune names when no tiles load: one label per commune, at the middle of
 * its placed lieux (the map then still says where things are).
 */
export function communeLabels(items: readonly MapLieu[]): { name: string; latitude: number; longitude: number }[] {
  const sums = new Map<string, { name: string; lat: number; lon: number; count: number }>();
  for (const { lieu, position } of items) {
    const name = lieu.commune?.trim();
    if (!position || !name) continue;
    const key = lieu.inseeCode || name.toLowerCase();
    const sum = sums.get(key) ?? { name, lat: 0, lon: 0, count: 0 };
    sum.lat += position.latitude;
    sum.lon += position.longitude;
    sum.count += 1;
    sums.set(key, sum);
  }
  return [...sums.values()].map((sum) => ({
    name: sum.name,
    latitude: sum.lat / sum.count,
    longitude: sum.lon / sum.count,
  }));
}
