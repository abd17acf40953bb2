// Index keys IndexedDB cannot take from a record's own fields (it has no multi-entry compound
// index, and indexes no boolean, no object's keys, no normalised text): each is a field derived
// from the record, set by a DBCore middleware on every write of its table, whatever path it
// takes (a form, an import, a pulled page, a merge, a restore), and removed from every read, so
// no code above ever sees it — it is never pushed, exported nor backed up. Here the reads'
// half, which every page needs; the keys a write sets are in derived-key-writes.ts, loaded with
// the first write (index-writes-loader.ts): the first screen only reads.
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { ATTENDEE_IDS } from './attendee-keys';
import { DUPLICATE_KEYS } from './duplicate-keys';
import { indexWrites } from './index-writes-loader';
import { OPEN_DUE, OPEN_ITEM, OPEN_RECORD } from './open-keys';
import { SERVICE_DAYS } from './visit-keys';

/** Per table, the field its derived key is kept in. */
export const DERIVED_FIELDS: Readonly<Partial<Record<string, string>>> = {
  organisations: DUPLICATE_KEYS,
  contacts: DUPLICATE_KEYS,
  visits: SERVICE_DAYS,
  events: ATTENDEE_IDS,
  followUps: OPEN_DUE,
  loans: OPEN_ITEM,
  conflicts: OPEN_RECORD,
};

/**
 * A record as read: without its key. A copy, not a `delete`: V8 turns an object that lost a
 * property into a slow dictionary, and a push serialises every record it reads (JSON.stringify
 * of 10,000 read visits took two to three times as long after a delete).
 */
export function withoutKey<T>(field: string, value: T): T {
  if (value === null || typeof value !== 'object' || !(field in value)) return value;
  const { [field]: _key, ...rest } = value as Record<string, unknown>;
  return rest as T;
}

function derivedTable(table: DBCoreTable, field: string): DBCoreTable {
  const read = (value: unknown) => withoutKey(field, value);
  return {
    ...table,
    mutate: (request) =>
      table.mutate(
        request.type === 'add' || request.type === 'put'
          ? { ...request, values: request.values.map((value) => indexWrites().withDerivedKey(table.name, value)) }
          : request,
      ),
    // Chained with then, not awaited: Dexie's promises carry the transaction's zone, which a
    // native await here would lose for the layers above (hooks read it).
    get: (request) => table.get(request).then(read),
    getMany: (request) => table.getMany(request).then((values) => values.map(read)),
    query: (request) =>
      table
        .query(request)
        .then((response) => (request.values ? { ...response, result: response.result.map(read) } : response)),
    openCursor: (request) =>
      table.openCursor(request).then((cursor) => (cursor && request.values ? readCursor(cursor, read) : cursor)),
  };
}

/** A cursor whose value is read without its key (copied once per record it stops at). */
function readCursor(cursor: DBCoreCursor, read: (value: unknown) => unknown): DBCoreCursor {
  let seen: unknown;
  let readValue: unknown;
  // The native cursor's getters throw "Illegal invocation" when read through another object:
  // key and primaryKey are forwarded too, as Dexie's own cursor wrappers do (an `anyOf` jumps by key).
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get: () => {
        const value = cursor.value;
        if (value !== seen) {
          seen = value;
          readValue = read(value);
        }
        return readValue;
      },
    },
  });
}

/**
 * Sets and hides the derived keys. Above Dexie's own layers (levels 0 to 2): its live queries
 * see which keys a write touches. A read hands up a copy without the field and leaves the
 * object it was given as it was.
 */
export const derivedKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'derived-keys',
  level: 5,
  create: (down) => ({
    ...down,
    table: (name) => {
      const field = DERIVED_FIELDS[name];
      return field ? derivedTable(down.table(name), field) : down.table(name);
    },
  }),
};
