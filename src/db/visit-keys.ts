// Visits of a service, newest first, straight from an index: IndexedDB has no multi-entry
// compound index, so each stored visit carries `serviceDays`, one "service<TAB>visitedAt" key
// per service (none for a deleted visit), under a multi-entry index. The field is derived: a
// DBCore middleware sets it on every write of a visit, whatever path it takes (a form, an
// import, a pulled page, a merge, a restore), and removes it from every read, so no code above
// ever sees it — it is never pushed, exported nor backed up.
import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import type { ServiceKey } from '../domain/services';

export const SERVICE_DAYS = 'serviceDays';

/** The keys of a stored visit in the `serviceDays` index (the bench writes them for its raw baseline). */
export function serviceDays(visit: { deleted?: boolean; services?: readonly string[]; visitedAt?: string }): string[] {
  if (visit.deleted === true || typeof visit.visitedAt !== 'string') return [];
  return (visit.services ?? []).map((service) => `${service}\t${visit.visitedAt}`);
}

/**
 * The `serviceDays` keys of a service's visits from `lower` (included) to `upper` (excluded),
 * instants as the `visitedAt` index compares them: the service's keys sort by their instant.
 */
export function serviceDayRange(service: ServiceKey, lower: string, upper: string): [string, string] {
  return [`${service}\t${lower}`, `${service}\t${upper}`];
}

/** A visit as stored: with its keys (a copy: the caller's object is left as it was). */
function withServiceDays<T extends Record<string, unknown>>(visit: T): T {
  const keys = serviceDays(visit);
  return keys.length > 0 ? { ...visit, [SERVICE_DAYS]: keys } : (withoutServiceDays(visit) as T);
}

/**
 * A visit as read: without its keys. A copy, not a `delete`: V8 turns an object that lost a
 * property into a slow dictionary, and a push serialises every visit it reads (JSON.stringify
 * of 10,000 read visits took two to three times as long after a delete).
 */
function withoutServiceDays(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !(SERVICE_DAYS in value)) return value;
  const { [SERVICE_DAYS]: _keys, ...rest } = value as Record<string, unknown>;
  return rest;
}

function visitsTable(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (request) =>
      table.mutate(
        request.type === 'add' || request.type === 'put'
          ? { ...request, values: request.values.map((value) => withServiceDays(value as Record<string, unknown>)) }
          : request,
      ),
    // Chained with then, not awaited: Dexie's promises carry the transaction's zone, which a
    // native await here would lose for the layers above (hooks read it).
    get: (request) => table.get(request).then(withoutServiceDays),
    getMany: (request) => table.getMany(request).then((values) => values.map(withoutServiceDays)),
    query: (request) =>
      table
        .query(request)
        .then((response) =>
          request.values ? { ...response, result: response.result.map(withoutServiceDays) } : response,
        ),
    openCursor: (request) =>
      table.openCursor(request).then((cursor) => (cursor && request.values ? readCursor(cursor) : cursor)),
  };
}

/** A cursor whose value is read without its keys (copied once per record it stops at). */
function readCursor(cursor: DBCoreCursor): DBCoreCursor {
  let seen: unknown;
  let read: unknown;
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
          read = withoutServiceDays(value);
        }
        return read;
      },
    },
  });
}

/**
 * Sets and hides `serviceDays` on the visits table. Above Dexie's own layers (levels 0 to 2):
 * its live queries see which keys a write touches. A read hands up a copy without the field and
 * leaves the object it was given as it was.
 */
export const visitKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'visit-keys',
  level: 5,
  create: (down) => ({
    ...down,
    table: (name) => (name === 'visits' ? visitsTable(down.table(name)) : down.table(name)),
  }),
};

/**
 * The schema upgrade's backfill, on the object store itself: only the keys change, so the
 * search's middleware has nothing to redo. Visits with no key are left as they are.
 */
export function fillServiceDays(store: IDBObjectStore): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = store.openCursor();
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      const value = cursor.value as Record<string, unknown>;
      if (serviceDays(value).length > 0) cursor.update(withServiceDays(value));
      cursor.continue();
    };
  });
}
