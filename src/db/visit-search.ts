// What a search compares, normalised once and kept in memory per database: the text of every
// visit and the names of lieux and people. A search at 50,000 visits then reads no record and
// normalises nothing but the query. Any write to one of these tables — this tab, another tab,
// a pulled page — drops its copy (Dexie's storagemutated event); the next search rebuilds it.
import Dexie from 'dexie';
import { normalizeForSearch } from '../domain/search';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';

/** What the list's filters need of a visit, and its text ready for `includes`. */
export type SearchEntry = Pick<Visit, 'id' | 'visitedAt' | 'deleted' | 'services' | 'organisationId' | 'contactIds'> & {
  text: string;
};

/** A live lieu or person and its normalised name. */
export interface NameEntry {
  id: string;
  text: string;
}

type SearchedTable = 'visits' | 'organisations' | 'contacts';

/** "<database>/<table>" → its entries. */
const built = new Map<string, Promise<unknown>>();
let listening = false;

function dropOnWrites(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    const changed = Object.keys(parts);
    for (const key of built.keys()) {
      if (changed.some((part) => part.startsWith(`idb://${key}/`))) built.delete(key);
    }
  });
}

function cached<T>(context: DataContext, table: SearchedTable, build: () => Promise<T>): Promise<T> {
  dropOnWrites();
  const key = `${context.db.name}/${table}`;
  let entries = built.get(key) as Promise<T> | undefined;
  if (!entries) {
    entries = build();
    built.set(key, entries);
    // A failed build is not kept: the next search tries again.
    entries.catch(() => built.delete(key));
  }
  return entries;
}

/** Every visit (deleted ones too, for the filters to skip), newest first. */
export function searchEntries(context: DataContext): Promise<SearchEntry[]> {
  return cached(context, 'visits', async () => {
    const visits = await context.db.records('visits').toArray();
    return visits
      .map(({ id, visitedAt, deleted, services, organisationId, contactIds, purpose, notes, placeLabel }) => ({
        id,
        visitedAt,
        deleted,
        services,
        organisationId,
        contactIds,
        text: normalizeForSearch([purpose, notes, placeLabel].filter(Boolean).join(' ')),
      }))
      .sort((a, b) => (a.visitedAt < b.visitedAt ? 1 : a.visitedAt > b.visitedAt ? -1 : 0));
  });
}

/** Live lieux or people with their names normalised. */
export function nameEntries(context: DataContext, type: 'organisations' | 'contacts'): Promise<NameEntry[]> {
  return cached(context, type, async () => {
    const records = await context.db.anyRecords(type).toArray();
    return records
      .filter((record) => !record.deleted)
      .map((record) => ({ id: record.id, text: normalizeForSearch(String(record.name ?? '')) }));
  });
}
