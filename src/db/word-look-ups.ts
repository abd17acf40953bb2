// Which words of a write the list of known words (search-words.ts) lacks. Each word is one
// IndexedDB read, and a visit's note brings forty or fifty: the reads were half of a form's
// save (12 against 6 ms a save in interleaved pairs, 2026-12-07). So a tab remembers the words
// it found in the list, and a write looks up only the others. Words are only ever added, but
// the whole list is emptied with the device's records (leaving the network with a wipe, from
// any tab): what a tab remembers holds only while the list is the one it read. The list keeps
// an epoch record, written by the first write after it was created or emptied, that every
// write reads with its look-ups in its own transaction; the words a tab remembers are of the
// epoch it read them in, and a write that finds another epoch looks them up again. A write
// takes its words from the remembered set as soon as it is issued, before its transaction (and
// its epoch read) starts, so a write queued behind the one that meets a new epoch has taken
// them from the old epoch's set: a new epoch gets a new set, and a write's assumed words hold
// only if the set they came from is the one of the epoch it read.
import type { DBCore, DBCoreTable, DBCoreTransaction } from 'dexie';
import { newId } from '../domain/ids';
import { WORDS_EPOCH_KEY } from './search-index';

/**
 * How many words a tab remembers at most: a pull of a large network looks up its whole
 * vocabulary, which needs no more memory than this (a word not remembered is looked up).
 */
const REMEMBERED = 20_000;

interface Remembered {
  /** The epoch the words were found in; null before a write read one. */
  epoch: string | null;
  /** Replaced, never emptied, when the epoch changes: writes compare the set they took words from. */
  words: Set<string>;
}

/** Per database connection (its DBCore below the search's middleware). */
const rememberedOf = new WeakMap<DBCore, Remembered>();

export function remembered(core: DBCore): Remembered {
  let kept = rememberedOf.get(core);
  if (!kept) {
    kept = { epoch: null, words: new Set() };
    rememberedOf.set(core, kept);
  }
  return kept;
}

/** The epoch of the list as this transaction sees it (undefined: none written since it was emptied). */
export async function readEpoch(words: DBCoreTable, trans: DBCoreTransaction): Promise<string | undefined> {
  const stored = (await words.get({ trans, key: WORDS_EPOCH_KEY })) as { epoch?: string } | undefined;
  return stored?.epoch;
}

/**
 * Settles what the tab remembers with the epoch a transaction read, once per transaction: if it
 * is not the one the words were found in, they are forgotten, in a new set (the words a write
 * assumed from the old one are looked up). A list without an epoch gets one, in this
 * transaction: the write returned. If that aborts, the next write finds none again and forgets.
 */
export function settleEpoch(
  words: DBCoreTable,
  trans: DBCoreTransaction,
  kept: Remembered,
  stored: string | undefined,
): Promise<unknown> | null {
  if (stored === undefined || stored !== kept.epoch) kept.words = new Set();
  if (stored !== undefined) {
    kept.epoch = stored;
    return null;
  }
  const epoch = newId();
  kept.epoch = epoch;
  return words.mutate({ type: 'put', trans, values: [{ key: WORDS_EPOCH_KEY, epoch }] });
}

/** Remembers words found in the list, in the epoch settled for this transaction. */
export function remember(kept: Remembered, keys: readonly string[]): void {
  for (const key of keys) {
    if (kept.words.size >= REMEMBERED) return;
    kept.words.add(key);
  }
}
