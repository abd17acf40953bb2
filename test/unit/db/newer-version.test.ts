// A tab left open on the app while another tab takes an update whose schema is newer: it must
// not go on writing into the newer database with its older schema (newer-version.ts).
import { expect, test } from 'vitest';
import { closeOnNewerVersion } from '../../../src/db/newer-version';
import { SCHEMA_HISTORY } from '../../../src/db/schema';
import { createRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';
import { firstMeetingVisit } from '../../helpers/visit-fields';

/** Opens `name` at `version` as a newer app's tab would, adding a store; resolves once open. */
function openNewer(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => request.result.createObjectStore('laterTable');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the older tab blocked the upgrade'));
  });
}

test('an older tab lets another tab upgrade the database, then writes nothing into it', async () => {
  const older = await openTestContext('older-tab');
  const { db } = older;
  const closed = closeOnNewerVersion(db);
  await createRecord(older, 'visits', firstMeetingVisit('Écrite avant la mise à jour.'));

  const newerVersion = (SCHEMA_HISTORY.length + 1) * 10;
  const newer = await openNewer(db.name, newerVersion);
  await closed;

  await expect(createRecord(older, 'visits', firstMeetingVisit('Écrite après.'))).rejects.toThrow();
  newer.close();
  const [onDisk] = (await indexedDB.databases()).filter((database) => database.name === db.name);
  // Not reopened and "patched" to its own schema by the older tab's write.
  expect(onDisk?.version).toBe(newerVersion);
});

test("a tab stays open when an older release's tab only patches the same schema's indexes", async () => {
  const current = await openTestContext('patched-by-older-tab');
  const { db } = current;
  let closedForGood = false;
  void closeOnNewerVersion(db).then(() => {
    closedForGood = true;
  });
  await createRecord(current, 'visits', firstMeetingVisit('Écrite avant.'));

  // Dexie's patch of missing indexes: the same schema, one IndexedDB version up (160 → 161).
  const patched = await openNewer(db.name, db.verno * 10 + 1);
  patched.close();

  await expect(createRecord(current, 'visits', firstMeetingVisit('Écrite après.'))).resolves.toBeDefined();
  expect(closedForGood).toBe(false);
});
