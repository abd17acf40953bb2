// The content upgrades of schema versions that fill a new index from the records kept
// (schema.ts): they run once, on a device upgrading from an older version, so their code loads
// only there (index-writes-loader.ts).
import type { Transaction } from 'dexie';
import { fillDerivedKeys } from './derived-key-writes';
import { INVISIBLE_REBUILD, REBUILD_START } from './invisible-rebuild';
import { SEARCH_TABLE, type SearchedTable, WORDS_TABLE } from './search-index';
import { segmentOfRecords } from './search-index-writes';
import { wordKeys } from './search-words';

const SEARCHED_TABLES = ['visits', 'organisations', 'contacts'] satisfies SearchedTable[];

/** Fills the derived keys of these tables, every cursor open at once: no gap in which the upgrade's transaction could commit. */
async function fillKeys(transaction: Transaction, tables: string[]): Promise<void> {
  await Promise.all(tables.map((table) => fillDerivedKeys(transaction.idbtrans.objectStore(table))));
}

export const UPGRADES = {
  /** The search's text. */
  4: async (transaction: Transaction) => {
    for (const table of SEARCHED_TABLES) {
      const records = await transaction.table(table).toArray();
      if (records.length > 0) await transaction.table(SEARCH_TABLE).add(segmentOfRecords(table, records));
    }
  },
  /** The search's words. */
  6: async (transaction: Transaction) => {
    for (const table of SEARCHED_TABLES) {
      const { texts } = segmentOfRecords(table, await transaction.table(table).toArray());
      const keys = wordKeys(table, new Set(texts.split(/[\n ]/)));
      await transaction.table(WORDS_TABLE).bulkPut(keys.map((key) => ({ key })));
    }
  },
  7: (transaction: Transaction) => fillKeys(transaction, ['visits']),
  9: (transaction: Transaction) => fillKeys(transaction, ['followUps', 'loans']),
  11: (transaction: Transaction) => fillKeys(transaction, ['events']),
  12: (transaction: Transaction) => fillKeys(transaction, ['organisations', 'contacts']),
  /**
   * The keys and search text of records holding a character drawn as nothing, noted to work out
   * again once the app runs (invisible-rebuild.ts): finding them reads every record, seconds
   * the first screen would wait.
   */
  15: async (transaction: Transaction) => {
    await transaction.table('meta').put({ key: INVISIBLE_REBUILD, value: REBUILD_START });
  },
  16: (transaction: Transaction) => fillKeys(transaction, ['conflicts']),
} satisfies Record<number, (transaction: Transaction) => Promise<void>>;

export type UpgradedVersion = keyof typeof UPGRADES;
