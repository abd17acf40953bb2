// The database opens on the latest version alone, and on an older one with only the versions
// that have an upgrade (schema.ts): a device must end with the same stores and indexes as if
// every version were declared, whichever version it starts from, and no upgrade may be left
// out of the declarations.
import Dexie from 'dexie';
import { describe, expect, test, vi } from 'vitest';
import { createInSlices } from '../../../src/db/new-database';
import { SCHEMA_HISTORY, UPGRADED_VERSIONS, ValiseDb } from '../../../src/db/schema';
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

/** The version and the stores and indexes a database really has on disk. */
async function onDisk(name: string): Promise<{ version: number; stores: Record<string, string[]> }> {
  const db = new Dexie(name);
  await db.open();
  const stores = Object.fromEntries(
    db.tables.map((table) => [
      table.name,
      [table.schema.primKey.src, ...table.schema.indexes.map((index) => index.src).sort()],
    ]),
  );
  const version = db.verno;
  db.close();
  return { version, stores };
}

/** What a database of every version declared one by one has on disk. */
async function everyVersionOnDisk(): Promise<{ version: number; stores: Record<string, string[]> }> {
  const name = uniqueName('every');
  const db = new EveryVersionDb(name);
  await db.open();
  db.close();
  return onDisk(name);
}

const uniqueName = (label: string) => `${label}-${Math.random().toString(36).slice(2)}`;

describe('the schema’s declared versions', () => {
  test('a new device gets the stores and indexes of every version', async () => {
    const declared = uniqueName('declared');
    (await ValiseDb.openOnDevice(declared)).close();
    const found = await onDisk(declared);
    expect(found).toEqual(await everyVersionOnDisk());
    expect(found.version).toBe(SCHEMA_HISTORY.length);
    expect(found.stores.diagnostics).toContain('visitId');
  });

  test('a new device’s database, made a few stores per task, is the one Dexie makes and opens as it is', async () => {
    const name = uniqueName('sliced');
    await createInSlices(new ValiseDb(name, { upgrades: false }));
    // Dexie would raise the version of a database whose stores differ from those it declares.
    (await ValiseDb.openOnDevice(name)).close();
    expect(await onDisk(name)).toEqual(await everyVersionOnDisk());
  });

  test.each(SCHEMA_HISTORY.map((_, index) => index + 1))(
    'a device of version %i upgrades to the stores and indexes of every version',
    async (version) => {
      const name = uniqueName(`from-${version}`);
      const old = new EveryVersionDb(name, version);
      await old.open();
      old.close();
      (await ValiseDb.openOnDevice(name)).close();
      const found = await onDisk(name);
      expect(found).toEqual(await everyVersionOnDisk());
      expect(found.version).toBe(SCHEMA_HISTORY.length);
    },
  );

  test('a device of an older version is opened once, with every upgrade, not first refused by the latest schema alone', async () => {
    // WebKit keeps the indexes of a refused upgrade, and its retry then fails at every start.
    const name = uniqueName('older');
    const old = new EveryVersionDb(name, SCHEMA_HISTORY.length - 1);
    await old.open();
    old.close();
    const open = vi.spyOn(indexedDB, 'open');
    try {
      (await ValiseDb.openOnDevice(name)).close();
      expect(open.mock.calls.filter(([opened]) => opened === name).map(([, version]) => version)).toEqual([
        SCHEMA_HISTORY.length * 10,
      ]);
    } finally {
      open.mockRestore();
    }
  });

  test('every upgrade is declared', () => {
    expect(UPGRADED_VERSIONS).toEqual(Object.keys(UPGRADES).map(Number));
  });
});
