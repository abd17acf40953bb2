// The write half of the search's text kept on disk (search-index.ts): the segment and the
// words every write of a visit, lieu or person appends in its transaction. Loaded with the
// first write (index-writes-loader.ts), not with the first screen, which only reads.
import Dexie, {
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreMutateResponse,
  type DBCoreTable,
  type DBCoreTransaction,
} from 'dexie';
import { searchWords } from '../domain/search';
import type { Visit } from '../domain/visit';
import { SEARCH_TABLE, type SearchedTable, type SearchSegment, WORDS_TABLE } from './search-index';
import { visitSearchWords } from './search-text';
import { addWords, unknownWords, wordKeys } from './search-words';
import { readEpoch, remember, remembered, settleEpoch } from './word-look-ups';

interface Entry {
  id: string;
  visitedAt: string;
  facet: string;
  text: string;
}

/** An entry of a record without text (a deleted one), or of a key deleted. */
function textless(id: string, visitedAt: string, facet: string): Entry {
  return { id, visitedAt, facet, text: '' };
}

/**
 * An entry of a text of `words`, which are added to `known`. The words are not kept in the
 * entry: an entry lives until its transaction's segment is written, and a page's words kept
 * with it (a hundred thousand small strings) survived the young generation's collections.
 */
function withText(id: string, visitedAt: string, facet: string, words: readonly string[], known?: Set<string>): Entry {
  if (known) for (const word of words) known.add(word);
  return { id, visitedAt, facet, text: words.join(' ') };
}

/** A record's entry; its words are added to `known`. */
function entryOf(table: SearchedTable, record: Record<string, unknown>, known?: Set<string>): Entry {
  const id = String(record.id);
  const deleted = record.deleted === true;
  if (table !== 'visits') {
    return deleted ? textless(id, '', '1') : withText(id, '', '', searchWords(String(record.name ?? '')), known);
  }
  const visit = record as unknown as Visit;
  const facet = [
    deleted ? '1' : '',
    (visit.services ?? []).join(' '),
    visit.organisationId ?? '',
    (visit.contactIds ?? []).join(' '),
  ].join('\t');
  return deleted
    ? textless(id, visit.visitedAt, facet)
    : withText(id, visit.visitedAt, facet, visitSearchWords(visit), known);
}

function segmentOf(table: SearchedTable, entries: readonly Entry[]): SearchSegment {
  return {
    table,
    ids: entries.map((entry) => entry.id),
    visitedAt: entries.map((entry) => entry.visitedAt),
    facets: entries.map((entry) => entry.facet),
    texts: entries.map((entry) => entry.text).join('\n'),
  };
}

/** A segment of records as they are now (the schema upgrade's backfill). */
export function segmentOfRecords(table: SearchedTable, records: readonly Record<string, unknown>[]): SearchSegment {
  return segmentOf(
    table,
    records.map((record) => entryOf(table, record)),
  );
}

/** The entries a write leaves (the values written, or deleted marks for the keys deleted); their words go to `known`. */
function requestedEntries(
  table: SearchedTable,
  request: DBCoreMutateRequest,
  deletedKeys: readonly string[],
  known: Set<string>,
): Entry[] {
  if (request.type === 'add' || request.type === 'put') {
    return (request.values as Record<string, unknown>[]).map((record) => entryOf(table, record, known));
  }
  return deletedKeys.map((id) => textless(id, '', '1'));
}

async function keysIn(table: DBCoreTable, trans: DBCoreTransaction, range: DBCoreDeleteRange): Promise<string[]> {
  const { result } = await table.query({ trans, values: false, query: { index: table.schema.primaryKey, range } });
  return result as string[];
}

type DBCoreDeleteRange = Extract<DBCoreMutateRequest, { type: 'deleteRange' }>['range'];

/** What the writes issued together in a transaction bring, written once they are all issued. */
interface Pending {
  entries: Map<SearchedTable, Entry[]>;
  /** Words already looked up in this transaction, queued to be, or assumed known. */
  asked: Set<string>;
  /** Words of the writes issued since the last look-up was sent. */
  queued: string[];
  /** Words not looked up: the tab found them in the list before (word-look-ups.ts). */
  assumed: string[];
  /** The remembered set the words assumed were taken from: they hold if it is still the tab's. */
  assumedFrom: Set<string> | null;
  /**
   * The list's epoch, read when the first word is asked in this transaction (looked up or
   * assumed) and settled once (word-look-ups.ts): done once it is, and a new epoch, if the list
   * had none, written.
   */
  epoch: Promise<unknown> | null;
  /** The words sent and those found unknown, per look-up (a failure kept for the last write to throw). */
  lookUps: Promise<{ sent: string[]; unknown: string[] } | { error: unknown }>[];
  /** The write of what was collected, once the writes issued with it are: null until one is. */
  flushing: Promise<void> | null;
}

const pendingWrites = new WeakMap<DBCoreTransaction, Pending>();

function pendingOf(trans: DBCoreTransaction): Pending {
  let pending = pendingWrites.get(trans);
  if (!pending) {
    pending = {
      entries: new Map(),
      asked: new Set(),
      queued: [],
      assumed: [],
      assumedFrom: null,
      epoch: null,
      lookUps: [],
      flushing: null,
    };
    pendingWrites.set(trans, pending);
  }
  return pending;
}

/**
 * Looks the words up while the records are being written, each word once per transaction:
 * the slices of a pulled page share most of their words. A word the tab found in the list
 * before is not looked up, if the list's epoch, read with the first word asked, says it still
 * holds (word-look-ups.ts). A word of a write that then fails is added all the same: a known word
 * that no record holds costs a search nothing but a look-up.
 */
function lookUpWords(down: DBCore, trans: DBCoreTransaction, pending: Pending, keys: readonly string[]): void {
  const words = down.table(WORDS_TABLE);
  const first = pending.queued.length === 0;
  const known = remembered(down).words;
  for (const key of keys) {
    if (pending.asked.has(key)) continue;
    pending.asked.add(key);
    if (known.has(key)) {
      pending.assumed.push(key);
      pending.assumedFrom ??= known;
    } else pending.queued.push(key);
  }
  if (pending.asked.size > 0 && pending.epoch === null) {
    pending.epoch = readEpoch(words, trans).then((stored) => settleEpoch(words, trans, remembered(down), stored));
    // Awaited by the words' write, which a look-up's failure (the transaction aborted) ends first.
    pending.epoch.catch(() => {});
  }
  if (!first || pending.queued.length === 0) return;
  const lookUp = Promise.resolve().then(async () => {
    const sent = pending.queued;
    pending.queued = [];
    return { sent, unknown: await unknownWords(words, trans, sent) };
  });
  pending.lookUps.push(lookUp.then(undefined, (error: unknown) => ({ error })));
}

/**
 * Writes what the writes brought: one segment per table, and the words found unknown. A pulled
 * page is written as many small writes at once (sync-store.ts), and a segment and a look-up
 * per write cost IndexedDB more than the page's records did.
 */
async function flush(down: DBCore, trans: DBCoreTransaction, pending: Pending): Promise<void> {
  const { entries, lookUps, assumed, assumedFrom } = pending;
  pending.entries = new Map();
  pending.lookUps = [];
  pending.assumed = [];
  pending.assumedFrom = null;
  pending.flushing = null;
  const writes: Promise<unknown>[] = [];
  for (const [table, written] of entries) {
    writes.push(down.table(SEARCH_TABLE).mutate({ type: 'add', trans, values: [segmentOf(table, written)] }));
  }
  writes.push(settleWords(down, trans, pending.epoch, lookUps, { words: assumed, from: assumedFrom }));
  await Promise.all(writes);
}

/**
 * Adds the words the look-ups found unknown and remembers those found known. If the words
 * assumed known were taken from a set the tab has since dropped (the list's epoch is not the
 * one they were found in, as this or an earlier transaction read it), they are looked up now.
 */
async function settleWords(
  down: DBCore,
  trans: DBCoreTransaction,
  epoch: Pending['epoch'],
  lookUps: Pending['lookUps'],
  assumed: { words: readonly string[]; from: Set<string> | null },
): Promise<void> {
  const words = down.table(WORDS_TABLE);
  const unknown = new Set<string>();
  const found: string[] = [];
  const sort = (sent: readonly string[], missing: readonly string[]) => {
    const absent = new Set(missing);
    for (const key of sent) {
      if (absent.has(key)) unknown.add(key);
      else found.push(key);
    }
  };
  for (const result of await Promise.all(lookUps)) {
    if ('error' in result) throw result.error;
    sort(result.sent, result.unknown);
  }
  // No word asked in this transaction yet: no epoch read, nothing to remember.
  if (epoch === null) return;
  await epoch;
  const kept = remembered(down);
  if (assumed.from !== kept.words && assumed.words.length > 0)
    sort(assumed.words, await unknownWords(words, trans, assumed.words));
  remember(kept, found);
  await addWords(words, trans, [...unknown]);
}

/**
 * Starts `flush` once every write issued in this turn has added its entries. Dexie runs its own
 * promises' callbacks as soon as each of its calls returns, so the turn's end is a native
 * microtask; the flush itself is a Dexie promise's callback, run in the transaction's zone
 * (Dexie's hooks layer, below, reads the transaction from it).
 */
function flushAfterThisTurn(down: DBCore, trans: DBCoreTransaction, pending: Pending): Promise<void> {
  let release = () => {};
  const turnEnded = new Dexie.Promise<void>((resolve) => {
    release = resolve;
  });
  queueMicrotask(release);
  return turnEnded.then(() => flush(down, trans, pending));
}

/**
 * The entries of records a write could not store (an add whose key exists) as the table now
 * has them: the segment written with the write holds what was asked, and this later one
 * replaces it. Rare: such a failure fails its caller's transaction unless it is caught.
 */
async function storedEntries(
  table: DBCoreTable,
  searched: SearchedTable,
  trans: DBCoreTransaction,
  ids: readonly string[],
): Promise<Entry[]> {
  const stored = await table.getMany({ trans, keys: ids as string[] });
  return ids.map((id, index) => {
    const record = stored[index] as Record<string, unknown> | undefined;
    return record ? entryOf(searched, record) : textless(id, '', '1');
  });
}

/**
 * A write of a searched table, with its segment. Writes issued together (before any is
 * awaited) share one segment and one look-up of their words, written as soon as the last of
 * them is issued — with the records, not a round trip to IndexedDB after them: a form's save
 * is one record, and waiting for its write before sending its text cost the save a round trip.
 * Every write awaits that segment, so a transaction never commits without the text of its
 * writes and a failure still fails it.
 */
export async function searchedMutate(
  down: DBCore,
  table: DBCoreTable,
  searched: SearchedTable,
  request: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = request;
  const pending = pendingOf(trans);
  const deletedKeys =
    request.type === 'delete'
      ? (request.keys as string[])
      : request.type === 'deleteRange'
        ? await keysIn(table, trans, request.range)
        : [];
  // The records first: IndexedDB stores them while their text is normalised.
  const written = table.mutate(request);
  const words = new Set<string>();
  const entries = requestedEntries(searched, request, deletedKeys, words);
  lookUpWords(down, trans, pending, wordKeys(searched, words));
  if (entries.length > 0) {
    const collected = pending.entries.get(searched);
    if (collected) for (const entry of entries) collected.push(entry);
    else pending.entries.set(searched, [...entries]);
  }
  pending.flushing ??= flushAfterThisTurn(down, trans, pending);
  const flushed = pending.flushing;
  const [response] = await Promise.all([written, flushed]);
  const failed = entries.flatMap((entry, index) => (response.failures[index] ? [entry.id] : []));
  if (failed.length > 0) {
    const corrected = await storedEntries(table, searched, trans, failed);
    await down.table(SEARCH_TABLE).mutate({ type: 'add', trans, values: [segmentOf(searched, corrected)] });
  }
  return response;
}
