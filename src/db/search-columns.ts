// How a search reads the segments the search-index middleware writes (search-index.ts): the
// live records of a table in columns, a later segment's entry replacing an earlier one's. A
// search that reads more than COMPACT_AFTER segments of a table (one per save) rewrites them as
// one. Apart from the middleware, which every write needs, so the first screen does not load it.
import type { Table } from 'dexie';
import type { Visit } from '../domain/visit';
import type { SearchedTable, SearchSegment } from './search-index';

/** The live records of a table, in columns (visits newest first). */
export interface SearchColumns {
  ids: string[];
  visitedAt: string[];
  facets: string[];
  texts: string[];
}

/** What the list's filters read of a visit, from its facets. */
export type VisitFacets = Pick<Visit, 'deleted' | 'services' | 'organisationId' | 'contactIds'>;

const COMPACT_AFTER = 2000;

export function visitFacets(facet: string): VisitFacets {
  const [deleted, services, organisationId, contactIds] = facet.split('\t');
  return {
    deleted: deleted === '1',
    services: (services ? services.split(' ') : []) as Visit['services'],
    organisationId: organisationId || null,
    contactIds: contactIds ? contactIds.split(' ') : [],
  };
}

/**
 * The live records of the segments (a later segment's entry wins); visits newest first, and
 * visits of the same instant by id, last first: the order of the `visitedAt` index read
 * backwards, which a first search walks (visit-finder.ts), so both find the same page.
 */
function mergeSegments(segments: readonly SearchSegment[]): SearchColumns {
  const at = new Map<string, number>();
  const merged: SearchColumns = { ids: [], visitedAt: [], facets: [], texts: [] };
  for (const segment of segments) {
    const texts = segment.texts.split('\n');
    segment.ids.forEach((id, index) => {
      const position = at.get(id) ?? merged.ids.length;
      at.set(id, position);
      merged.ids[position] = id;
      merged.visitedAt[position] = segment.visitedAt[index] ?? '';
      merged.facets[position] = segment.facets[index] ?? '';
      merged.texts[position] = texts[index] ?? '';
    });
  }
  const live = merged.ids.flatMap((_, position) => (merged.facets[position]?.startsWith('1') ? [] : [position]));
  const { visitedAt, ids } = merged;
  live.sort((a, b) => {
    const x = visitedAt[a] ?? '';
    const y = visitedAt[b] ?? '';
    if (x !== y) return x < y ? 1 : -1;
    // Lieux and people have no date: they stay in the order they were first written.
    if (x === '') return 0;
    const i = ids[a] ?? '';
    const j = ids[b] ?? '';
    return i < j ? 1 : i > j ? -1 : 0;
  });
  return {
    ids: live.map((position) => merged.ids[position] ?? ''),
    visitedAt: live.map((position) => visitedAt[position] ?? ''),
    facets: live.map((position) => merged.facets[position] ?? ''),
    texts: live.map((position) => merged.texts[position] ?? ''),
  };
}

/** Reads a table's segments; rewrites them as one when there are many. */
export async function readSearchColumns(
  segments: Table<SearchSegment, number>,
  table: SearchedTable,
  compactAfter = COMPACT_AFTER,
): Promise<SearchColumns> {
  const ofTable = segments.where('table').equals(table);
  if ((await ofTable.count()) <= compactAfter) return mergeSegments(await ofTable.toArray());
  return compact(segments, table);
}

/** Rewrites a table's segments as one (one transaction, so no write slips between). */
function compact(segments: Table<SearchSegment, number>, table: SearchedTable): Promise<SearchColumns> {
  return segments.db.transaction('rw', segments, async () => {
    const ofTable = () => segments.where('table').equals(table);
    const columns = mergeSegments(await ofTable().toArray());
    await ofTable().delete();
    await segments.add({ table, ...columns, texts: columns.texts.join('\n') });
    return columns;
  });
}

/**
 * After a pull: the names of lieux and people as one segment each when pulls left several (a
 * pulled page writes its own, scattered among the visits' segments on disk, and reading them
 * cost a search by name as much as the rest of it), so that such a search reads one small row.
 * The visits' text, a hundred times larger, is left to the search that needs it whole.
 */
export async function compactSearchNames(segments: Table<SearchSegment, number>, compactAfter = 4): Promise<void> {
  for (const table of ['organisations', 'contacts'] satisfies SearchedTable[])
    if ((await segments.where('table').equals(table).count()) > compactAfter) await compact(segments, table);
}
