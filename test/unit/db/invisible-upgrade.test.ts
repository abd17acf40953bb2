// Version 15 of the schema: a database written by version 14, whose duplicate keys and search
// text read a soft hyphen or a zero-width space as a space, has them worked out again once the
// app runs (src/db/invisible-rebuild.ts), so that a name pasted with such a character (now
// dropped: src/domain/search.ts) finds the record stored with it, and duplicates are suggested
// both ways (review10 M1).
import Dexie from 'dexie';
import { describe, expect, test, vi } from 'vitest';
import { openDataContext } from '../../../src/db/context';
import { duplicateKeys, serviceDays } from '../../../src/db/derived-key-writes';
import { INVISIBLE_REBUILD, REBUILD_START, rebuildInvisible } from '../../../src/db/invisible-rebuild';
import { duplicatesOf } from '../../../src/db/merge';
import { updateOrganisation } from '../../../src/db/organisations';
import { pickerCandidates } from '../../../src/db/picker-queries';
import { SCHEMA_HISTORY, ValiseDb } from '../../../src/db/schema';
import { segmentOfRecords } from '../../../src/db/search-index-writes';
import { wordKeys } from '../../../src/db/search-words';
import { listVisits } from '../../../src/db/visits';
import { newId } from '../../../src/domain/ids';
import { storedBase } from '../../helpers/stored-record';

const SOFT_HYPHEN = '\u00ad';
const ZERO_WIDTH_SPACE = '\u200b';

type Row = Record<string, unknown>;

/**
 * A record as version 14 normalised it: an invisible character read as a space (as any
 * character that is no letter, digit, @ . or +), which today's normalisation of the text with
 * a space in its place gives exactly.
 */
const asVersion14Read = (record: Row): Row =>
  Object.fromEntries(
    Object.entries(record).map(([field, value]) => [
      field,
      typeof value === 'string' ? value.replace(/[\u00ad\u200b]/g, ' ') : value,
    ]),
  );

/** Writes the records as version 14 stored them: with the keys, search text and words it worked out. */
async function writeVersion14Database(name: string, tables: Record<'organisations' | 'contacts' | 'visits', Row[]>) {
  const db = new Dexie(name);
  db.version(14).stores(Object.assign({}, ...SCHEMA_HISTORY.slice(0, 14)));
  await db.open();
  for (const [table, records] of Object.entries(tables) as ['organisations' | 'contacts' | 'visits', Row[]][]) {
    const read = records.map(asVersion14Read);
    await db
      .table(table)
      .bulkAdd(
        records.map((record, index) =>
          table === 'visits'
            ? { ...record, serviceDays: serviceDays(record) }
            : { ...record, duplicateKeys: duplicateKeys(table, read[index] as Row) },
        ),
      );
    const segment = segmentOfRecords(table, read);
    await db.table('searchSegments').add(segment);
    await db
      .table('searchWords')
      .bulkPut(wordKeys(table, new Set(segment.texts.split(/[\n ]/))).map((key) => ({ key })));
  }
  db.close();
}

const base = () => ({ ...storedBase(), id: newId() });
const lieu = (name: string) => ({ ...base(), name, kind: 'tiers_lieu', commune: 'Redon', networks: [], tags: [] });
const person = (name: string) => ({ ...base(), name, organisationIds: [], tags: [] });

type Tables = Partial<Record<'organisations' | 'contacts' | 'visits', Row[]>>;

/** The version 14 database opened by today's app, its rebuild noted and not yet done. */
async function opened(tables: Tables) {
  const name = `invisible-${Math.random().toString(36).slice(2)}`;
  await writeVersion14Database(name, { organisations: [], contacts: [], visits: [], ...tables });
  const context = await openDataContext({ name });
  expect(context.db.verno).toBe(new ValiseDb(`probe-${name}`).verno);
  expect((await context.db.meta.get(INVISIBLE_REBUILD))?.value).toEqual(REBUILD_START);
  return context;
}

async function upgraded(tables: Tables) {
  const context = await opened(tables);
  await rebuildInvisible(context);
  expect(await context.db.meta.get(INVISIBLE_REBUILD)).toBeUndefined();
  // Derived data alone: nothing to send, no record's clock or author touched.
  expect(await context.db.outbox.count()).toBe(0);
  for (const [table, rows] of Object.entries(tables))
    for (const row of rows ?? []) {
      const stored = await context.db.anyRecords(table as 'visits').get(row.id as string);
      expect(stored).toMatchObject({ hlc: row.hlc, updatedAt: row.updatedAt, updatedBy: row.updatedBy });
    }
  return context;
}

const names = (rows: { record: { name: string } }[]) => rows.map(({ record }) => record.name);

describe('records stored by version 14 with an invisible character in a name', () => {
  test('two lieux stored with the same soft hyphen are still suggested as duplicates of each other', async () => {
    const first = lieu(`Fab${SOFT_HYPHEN}Lab`);
    const second = lieu(`Fab${SOFT_HYPHEN}Lab`);
    const context = await upgraded({ organisations: [first, second] });
    expect(names(await duplicatesOf(context, 'organisations', first.id))).toEqual([second.name]);
    expect(names(await duplicatesOf(context, 'organisations', second.id))).toEqual([first.name]);
    context.db.close();
  });

  test('a lieu or person with the character and one without are suggested as duplicates, both ways', async () => {
    const pasted = lieu(`Fab${SOFT_HYPHEN}Lab`);
    const typed = lieu('FabLab');
    const camille = person(`Ca${ZERO_WIDTH_SPACE}mille Martin`);
    const other = person('Camille Martin');
    const context = await upgraded({ organisations: [pasted, typed], contacts: [camille, other] });
    expect(names(await duplicatesOf(context, 'organisations', pasted.id))).toEqual(['FabLab']);
    expect(names(await duplicatesOf(context, 'organisations', typed.id))).toEqual([pasted.name]);
    expect(names(await duplicatesOf(context, 'contacts', camille.id))).toEqual(['Camille Martin']);
    expect(names(await duplicatesOf(context, 'contacts', other.id))).toEqual([camille.name]);
    context.db.close();
  });

  test('a name pasted with the soft hyphen finds its stored lieu in the picker, and typed without it too', async () => {
    const stored = lieu(`La Fab${SOFT_HYPHEN}rique`);
    const context = await upgraded({ organisations: [stored, lieu('La Forge')] });
    const picked = async (query: string) =>
      (await pickerCandidates(context, 'organisations', query, 10)).map((row) => row.id);
    expect(await picked(`Fab${SOFT_HYPHEN}rique`)).toEqual([stored.id]);
    expect(await picked('fabrique')).toEqual([stored.id]);
    context.db.close();
  });

  test('a visit whose notes hold the character is found by the word, with or without it', async () => {
    const visit = {
      ...base(),
      visitedAt: '2026-03-03T13:05:00.000Z',
      organisationId: null,
      contactIds: [],
      services: ['detect'],
      purpose: 'Premier rendez-vous',
      notes: `Atelier de ré${ZERO_WIDTH_SPACE}emploi à côté du fablab`,
    };
    const context = await upgraded({ visits: [visit] });
    for (const query of ['reemploi', `ré${SOFT_HYPHEN}emploi`])
      expect((await listVisits(context, { limit: 10, query })).map((row) => row.visit.id)).toEqual([visit.id]);
    context.db.close();
  });

  test('a rebuild of several slices reaches the last record', async () => {
    const people = Array.from({ length: 520 }, (_, index) => person(`Personne ${index}`));
    const last = person(`Ca${ZERO_WIDTH_SPACE}mille Martin`);
    const other = person('Camille Martin');
    const context = await upgraded({ contacts: [...people, other, last] });
    expect(names(await duplicatesOf(context, 'contacts', last.id))).toEqual(['Camille Martin']);
    context.db.close();
  });
});

describe('a record changed while the rebuild reads it', () => {
  test('a lieu renamed between the read of its slice and its rewrite keeps its new name', async () => {
    const pasted = lieu(`Fab${SOFT_HYPHEN}Lab`);
    const context = await opened({ organisations: [pasted] });
    const renamed = `Fab${SOFT_HYPHEN}Lab de Redon`;
    // The rename lands just before the rebuild's first write transaction opens.
    const db = context.db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> };
    const open = db.transaction.bind(db);
    let renamedMeanwhile = false;
    vi.spyOn(db, 'transaction').mockImplementation(async (...args) => {
      if (args[0] === 'rw' && !renamedMeanwhile) {
        renamedMeanwhile = true;
        await updateOrganisation(context, pasted.id, { name: renamed });
      }
      return open(...args);
    });
    await rebuildInvisible(context);
    expect(renamedMeanwhile).toBe(true);
    expect((await context.db.records('organisations').get(pasted.id))?.name).toBe(renamed);
    context.db.close();
  });
});

describe('a new device', () => {
  test('has nothing to work out again', async () => {
    const context = await openDataContext({ name: `invisible-${Math.random().toString(36).slice(2)}` });
    expect(await context.db.meta.get(INVISIBLE_REBUILD)).toBeUndefined();
    context.db.close();
  });
});
