// The database opens on the latest version alone, and on an older one with only the versions
// that have an upgrade (schema.ts): a device must end with the same stores and indexes as if
// every version were declared, whichever version it starts from, and no upgrade may be left
// out of the declarations.
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { openValiseDb, SCHEMA_HISTORY, UPGRADED_VERSIONS } from '../../../src/db/schema';
import { UPGRADES } from '../../../src/db/schema-upgrades';

/** Every version up to `last` declared one by one, as the schema was before. */
class EveryVersionDb extends Dexie {
  constructor(name: string, last = SCHEMA_HISTORY.length) {
    super(name);
    SCHEMA_HISTORY.slice(0, last).forEach((changes, index) => {
      this.version(index + 1).stores(changes);
    });
  }
}

/** The stores and indexes a database really has on disk. */
async function storesOnDisk(name: string): Promise<Record<string, string[]>> {
  const db = new Dexie(name);
  await db.open();
  const stores = Object.fromEntries(
    db.tables.map((table) => [
      table.name,
      [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src).sort()],
    ]),
  );
  db.close();
  return stores;
}

const uniqueName = (label: string) => `${label}-${Math.random().toString(36).slice(2)}`;

describe('the schema’s declared versions', () => {
  test('a new device gets the stores and indexes of every version', async () => {
    const declared = uniqueName('declared');
    const every = uniqueName('every');
    (await openValiseDb(declared)).close();
    await new EveryVersionDb(every).open();
    const stores = await storesOnDisk(declared);
    expect(stores).toEqual(await storesOnDisk(every));
    expect(stores.diagnostics).toContain('visitId');
  });

  test.each(SCHEMA_HISTORY.map((_, index) => index + 1))(
    'a device of version %i upgrades to the stores and indexes of every version',
    async (version) => {
      const name = uniqueName(`from-${version}`);
      const old = new EveryVersionDb(name, version);
      await old.open();
      old.close();
      const db = await openValiseDb(name);
      expect(db.verno).toBe(SCHEMA_HISTORY.length);
      db.close();
      const every = uniqueName('every');
      await new EveryVersionDb(every).open();
      expect(await storesOnDisk(name)).toEqual(await storesOnDisk(every));
    },
  );

  test('every upgrade is declared', () => {
    expect(UPGRADED_VERSIONS).toEqual(Object.keys(UPGRADES).map(Number));
  });
});
