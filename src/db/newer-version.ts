// Another tab opened a newer version of the database (an update taken there). Dexie's own answer
// closes this tab's connection, then opens the newer database again under this tab's older
// schema: the tab went on writing without the newer version's keys (a version 15 tab's pulled
// conflicts lacked version 16's open-conflict key, so the new app never listed them) and Dexie
// "patched" the database back to the old indexes (version 161, a dropped index made again).
import type { ValiseDb } from './schema';

/**
 * Closes `db` for good once a newer schema is opened elsewhere; settles then. Dexie stores schema
 * version N as IndexedDB version N × 10, and an older release's tab that "patches" missing
 * indexes raises it by one (160 → 161): the same schema, which this tab must not close for.
 */
export function closeOnNewerVersion(db: ValiseDb): Promise<void> {
  return new Promise((resolve) =>
    db.on('versionchange', (event) => {
      if ((event.newVersion ?? 0) < (db.verno + 1) * 10) return;
      db.close({ disableAutoOpen: true });
      resolve();
      // Dexie's own handler runs after this one unless stopped, and would allow the reopening.
      return false;
    }),
  );
}
