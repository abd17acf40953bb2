// The only way synced records are written on a device: each write stores the record and its
// outbox entry in one transaction, so a change is either fully recorded and queued for the
// server, or not at all. Repositories of each aggregate build on these; several calls inside
// one outer `db.transaction` are atomic together (Dexie joins nested transactions).
import { latestClock, restoreRecord } from '../domain/backup';
import { newId } from '../domain/ids';
import { clockOf, type RecordState } from '../domain/merge';
import {
  type NewRecord,
  type RecordChanges,
  type RecordMap,
  type RecordType,
  TEXT_FIELDS,
} from '../domain/record-types';
import { validateRecord } from '../domain/validation';
import { hlcMillis } from '../protocol/hlc';
import type { DataContext } from './context';
import { catchUpClock, deviceClock, saveClock } from './device-clock';
import { RecordNotFoundError, RecordValidationError } from './errors';
import { requestPersistentStorage } from './persistence';
import type { LooseRecord, OutboxEntry } from './schema';

export async function createRecord<K extends RecordType>(
  context: DataContext,
  type: K,
  input: NewRecord<K>,
): Promise<RecordMap[K]> {
  const [record] = await createRecords(context, type, [input]);
  return record as RecordMap[K];
}

const BULK_CHUNK = 500;

interface CreateOptions {
  /**
   * Seeds only: a fixed clock (and its time) instead of the device's, so that every device
   * seeding the same record writes it identically and any real edit wins over it.
   */
  fixedClock?: string;
}

interface UpdateOptions extends CreateOptions {
  /** Only merges: two devices that merged two records into each other bring one back. */
  tombstones?: boolean;
}

/** Creates many records of one type in one transaction, with one outbox entry per 500 (imports, seeds). */
export async function createRecords<K extends RecordType>(
  context: DataContext,
  type: K,
  inputs: readonly NewRecord<K>[],
  options: CreateOptions = {},
): Promise<RecordMap[K][]> {
  if (inputs.length === 0) return [];
  const { db } = context;
  const records = await db.transaction('rw', [db.anyRecords(type), db.outbox, db.meta], async () => {
    if (!options.fixedClock) await catchUpClock(context);
    const clock = options.fixedClock ?? deviceClock(context).tick();
    const now = options.fixedClock
      ? new Date(hlcMillis(options.fixedClock)).toISOString()
      : new Date(deviceClock(context).physicalNow()).toISOString();
    const build = (input: NewRecord<K>) =>
      validOrThrow(type, {
        ...input,
        id: input.id ?? newId(),
        networkId: context.networkId,
        createdAt: input.createdAt ?? now,
        updatedAt: now,
        updatedBy: context.authorName,
        deleted: false,
      });
    // Chunks: IndexedDB writes one chunk while the next is validated, instead of the browser
    // idling through the whole validation and then the page idling through the whole write.
    // Every request is issued before any is awaited: they run in order in the one transaction
    // (a failure still aborts it all), without a round trip to the page between two of them.
    const records: RecordMap[K][] = [];
    const writes: Promise<unknown>[] = [];
    for (let start = 0; start < inputs.length; start += BULK_CHUNK) {
      const chunk = inputs.slice(start, start + BULK_CHUNK).map(build);
      records.push(...chunk);
      const stored = chunk.map((record) => ({
        ...(record as Record<string, unknown> & { id: string; networkId: string; deleted: boolean }),
        hlc: { '*': clock },
      }));
      writes.push(db.anyRecords(type).bulkAdd(stored));
      // One outbox entry per chunk: a push settles whole entries (deleted), instead of writing
      // back a list of thousands of ids, less the ones sent, after every batch.
      writes.push(addToOutbox(context, { type, recordIds: chunk.map((record) => record.id), fields: null }));
    }
    writes.push(saveUsedClock(context, options.fixedClock));
    await Promise.all(writes);
    return records;
  });
  // Outside the transaction: awaiting the browser there would commit it early.
  void requestPersistentStorage();
  return records;
}

/**
 * Changes some fields of a record; unchanged values are not queued. A deleted record is not
 * found, unless `tombstones`.
 */
export async function updateRecord<K extends RecordType>(
  context: DataContext,
  type: K,
  id: string,
  changes: RecordChanges<K>,
  options: UpdateOptions = {},
): Promise<RecordMap[K]> {
  return writeFields(context, type, id, options, (current) => {
    const next = { ...current } as Record<string, unknown>;
    // A cleared field is stored and sent as null: undefined would vanish on the wire.
    for (const [key, value] of Object.entries(changes)) next[key] = value === undefined ? null : value;
    return { next, keys: changedKeys(current, next, Object.keys(changes)) };
  });
}

/**
 * A write of a record of `type` that dates one of its fields (a note's writtenAt, a loan's
 * returnedAt), given the present by the clock its change is dated with: in the write's
 * transaction, after taking in the correction another tab of this device learned (catchUpClock),
 * which this tab's own reading, made before, would lack.
 */
export function writeDated<T>(context: DataContext, type: RecordType, write: (now: string) => Promise<T>): Promise<T> {
  const { db } = context;
  return db.transaction('rw', [db.anyRecords(type), db.outbox, db.meta], async () => {
    await catchUpClock(context);
    return write(new Date(deviceClock(context).physicalNow()).toISOString());
  });
}

/** Deletes by tombstone: the record stays (hidden) until every device has seen the delete. */
export function deleteRecord<K extends RecordType>(context: DataContext, type: K, id: string): Promise<RecordMap[K]> {
  return updateRecord(context, type, id, { deleted: true } as RecordChanges<K>);
}

/**
 * Writes entries of a map field (diagnostic answers, attendees, packed items) one by one, so
 * another device writing other entries concurrently keeps its input. `null` removes an entry.
 */
export async function setMapEntries<K extends RecordType>(
  context: DataContext,
  type: K,
  id: string,
  field: keyof RecordMap[K] & string,
  entries: Record<string, unknown>,
): Promise<RecordMap[K]> {
  return writeFields(context, type, id, {}, (current) => {
    const map = { ...((current[field] as Record<string, unknown> | undefined) ?? {}) };
    const keys: string[] = [];
    for (const [entry, value] of Object.entries(entries)) {
      if (JSON.stringify(map[entry]) === JSON.stringify(value ?? undefined)) continue;
      if (value === null || value === undefined) delete map[entry];
      else map[entry] = value;
      keys.push(`${field}.${entry}`);
    }
    return { next: { ...current, [field]: map }, keys };
  });
}

type Edit = (current: Record<string, unknown>) => { next: Record<string, unknown>; keys: string[] };

async function writeFields<K extends RecordType>(
  context: DataContext,
  type: K,
  id: string,
  { tombstones = false, fixedClock }: UpdateOptions,
  edit: Edit,
): Promise<RecordMap[K]> {
  const { db } = context;
  const table = db.anyRecords(type);
  const written = await db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const [stored] = await Promise.all([table.get(id), fixedClock ? undefined : catchUpClock(context)]);
    if (!stored || (stored.deleted && !tombstones)) throw new RecordNotFoundError(type, id);
    const { hlc, ...current } = stored;
    const { next, keys } = edit(current);
    if (keys.length === 0) return current as RecordMap[K];

    const clock = fixedClock ?? deviceClock(context).tick();
    next.updatedAt = new Date(fixedClock ? hlcMillis(fixedClock) : deviceClock(context).physicalNow()).toISOString();
    next.updatedBy = context.authorName;
    const record = validOrThrow(type, next);
    const fields = [...keys, 'updatedAt', 'updatedBy'];
    const clocks = { ...hlc };
    for (const key of fields) clocks[key] = clock;

    const base: Record<string, string> = {};
    for (const key of keys) {
      if ((TEXT_FIELDS[type] as readonly string[]).includes(key)) base[key] = clockOf(hlc, key);
    }
    await Promise.all([
      table.put({
        ...(record as Record<string, unknown> & { id: string; networkId: string; deleted: boolean }),
        hlc: clocks,
      }),
      addToOutbox(context, { type, recordIds: [id], fields, ...(Object.keys(base).length > 0 ? { base } : {}) }),
      saveUsedClock(context, fixedClock),
    ]);
    return record;
  });
  void requestPersistentStorage();
  return written;
}

function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>, keys: string[]): string[] {
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function validOrThrow<K extends RecordType>(type: K, candidate: unknown): RecordMap[K] {
  const result = validateRecord(type, candidate);
  if (!result.ok) throw new RecordValidationError(type, result.issues);
  return result.value;
}

type QueuedEntry = Omit<OutboxEntry, 'mutationId' | 'createdAt'>;

function addToOutbox(context: DataContext, entry: QueuedEntry): Promise<number> {
  return context.db.outbox.add({
    ...entry,
    mutationId: newId(),
    createdAt: new Date(deviceClock(context).physicalNow()).toISOString(),
  });
}

/**
 * Saves the device's clock that dated a write, in the caller's transaction. A fixed clock (a
 * seed's) leaves the device's clock as it was: nothing to save.
 */
function saveUsedClock(context: DataContext, fixedClock: string | undefined): Promise<unknown> {
  return fixedClock ? Promise.resolve() : saveClock(context);
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes records that carry their own field clocks (a restored backup): each is merged into
 * the device's copy by `restoreRecord` and queued for the server with the fields it changed,
 * keeping their clocks, so an old copy never wins over a newer edit on any device.
 */
export async function mergeRecords(
  context: DataContext,
  type: RecordType,
  incoming: readonly RecordState[],
  /** Adjusts a record's clocks knowing the device's copy (a restore's clocks it cannot hold). */
  fitClocks: (state: RecordState, local: RecordState | undefined) => RecordState = (state) => state,
): Promise<MergeCounts> {
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  if (incoming.length === 0) return counts;
  const { db } = context;
  const table = db.anyRecords(type);
  await db.transaction('rw', [table, db.outbox, db.meta], async () => {
    const ids = incoming.map((state) => state.data.id as string);
    const [stored] = await Promise.all([table.bulkGet(ids), catchUpClock(context)]);
    const rows: LooseRecord[] = [];
    const added: string[] = [];
    const fitted: RecordState[] = [];
    for (const [index, given] of incoming.entries()) {
      const current = stored[index];
      const local = current ? splitClocks(current) : undefined;
      const state = fitClocks(given, local);
      fitted.push(state);
      const restored = restoreRecord(type, local, state, context.networkId);
      if (!restored) {
        counts.unchanged += 1;
        continue;
      }
      const record = validOrThrow(type, restored.state.data);
      rows.push({
        ...(record as Record<string, unknown> & { id: string; networkId: string; deleted: boolean }),
        hlc: restored.state.clocks,
      });
      if (restored.keys === null) {
        added.push(record.id);
        counts.added += 1;
      } else {
        counts.updated += 1;
        await addToOutbox(context, { type, recordIds: [record.id], fields: restored.keys });
      }
    }
    await table.bulkPut(rows);
    if (added.length > 0) await addToOutbox(context, { type, recordIds: added, fields: null });
    // Later local writes must win over everything restored.
    const latest = latestClock(fitted);
    if (latest !== '') deviceClock(context).observe(latest);
    await saveClock(context);
  });
  return counts;
}

function splitClocks(record: LooseRecord): RecordState {
  const { hlc, ...data } = record;
  return { data, clocks: hlc };
}
