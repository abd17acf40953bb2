// What a search compares, kept on disk so that the first search of a session reads one small
// table instead of every visit, lieu and person, and normalises nothing but the query: the
// text of each visit (purpose, notes, place) and the name of each lieu and person. Every
// write to those tables, whatever path it takes (a form, an import, a pulled page, a merge, a
// restore), appends a segment with the written records' normalised text in the same
// transaction (a DBCore middleware); a later segment's entry replaces an earlier one's. The
// same write adds the words it brings to the list of known words (search-words.ts). Here only
// what every page needs, the tables and the middleware's frame: the first screen reads and
// never searches. What a write adds is in search-index-writes.ts, loaded with the first write
// (index-writes-loader.ts); how a search reads it back in search-columns.ts, with the search.
import type { DBCore, Middleware } from 'dexie';
import { indexWrites } from './index-writes-loader';

export const SEARCH_TABLE = 'searchSegments';
/**
 * Every word the search's text has ever held, per table (search-words.ts). Words are only ever
 * added: a tab remembers those it found here while the list's epoch record is the one it read
 * (word-look-ups.ts), so a write that deletes words must delete that record in its transaction
 * (the middleware below does it).
 */
export const WORDS_TABLE = 'searchWords';
/** The list's epoch record: no word's key (`table<TAB>word`) is without a tab. */
export const WORDS_EPOCH_KEY = 'epoch';

export type SearchedTable = 'visits' | 'organisations' | 'contacts';
export const SEARCHED: readonly string[] = ['visits', 'organisations', 'contacts'] satisfies SearchedTable[];

/**
 * Records of one table as one row: parallel columns, the texts joined by line breaks (a
 * normalised text has none), which IndexedDB reads back far faster than one object per record.
 */
export interface SearchSegment {
  seq?: number;
  table: SearchedTable;
  ids: string[];
  /** Visits only: when, to list them newest first. */
  visitedAt: string[];
  /**
   * Per record: "1" when deleted; for a visit "deleted\tservices\torganisationId\tcontactIds",
   * lists space-separated, which the list's filters need.
   */
  facets: string[];
  texts: string;
}

/** A word of the search's text, as "table<TAB>word". */
export interface SearchWord {
  key: string;
}

/**
 * Appends a segment to every write of a searched table, in its transaction
 * (search-index-writes.ts): a write's transaction takes the segments' and words' tables too.
 */
export const searchIndexMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'search-index',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.some((store) => SEARCHED.includes(store))
          ? [...new Set([...stores, SEARCH_TABLE, WORDS_TABLE])]
          : stores,
        mode,
        options,
      ),
    table: (name) => {
      const table = down.table(name);
      if (name === WORDS_TABLE)
        return {
          ...table,
          mutate: (request) =>
            request.type === 'delete' || request.type === 'deleteRange'
              ? Promise.all([
                  table.mutate(request),
                  table.mutate({ type: 'delete', trans: request.trans, keys: [WORDS_EPOCH_KEY] }),
                ]).then(([response]) => response)
              : table.mutate(request),
        };
      if (!SEARCHED.includes(name)) return table;
      return {
        ...table,
        mutate: (request) => indexWrites().searchedMutate(down, table, name as SearchedTable, request),
      };
    },
  }),
};
