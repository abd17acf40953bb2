// A new device's database, made by plain IndexedDB a few stores per task before Dexie opens it.
// Dexie makes every store and index of a new database in one task (with its own view of them,
// made again when it opens), a first visit's longest task after the first paint on a slow
// phone; a store needs its transaction active, which a request's answer makes it again, in a
// task of its own. Loaded only on a device that has no database yet.
import type { Dexie } from 'dexie';

/** Stores made per task: the 21 stores and 42 indexes in five or six short tasks. */
const STORES_PER_TASK = 4;

/**
 * Makes the database `db` declares (its latest version, stores and indexes exactly as Dexie's
 * own upgrade would make them), then closes it for Dexie to open. If another tab made it first,
 * there is nothing to do; if the tab closes halfway, the upgrade aborts and nothing is left.
 */
export function createInSlices(db: Dexie): Promise<void> {
  const schemas = db.tables.map((table) => table.schema);
  return new Promise((resolve, reject) => {
    // Dexie gives IndexedDB its versions times ten.
    const request = indexedDB.open(db.name, Math.round(db.verno * 10));
    request.onupgradeneeded = (event) => {
      const upgrade = request.transaction as IDBTransaction;
      // A database made meanwhile by a tab of an older version: Dexie upgrades it, not this.
      if (event.oldVersion > 0) return upgrade.abort();
      const createFrom = (first: number) => {
        for (const { name, primKey, indexes } of schemas.slice(first, first + STORES_PER_TASK)) {
          const store = request.result.createObjectStore(
            name,
            primKey.keyPath
              ? { keyPath: primKey.keyPath, autoIncrement: primKey.auto }
              : { autoIncrement: primKey.auto },
          );
          for (const index of indexes)
            store.createIndex(index.name, index.keyPath ?? '', { unique: index.unique, multiEntry: index.multi });
        }
        const next = first + STORES_PER_TASK;
        // A read of a store just made keeps the upgrade open; its answer comes in another task.
        if (next < schemas.length)
          upgrade.objectStore((schemas[first] as { name: string }).name).count().onsuccess = () => createFrom(next);
      };
      createFrom(0);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}
