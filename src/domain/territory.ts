// The territories a lieu belongs to, as keys reports filter on: its own label (as the network
// names it) and the official codes its commune gave it. Keys of codes never depend on typed
// names, so "Rhône", "rhone" and "69" are one département.
import type { Organisation } from './organisation';

type TerritoryKind = 'label' | 'epci' | 'departement' | 'region';

export interface TerritoryKey {
  /** The network's own label as typed (trimmed); "dep:69", "reg:84", "epci:200046977" for codes. */
  key: string;
  kind: TerritoryKind;
  label: string;
}

type Located = Pick<
  Organisation,
  'territoryLabel' | 'departementCode' | 'departement' | 'regionCode' | 'region' | 'epciCode' | 'epci'
>;

export function territoryKeys(org: Located): TerritoryKey[] {
  const keys: TerritoryKey[] = [];
  const label = org.territoryLabel?.trim();
  if (label) keys.push({ key: label, kind: 'label', label });
  if (org.epciCode) keys.push({ key: `epci:${org.epciCode}`, kind: 'epci', label: org.epci || org.epciCode });
  if (org.departementCode) {
    const name = org.departement ? `${org.departement} (${org.departementCode})` : org.departementCode;
    keys.push({ key: `dep:${org.departementCode}`, kind: 'departement', label: name });
  }
  if (org.regionCode) keys.push({ key: `reg:${org.regionCode}`, kind: 'region', label: org.region || org.regionCode });
  return keys;
}

/** A territory as a filter offers it: grouped by kind, communes only where the screen has them. */
export interface TerritoryOption {
  key: string;
  label: string;
  group: TerritoryKind | 'commune';
}

/** The territories of these lieux as filter options (no communes: reports count by the others). */
export function territoryOptions(orgs: readonly Located[]): TerritoryOption[] {
  return territoriesOf(orgs).map((territory) => ({
    key: territory.key,
    label: territory.label,
    group: territory.kind,
  }));
}

/** Every territory of these lieux once, labels first then EPCI, départements, régions, by name. */
export function territoriesOf(orgs: readonly Located[]): TerritoryKey[] {
  const found = new Map<string, TerritoryKey>();
  for (const org of orgs) for (const key of territoryKeys(org)) if (!found.has(key.key)) found.set(key.key, key);
  const order: TerritoryKind[] = ['label', 'epci', 'departement', 'region'];
  return [...found.values()].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.label.localeCompare(b.label, 'fr'),
  );
}
