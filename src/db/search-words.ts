// Every word the search's text has ever held, per table ("visits\tvelo"), kept on disk beside
// the text itself (search-index.ts). A search first looks its words up here: a word that is
// part of no known word can match no record, and the search answers without reading the text
// of 50,000 visits. Words are only ever added (a word of a deleted or edited record stays, and
// costs nothing but a look-up that finds no record), so the list never misses a live word.
import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import type { SearchedTable } from './search-index';

/**
 * The keys of distinct words of normalised texts. The words are made distinct before the
 * table is put in front of them: a bulk write's texts repeat most of their words, and building
 * a key for each occurrence took as long as normalising the text.
 */
export function wordKeys(table: SearchedTable, words: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  for (const word of words) if (word !== '') keys.push(`${table}\t${word}`);
  return keys;
}

/** Of `keys`, the words not known yet (one look-up in the write's transaction). */
export async function unknownWords(
  words: DBCoreTable,
  trans: DBCoreTransaction,
  keys: readonly string[],
): Promise<string[]> {
  if (keys.length === 0) return [];
  const known = await words.getMany({ trans, keys: keys as string[] });
  return keys.filter((_, index) => known[index] === undefined);
}

/** Adds words found unknown, in the write's transaction. */
export async function addWords(words: DBCoreTable, trans: DBCoreTransaction, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await words.mutate({ type: 'put', trans, values: keys.map((key) => ({ key })) });
}

/** Per table, its known words joined by line breaks: a query word (never a line break) is part of a word iff it is part of this text. */
export type KnownWords = Record<SearchedTable, string>;

export function knownWords(keys: readonly string[]): KnownWords {
  const words: Record<SearchedTable, string[]> = { visits: [], organisations: [], contacts: [] };
  for (const key of keys) {
    const tab = key.indexOf('\t');
    // A key without a tab is the list's epoch (word-look-ups.ts), not a word.
    if (tab >= 0) words[key.slice(0, tab) as SearchedTable]?.push(key.slice(tab + 1));
  }
  return {
    visits: words.visits.join('\n'),
    organisations: words.organisations.join('\n'),
    contacts: words.contacts.join('\n'),
  };
}
