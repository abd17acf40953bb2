// French communes known offline: the compact table built from Etalab's administrative
// divisions (test/tools/communes-data.ts) read into an index, and the lookups the lieu form
// and imports use — by postcode, by name, by INSEE code.
import { normalizeForSearch } from './search';

interface Area {
  code: string;
  name: string;
}

export interface Commune {
  /** INSEE code: 5 characters, "2A004" in Corsica. */
  insee: string;
  name: string;
  postcodes: readonly string[];
  departement: Area;
  /** Null for the few overseas collectivities outside any région. */
  region: Area | null;
  /** The intercommunality (EPCI à fiscalité propre) the commune belongs to, when any. */
  epci: Area | null;
}

export interface CommuneIndex {
  readonly communes: readonly Commune[];
  readonly byInsee: ReadonlyMap<string, Commune>;
  readonly byPostcode: ReadonlyMap<string, readonly Commune[]>;
}

/** Normalised names, in the order of `communes`: built by the first search by name only. */
const normalisedNames = new WeakMap<CommuneIndex, readonly string[]>();

function namesOf(index: CommuneIndex): readonly string[] {
  let names = normalisedNames.get(index);
  if (!names) {
    names = index.communes.map((commune) => normalizeForSearch(commune.name));
    normalisedNames.set(index, names);
  }
  return names;
}

/** Communes by normalised name: built by the first lookup by name, for imports of thousands of lines. */
const byNormalisedName = new WeakMap<CommuneIndex, ReadonlyMap<string, readonly Commune[]>>();

/** The communes bearing this name (accents, case and punctuation aside): several share one. */
export function communesNamed(index: CommuneIndex, name: string): readonly Commune[] {
  let named = byNormalisedName.get(index);
  if (!named) {
    const map = new Map<string, Commune[]>();
    namesOf(index).forEach((key, position) => {
      const commune = index.communes[position] as Commune;
      map.set(key, [...(map.get(key) ?? []), commune]);
    });
    named = map;
    byNormalisedName.set(index, named);
  }
  return named.get(normalizeForSearch(name)) ?? [];
}

/** Overseas départements and collectivities have 3-character codes (971…988). */
function departementOf(insee: string): string {
  return /^9[78]/.test(insee) ? insee.slice(0, 3) : insee.slice(0, 2);
}

export function parseCommunes(table: string): CommuneIndex {
  const regions = new Map<string, Area>();
  const departements = new Map<string, { area: Area; region: string }>();
  const epcis: Area[] = [];
  const communes: Commune[] = [];
  for (const line of table.split('\n')) {
    const cells = line.split('\t');
    const [first = '', second = '', third = '', fourth = ''] = cells;
    if (first === 'R') regions.set(second, { code: second, name: third });
    else if (first === 'D') departements.set(second, { area: { code: second, name: fourth }, region: third });
    else if (first === 'E') epcis.push({ code: second, name: third });
    else if (first !== '') {
      const dep = departements.get(departementOf(first));
      communes.push({
        insee: first,
        name: second,
        postcodes: third === '' ? [] : third.split(' '),
        departement: dep?.area ?? { code: departementOf(first), name: '' },
        region: (dep && regions.get(dep.region)) ?? null,
        epci: fourth === '' ? null : (epcis[Number(fourth)] ?? null),
      });
    }
  }
  const byPostcode = new Map<string, Commune[]>();
  for (const commune of communes) {
    for (const postcode of commune.postcodes) {
      const list = byPostcode.get(postcode);
      if (list) list.push(commune);
      else byPostcode.set(postcode, [commune]);
    }
  }
  const collator = new Intl.Collator('fr');
  for (const list of byPostcode.values()) list.sort((a, b) => collator.compare(a.name, b.name));
  return {
    communes,
    byInsee: new Map(communes.map((commune) => [commune.insee, commune])),
    byPostcode,
  };
}

/** The communes a postcode serves (several share one: 01400 serves ten), by name. */
export function communesOfPostcode(index: CommuneIndex, postcode: string): readonly Commune[] {
  return index.byPostcode.get(postcode.trim()) ?? [];
}

/**
 * What to offer as someone types in the postcode or commune box: digits match postcodes
 * (a full one exactly, all its communes; a start by prefix); words match names — a name equal
 * to the text first, then names starting with it, then names containing it. A name typed
 * under a full postcode offers that postcode's communes first (01400 then "Ch": Châtillon-sur-
 * Chalaronne before the other Châtillons), the others after, in case the postcode is wrong.
 */
export function searchCommunes(
  index: CommuneIndex,
  text: string,
  { limit = 8, postcode = '' }: { limit?: number; postcode?: string } = {},
): Commune[] {
  const query = text.trim();
  // Every commune of a full postcode is offered (up to a few dozen): the right one may be last.
  if (/^\d{5}$/.test(query)) return [...communesOfPostcode(index, query)];
  if (/^\d{2,4}$/.test(query)) {
    const found: Commune[] = [];
    for (const commune of index.communes) {
      if (commune.postcodes.some((code) => code.startsWith(query))) found.push(commune);
      if (found.length === limit) break;
    }
    return found;
  }
  const wanted = normalizeForSearch(query);
  if (wanted.length < 2) return [];
  const served = new Set(communesOfPostcode(index, postcode));
  const ranked: { commune: Commune; rank: number }[] = [];
  namesOf(index).forEach((name, position) => {
    const rank = name === wanted ? 0 : name.startsWith(wanted) ? 1 : name.includes(wanted) ? 2 : -1;
    if (rank < 0) return;
    const commune = index.communes[position] as Commune;
    ranked.push({ commune, rank: served.has(commune) ? rank : rank + 3 });
  });
  return ranked
    .sort((a, b) => a.rank - b.rank || a.commune.name.length - b.commune.name.length)
    .slice(0, limit)
    .map((entry) => entry.commune);
}

/** The administrative fields a lieu takes from a chosen commune. */
export function communeFields(commune: Commune, postcode?: string | null) {
  return {
    commune: commune.name,
    inseeCode: commune.insee,
    postcode: postcode && commune.postcodes.includes(postcode) ? postcode : (commune.postcodes[0] ?? null),
    departementCode: commune.departement.code,
    departement: commune.departement.name || null,
    regionCode: commune.region?.code ?? null,
    region: commune.region?.name ?? null,
    epciCode: commune.epci?.code ?? null,
    epci: commune.epci?.name ?? null,
  };
}
