// Index keys IndexedDB cannot take from a record's own fields (it has no multi-entry compound
// index, and indexes no boolean, no object's keys, no normalised text): each is a field derived
// from the record, set by a DBCore middleware on every write of its table, whatever path it
// takes (a form, an import, a pulled page, a merge, a restore), and removed from every read, so
// no code above ever sees it — it is never pushed, exported nor backed up.
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { ATTENDEE_IDS, attendeeIds } from './attendee-keys';
import { DUPLICATE_KEYS, duplicateKeys } from './duplicate-keys';
import { OPEN_DUE, OPEN_ITEM, openDue, openItemId } from './open-keys';
import { SERVICE_DAYS, serviceDays } from './visit-keys';

type Row = Record<string, unknown>;

interface DerivedKey {
  field: string;
  /** The record's key in the field's index; undefined leaves the record out of the index. */
  of(record: Row): unknown;
}

/** An array key for a multi-entry index; undefined (no entry) when there is none. */
const entries = (keys: string[]) => (keys.length > 0 ? keys : undefined);

const DERIVED_KEYS: Readonly<Partial<Record<string, DerivedKey>>> = {
  organisations: { field: DUPLICATE_KEYS, of: (lieu) => entries(duplicateKeys('organisations', lieu)) },
  contacts: { field: DUPLICATE_KEYS, of: (person) => entries(duplicateKeys('contacts', person)) },
  visits: { field: SERVICE_DAYS, of: (visit) => entries(serviceDays(visit)) },
  events: { field: ATTENDEE_IDS, of: (event) => entries(attendeeIds(event)) },
  followUps: { field: OPEN_DUE, of: openDue },
  loans: { field: OPEN_ITEM, of: openItemId },
};

/** A record as stored: with its key (a copy: the caller's object is left as it was). */
function withKey(derived: DerivedKey, record: Row): Row {
  const key = derived.of(record);
  return key === undefined ? withoutKey(derived.field, record) : { ...record, [derived.field]: key };
}

/**
 * A record as read: without its key. A copy, not a `delete`: V8 turns an object that lost a
 * property into a slow dictionary, and a push serialises every record it reads (JSON.stringify
 * of 10,000 read visits took two to three times as long after a delete).
 */
function withoutKey<T>(field: string, value: T): T {
  if (value === null || typeof value !== 'object' || !(field in value)) return value;
  const { [field]: _key, ...rest } = value as Row;
  return rest as T;
}

function derivedTable(table: DBCoreTable, derived: DerivedKey): DBCoreTable {
  const read = (value: unknown) => withoutKey(derived.field, value);
  return {
    ...table,
    mutate: (request) =>
      table.mutate(
        request.type === 'add' || request.type === 'put'
          ? { ...request, values: request.values.map((value) => withKey(derived, value as Row)) }
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
      const derived = DERIVED_KEYS[name];
      return derived ? derivedTable(down.table(name), derived) : down.table(name);
    },
  }),
};

/**
 * A schema upgrade's backfill, on the object store itself: only the keys change, so the
 * search's middleware has nothing to redo. Records with no key are left as they are.
 */
export function fillDerivedKeys(store: IDBObjectStore): Promise<void> {
  const derived = DERIVED_KEYS[store.name];
  if (!derived) return Promise.reject(new Error(`no derived key in ${store.name}`));
  return new Promise((resolve, reject) => {
    const request = store.openCursor();
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      const value = cursor.value as Row;
      if (derived.of(value) !== undefined) cursor.update(withKey(derived, value));
      cursor.continue();
    };
  });
}
