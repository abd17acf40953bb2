// The code that keeps the database's own indexes on a write (the search's text and words,
// the derived index keys) and the schema upgrades that fill them (index-writes.ts) loads apart:
// the first screen only reads, and an upgrade runs once per device. Loaded before the first
// write's transaction opens (schema.ts), never awaited inside one: IndexedDB commits a
// transaction that waits on anything but itself.
import type * as IndexWrites from './index-writes';

let loading: Promise<typeof IndexWrites> | undefined;
let loaded: typeof IndexWrites | undefined;

export function loadIndexWrites(): Promise<typeof IndexWrites> {
  loading ??= import('./index-writes').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      // Offline before the service worker had the file: the next write asks again.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The index writes, for a middleware inside a write's transaction (opened once they are loaded). */
export function indexWrites(): typeof IndexWrites {
  if (!loaded) {
    // A Table write outside db.transaction(), before any transaction loaded them: write in one.
    throw new Error('A write reached an indexed table before index-writes.ts was loaded: write in db.transaction()');
  }
  return loaded;
}

/** Whether a write's transaction may open at once. */
export function indexWritesLoaded(): boolean {
  return loaded !== undefined;
}
