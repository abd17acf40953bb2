// What a search compares, kept in memory per database: the text of every visit and the names
// of lieux and people, read from their on-disk copy (search-index.ts). A search at 50,000
// visits then reads no record and normalises nothing but the query; a query with a word that
// is part of no known word (search-words.ts) reads neither. Any write to one of these
// tables — this tab, another tab, a pulled page — drops its copy (Dexie's storagemutated
// event); the next search reads it again.
import Dexie from 'dexie';
import type { DataContext } from './context';
import { readSearchColumns, type SearchColumns } from './search-columns';
import { type SearchedTable, WORDS_TABLE } from './search-index';
import { type KnownWords, knownWords } from './search-words';

/** A live lieu or person and its normalised name. */
interface NameEntry {
  id: string;
  text: string;
}

/** "<database>/<table>" → its entries, and them once read. */
const built = new Map<string, { entries: Promise<unknown>; read?: unknown }>();
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

function cached<T>(
  context: DataContext,
  table: SearchedTable | typeof WORDS_TABLE,
  build: () => Promise<T>,
): Promise<T> {
  dropOnWrites();
  const key = `${context.db.name}/${table}`;
  let kept = built.get(key);
  if (!kept) {
    const entries = build();
    const fresh: { entries: Promise<unknown>; read?: unknown } = { entries };
    kept = fresh;
    built.set(key, fresh);
    entries.then(
      (read) => {
        fresh.read = read;
      },
      // A failed build is not kept: the next search tries again.
      () => {
        if (built.get(key) === fresh) built.delete(key);
      },
    );
  }
  return kept.entries as Promise<T>;
}

/** Every word of visits, lieux and people: what a search reads first. */
export function searchWords(context: DataContext): Promise<KnownWords> {
  return cached(context, WORDS_TABLE, async () =>
    knownWords(await context.db.searchWords.toCollection().primaryKeys()),
  );
}

/** Every live visit, newest first. */
export function searchColumns(context: DataContext): Promise<SearchColumns> {
  return cached(context, 'visits', () => readSearchColumns(context.db.searchSegments, 'visits'));
}

/** The columns of visits if a search read them since the last write, else null (nothing is read). */
export function searchColumnsRead(context: DataContext): SearchColumns | null {
  return (built.get(`${context.db.name}/visits`)?.read as SearchColumns | undefined) ?? null;
}

/** Live lieux or people with their names normalised. */
export function nameEntries(context: DataContext, type: 'organisations' | 'contacts'): Promise<NameEntry[]> {
  return cached(context, type, async () => {
    const { ids, texts } = await readSearchColumns(context.db.searchSegments, type);
    return ids.map((id, index) => ({ id, text: texts[index] ?? '' }));
  });
}
