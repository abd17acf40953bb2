// The visits' searchable text, normalised once and kept in memory per database, so that a
// search at 50,000 visits reads no record and normalises nothing but the query. Any write to
// the visits table — this tab, another tab, a pulled page — drops it (Dexie's storagemutated
// event); the next search rebuilds it from one getAll.
import Dexie from 'dexie';
import { normalizeForSearch } from '../domain/search';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';

/** What the list's filters need of a visit, and its text ready for `includes`. */
export type SearchEntry = Pick<Visit, 'id' | 'visitedAt' | 'deleted' | 'services' | 'organisationId' | 'contactIds'> & {
  text: string;
};

const built = new Map<string, Promise<SearchEntry[]>>();
let listening = false;

function dropOnVisitWrites(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    for (const name of built.keys()) {
      const prefix = `idb://${name}/visits/`;
      if (Object.keys(parts).some((part) => part.startsWith(prefix))) built.delete(name);
    }
  });
}

/** Every visit (deleted ones too, for the filters to skip), newest first. */
export function searchEntries(context: DataContext): Promise<SearchEntry[]> {
  dropOnVisitWrites();
  const name = context.db.name;
  let entries = built.get(name);
  if (!entries) {
    entries = build(context);
    built.set(name, entries);
    // A failed build is not kept: the next search tries again.
    entries.catch(() => built.delete(name));
  }
  return entries;
}

async function build(context: DataContext): Promise<SearchEntry[]> {
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
}
