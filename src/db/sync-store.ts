// The sync engine's side of the database: reading the outbox into mutations, settling the
// server's answers, and applying pulled pages, each in one transaction.
import type { Table } from 'dexie';
import { fieldOfWrongKind } from '../domain/field-kinds';
import { newId } from '../domain/ids';
import { clockOf, overlayFields, type RecordState } from '../domain/merge';
import { isRecordType, MAP_FIELDS, RECORD_TYPES, type RecordType } from '../domain/record-types';
import { MAX_CLOCK_AHEAD_MS } from '../protocol/hlc';
import { type Change, isPlainObject, type MutationResult, type WireMutation, withOneClock } from '../protocol/wire';
import { type DataContext, LOCAL_NETWORK, type Session } from './context';
import { catchUpClock, deviceClock, saveClock } from './device-clock';
import { SessionChangedError } from './errors';
import { noteMergeCandidates } from './merge';
import type { LooseRecord, OutboxEntry, UnknownRecord } from './schema';
import { forgetServerEpoch } from './server-epoch';
import { noteRecordsNotKept } from './sync-meta';
import { forgetUntouchedStarters } from './toolbox-starter';

/** Which records of an outbox entry a push carried. */
export interface PushPart {
  seq: number;
  recordIds: string[];
}

/** A device pushes only the types it knows. */
type DeviceMutation = WireMutation & { type: RecordType };

export interface PushBatch {
  mutations: DeviceMutation[];
  /** Each mutation as JSON, written once: measured for the size cap, then sent as is. */
  encoded: string[];
  parts: PushPart[];
}

const MAX_BATCH_BYTES = 2_000_000;

/**
 * The next mutations to push, oldest first, at most `max` of them (and about 2 MB). `after`: the
 * parts of a batch still in flight, read past (a batch is a prefix of the outbox: only its last
 * entry may be carried in part).
 */
export async function readPushBatch(
  context: DataContext,
  max: number,
  after: readonly PushPart[] = [],
): Promise<PushBatch> {
  const { db } = context;
  const last = after.at(-1);
  const inFlight = new Set(last?.recordIds);
  return db.transaction('r', [db.outbox, ...RECORD_TYPES.map((type) => db.anyRecords(type))], async () => {
    const mutations: DeviceMutation[] = [];
    const encoded: string[] = [];
    const parts: PushPart[] = [];
    let bytes = 0;
    const entries = await (last ? db.outbox.where('seq').aboveOrEqual(last.seq) : db.outbox.orderBy('seq'))
      .limit(max + 1)
      .toArray();
    // Every entry's records are requested at once: awaiting each entry's before asking for the
    // next would leave IndexedDB idle for a round trip per entry (a day of single edits is
    // hundreds of entries).
    const planned: { entry: OutboxEntry; ids: string[] }[] = [];
    let wanted = 0;
    for (const entry of entries) {
      if (wanted >= max) break;
      const unsent = entry.seq === last?.seq ? entry.recordIds.filter((id) => !inFlight.has(id)) : entry.recordIds;
      if (unsent.length === 0) continue;
      const ids = unsent.slice(0, max - wanted);
      wanted += ids.length;
      planned.push({ entry, ids });
    }
    const reads = planned.map(({ entry, ids }) => readSlices(db.anyRecords(entry.type), ids));
    for (const [index, { entry }] of planned.entries()) {
      if (bytes >= MAX_BATCH_BYTES) break;
      const carried: string[] = [];
      for (const { ids, records } of reads[index] as SliceRead[]) {
        for (const [at, record] of (await records).entries()) {
          if (bytes >= MAX_BATCH_BYTES) break;
          carried.push(ids[at] as string);
          // A record missing locally is carried without a mutation: settling drops it.
          if (!record) continue;
          const mutation = toMutation(entry, record);
          const json = JSON.stringify(mutation);
          bytes += json.length;
          mutations.push(mutation);
          encoded.push(json);
        }
      }
      parts.push({ seq: entry.seq as number, recordIds: carried });
    }
    return { mutations, encoded, parts };
  });
}

type SliceRead = { ids: readonly string[]; records: Promise<(LooseRecord | undefined)[]> };

/** Records per read request: the page turns one slice into mutations while the browser reads the next. */
const READ_SLICE = 200;

function readSlices(table: Table<LooseRecord, string>, ids: readonly string[]): SliceRead[] {
  const slices: SliceRead[] = [];
  for (let start = 0; start < ids.length; start += READ_SLICE) {
    const slice = ids.slice(start, start + READ_SLICE);
    slices.push({ ids: slice, records: readRecords(table, slice) });
  }
  return slices;
}

/**
 * Fewer ids (single edits, often of records of different days) are read alone: the key range
 * between them may hold many more records than they.
 */
const RANGE_READ_MIN = 16;

/**
 * The records of `ids`, in their order (undefined: not on this device). IndexedDB has no
 * multi-key get: a bulk entry's thousand records were a thousand requests, each a round trip
 * to the browser's storage and the page's CPU's largest share of a push. Ids are UUIDv7, so the
 * records a bulk write made sit side by side: they are read as one key range from the lowest id
 * to the highest. The range stops at twice as many records as asked for (ids spread among
 * others', as a merge's moved records are); any id past where it stopped is read alone.
 */
async function readRecords(
  table: Table<LooseRecord, string>,
  ids: readonly string[],
): Promise<(LooseRecord | undefined)[]> {
  if (ids.length < RANGE_READ_MIN) return table.bulkGet(ids as string[]);
  let lowest = ids[0] as string;
  let highest = lowest;
  for (const id of ids) {
    if (id < lowest) lowest = id;
    if (id > highest) highest = id;
  }
  const limit = ids.length * 2;
  const inRange = await table.where('id').between(lowest, highest, true, true).limit(limit).toArray();
  const found = new Map(inRange.map((record) => [record.id, record]));
  const reached = inRange.length < limit ? highest : (inRange.at(-1)?.id ?? lowest);
  const past = ids.filter((id) => id > reached);
  if (past.length > 0)
    for (const [at, record] of (await table.bulkGet(past)).entries()) if (record) found.set(past[at] as string, record);
  return ids.map((id) => found.get(id));
}

function toMutation(entry: OutboxEntry, record: LooseRecord): DeviceMutation {
  const { hlc, ...data } = record;
  const keys = entry.fields ?? (entry.resend ? everyKey(entry.type, data) : Object.keys(data));
  const fields: Record<string, unknown> = {};
  const clocks: Record<string, string> = {};
  for (const key of keys) {
    fields[key] = readKey(data, key);
    clocks[key] = clockOf(hlc, key);
  }
  const id = entry.recordIds.length === 1 ? entry.mutationId : `${entry.mutationId}:${data.id as string}`;
  return withOneClock({
    id,
    type: entry.type,
    recordId: data.id as string,
    fields,
    clocks,
    ...(entry.base ? { base: entry.base } : {}),
    ...(entry.resend ? { resent: true as const } : {}),
  }) as DeviceMutation;
}

/** Every field, then every entry of the map fields on its own: each carries its own clock. */
function everyKey(type: RecordType, data: Record<string, unknown>): string[] {
  const keys = Object.keys(data);
  for (const field of MAP_FIELDS[type] as readonly string[]) {
    const map = data[field];
    if (map && typeof map === 'object') keys.push(...Object.keys(map).map((entry) => `${field}.${entry}`));
  }
  return keys;
}

function readKey(data: Record<string, unknown>, key: string): unknown {
  const dot = key.indexOf('.');
  if (dot < 0) return data[key] ?? null;
  const map = data[key.slice(0, dot)] as Record<string, unknown> | undefined;
  return map?.[key.slice(dot + 1)] ?? null;
}

/**
 * What is left of a partly settled entry. A record's mutation id must not change between
 * pushes (the server answers a repeated id from its log instead of applying it again), and an
 * entry of one record is named by the entry's own id: the last record of a bulk entry takes its
 * composite id with it.
 */
function keepMutationIds(entry: OutboxEntry, remaining: string[]): Partial<OutboxEntry> {
  const [last] = remaining;
  return remaining.length === 1 && entry.recordIds.length > 1
    ? { recordIds: remaining, mutationId: `${entry.mutationId}:${last}` }
    : { recordIds: remaining };
}

/**
 * Records the server's answers: acknowledged mutations leave the outbox; a refused one is set
 * aside with its values and reason (never blocking the others), and its record is put back to
 * the server's version with the device's other unsent changes on top. Returns how many records
 * left the outbox.
 */
export async function settlePush(
  context: DataContext,
  batch: PushBatch,
  results: readonly MutationResult[],
): Promise<number> {
  const { db } = context;
  const byId = new Map(results.map((result) => [result.id, result]));
  const mutationsById = new Map(batch.mutations.map((mutation) => [mutation.id, mutation]));
  let left = 0;
  await db.transaction(
    'rw',
    [db.outbox, db.rejected, db.meta, db.unknownRecords, ...RECORD_TYPES.map((type) => db.anyRecords(type))],
    async () => {
      const rebase: Change[] = [];
      const dropped = new Set<string>();
      const lost = new Map<RecordType, Set<string>>();
      const now = new Date(deviceClock(context).physicalNow()).toISOString();
      for (const part of batch.parts) {
        const entry = await db.outbox.get(part.seq);
        if (!entry) continue;
        const settled = new Set<string>();
        for (const recordId of part.recordIds) {
          const mutationId = entry.recordIds.length === 1 ? entry.mutationId : `${entry.mutationId}:${recordId}`;
          const result = byId.get(mutationId);
          const mutation = mutationsById.get(mutationId);
          if (!mutation) {
            settled.add(recordId); // the record vanished locally; nothing left to send
            continue;
          }
          if (!result) continue;
          settled.add(recordId);
          // A record of a network left with its data kept: this server never held it, and it
          // stays on the device (given back whole, it would hand that network's data to this one).
          const record =
            result.status === 'rejected' && result.code === 'not_found'
              ? await db.anyRecords(mutation.type).get(recordId)
              : undefined;
          const foreign = record !== undefined && record.networkId !== context.networkId;
          if (result.status === 'rejected' && result.code === 'not_found' && !mutation.resent && !foreign) {
            // An edit of a record the server does not hold: it lost it (restored from a backup,
            // which this push reached before the pull that says so). Dropped or set aside, the
            // record would be lost with this device's copy, perhaps the only one: it is given
            // back whole, as to a restored server (server-epoch.ts).
            const ids = lost.get(mutation.type) ?? new Set<string>();
            lost.set(mutation.type, ids.add(recordId));
            continue;
          }
          if (result.status === 'rejected') {
            // A conflict given back to a restored server, or settled here after the server lost
            // it in a restore (src/protocol/README.md, Server epoch): its refusal says nothing
            // about what this person did, and is not shown.
            const unseen = mutation.type === 'conflicts' && (mutation.resent === true || result.current === null);
            if (!unseen)
              await db.rejected.put({
                id: mutation.id,
                type: mutation.type,
                recordId,
                fields: mutation.fields,
                reason: result.reason,
                ...(result.code ? { code: result.code } : {}),
                ...(result.issues ? { issues: result.issues } : {}),
                rejectedAt: now,
              });
            if (result.current) rebase.push(result.current);
            // Absent: an earlier refusal of this push carried the record's state. A record
            // given back to a restored server stays on the device even if refused.
            else if (result.current === null && !mutation.resent && !foreign)
              dropped.add(`${mutation.type}/${recordId}`);
          }
        }
        const remaining = entry.recordIds.filter((id) => !settled.has(id));
        left += entry.recordIds.length - remaining.length;
        if (remaining.length === 0) await db.outbox.delete(part.seq);
        else await db.outbox.update(part.seq, keepMutationIds(entry, remaining));
      }
      for (const [type, ids] of lost)
        await db.outbox.add({
          mutationId: newId(),
          type,
          recordIds: [...ids],
          fields: null,
          resend: true,
          createdAt: now,
        });
      for (const key of dropped) {
        const [type, id] = key.split('/') as [RecordType, string];
        await db.anyRecords(type).delete(id);
      }
      const { wrongKinds } = await writeChanges(context, rebase);
      if (wrongKinds > 0) await noteRecordsNotKept(context, wrongKinds, now);
    },
  );
  return left;
}

/**
 * Applies one pulled page in one transaction: records take the server's version, with this
 * device's unsent changes kept on top; the cursor moves with them, so a crash mid-page
 * re-pulls the page rather than skipping it. Lieux and people the page shows merged, or
 * points at, are noted for `redirectMerged` after the pull's last page. `fromStart`: the pull
 * began at cursor 0 (a new device, or one starting over after a restored server), whose pages
 * bring every record of the network whatever their dates.
 */
export async function applyPulledPage(
  context: DataContext,
  changes: readonly Change[],
  cursor: number,
  {
    fromStart = false,
    networkId = context.session?.networkId,
  }: {
    fromStart?: boolean;
    /** The network the pull began in (a leave in this very tab clears the context's session too). */
    networkId?: string;
  } = {},
): Promise<void> {
  const { db } = context;
  const tables = [db.outbox, db.meta, db.unknownRecords, ...RECORD_TYPES.map((type) => db.anyRecords(type))];
  await db.transaction('rw', tables, async () => {
    // Asked beside the writes, not before them: the page costs no extra round trip.
    const joined = db.meta.get('session');
    const caughtUp = catchUpClock(context);
    const { written, wrongKinds } = await writeChanges(
      context,
      changes,
      fromStart ? Number.POSITIVE_INFINITY : OBSERVED_WRITE_ROWS,
    );
    await noteMergeCandidates(context, written);
    if (wrongKinds > 0)
      await noteRecordsNotKept(context, wrongKinds, new Date(deviceClock(context).physicalNow()).toISOString());
    await db.meta.put({ key: 'cursor', value: cursor });
    // Before the clock is saved: what another tab saved is not written over with less.
    await caughtUp;
    await saveClock(context);
    // The device may have left the network (wiping it), in this tab or another, while this page
    // was on its way: the page is dropped, or a wiped device would get the network's records back.
    const stored = (await joined)?.value as Session | undefined;
    if (stored?.networkId !== networkId) throw new SessionChangedError();
  });
}

/** Dexie tracks the changed index keys of a bulk write below 50 rows (observability middleware). */
const OBSERVED_WRITE_ROWS = 49;

/**
 * Writes the records a page or a push's answer holds; returns the changes written, and how many
 * records of a known type it left out for a field of the wrong kind (field-kinds.ts): the device
 * keeps what it held of them, and the rest of the page is written.
 */
async function writeChanges(
  context: DataContext,
  changes: readonly Change[],
  sliceRows: number = OBSERVED_WRITE_ROWS,
): Promise<{ written: Change[]; wrongKinds: number }> {
  if (changes.length === 0) return { written: [], wrongKinds: 0 };
  const { db } = context;
  const pending = await pendingKeys(context);
  const byType = new Map<RecordType, Change[]>();
  const unknown: UnknownRecord[] = [];
  let latest = '';
  const written: Change[] = [];
  let wrongKinds = 0;
  for (const change of changes) {
    if (!isRecordChange(change)) continue;
    if (!isRecordType(change.type)) {
      // A type of a later release: kept whole, as the server holds it (this device never edits it).
      unknown.push({ type: change.type, id: change.id, data: change.data, clocks: change.clocks });
    } else {
      const field = fieldOfWrongKind(change.type, change.data);
      if (field !== null) {
        console.warn(`Pulled ${change.type} ${change.id} not kept: its field ${field} is of the wrong kind`);
        wrongKinds++;
        continue;
      }
    }
    written.push(change);
    for (const clock of Object.values(change.clocks)) if (clock > latest) latest = clock;
    if (!isRecordType(change.type)) continue;
    const list = byType.get(change.type) ?? [];
    list.push(change);
    byType.set(change.type, list);
  }
  const pages: [RecordType, LooseRecord[]][] = [];
  for (const [type, list] of byType) {
    const localIds = list.filter((change) => pending.has(change.id)).map((change) => change.id);
    const locals = new Map<string, LooseRecord>();
    if (localIds.length > 0) {
      for (const record of await db.anyRecords(type).bulkGet(localIds)) if (record) locals.set(record.id, record);
    }
    const rows = list.map((change) => {
      const pulled: RecordState = { data: change.data, clocks: change.clocks };
      const local = locals.get(change.id);
      const state = local ? overlayFields(type, pulled, splitStored(local), pending.get(change.id) ?? null) : pulled;
      return { ...state.data, hlc: state.clocks } as LooseRecord;
    });
    pages.push([type, rows]);
  }
  // Under 50 rows a write tells Dexie's live queries which index keys it touched; a larger
  // one marks the whole table changed. Slices keep a pulled page of last year's visits from
  // re-running a query on this month's (the reports screen reads by date range). They are
  // all sent at once: awaiting each before the next left IndexedDB idle between them, a
  // round trip to the browser's storage every 49 rows. A pull from the start writes each
  // table whole: its pages hold records of every period, and tracking each row's index keys
  // took the page's main thread 2 to 3 s of a 12 s pull of 17,000 records.
  const writes: Promise<unknown>[] = [];
  if (unknown.length > 0) writes.push(db.unknownRecords.bulkPut(unknown));
  for (const [type, rows] of pages) {
    for (let start = 0; start < rows.length; start += sliceRows) {
      writes.push(db.anyRecords(type).bulkPut(rows.slice(start, start + sliceRows)));
    }
  }
  await Promise.all(writes);
  // Later local writes must win over everything seen so far.
  if (latest !== '') deviceClock(context).observe(latest);
  return { written, wrongKinds };
}

/**
 * Whether a pulled change is a record to write: not what no server of Valise sends — data that
 * is no object or names another record, clocks that are not texts, an id that is no text. A
 * compromised server (or anything between it and the device) could send those: one stopped
 * every pull at that page for good, and a change whose data named another record replaced that
 * record without this device's unsent edits on top.
 */
function isRecordChange(change: Change): boolean {
  const { id, data, clocks } = change as Partial<Record<keyof Change, unknown>>;
  return (
    typeof id === 'string' &&
    id !== '' &&
    isPlainObject(data) &&
    data.id === id &&
    isPlainObject(clocks) &&
    Object.values(clocks).every((clock) => typeof clock === 'string')
  );
}

function splitStored(record: LooseRecord): RecordState {
  const { hlc, ...data } = record;
  return { data, clocks: hlc };
}

/** Record id → unsent field keys (null: the whole record is unsent). */
async function pendingKeys(context: DataContext): Promise<Map<string, string[] | null>> {
  const pending = new Map<string, string[] | null>();
  await context.db.outbox.each((entry) => {
    for (const id of entry.recordIds) {
      const known = pending.get(id);
      if (known === null || entry.fields === null) pending.set(id, null);
      else pending.set(id, [...(known ?? []), ...entry.fields]);
    }
  });
  return pending;
}

export async function pendingCount(context: DataContext): Promise<number> {
  let count = 0;
  await context.db.outbox.each((entry) => {
    count += entry.recordIds.length;
  });
  return count;
}

export async function readCursor(context: DataContext): Promise<number> {
  return ((await context.db.meta.get('cursor'))?.value as number | undefined) ?? 0;
}

/** Moves the clock correction learned from the server, persisted for the next start. */
export async function saveClockOffset(context: DataContext, offsetMs: number): Promise<void> {
  await context.db.transaction('rw', context.db.meta, async () => {
    // The time other tabs handed out is kept; the correction is this one, measured just now.
    await catchUpClock(context);
    deviceClock(context).offsetMs = offsetMs;
    deviceClock(context).forgetFuture(MAX_CLOCK_AHEAD_MS);
    await saveClock(context);
  });
}

/** The session as stored: another tab of this device may have joined or left since this one read it. */
export async function reloadSession(context: DataContext): Promise<Session | null> {
  context.session = ((await context.db.meta.get('session'))?.value as Session | undefined) ?? null;
  return context.session;
}

/**
 * Joins a network: the session is stored and what was written before joining becomes the
 * network's (its outbox entries are pushed on the next sync), except the untouched starter
 * valise, which the network has its own of.
 */
export async function storeSession(context: DataContext, session: Session): Promise<void> {
  const { db } = context;
  await db.transaction('rw', [db.meta, db.outbox, ...RECORD_TYPES.map((type) => db.anyRecords(type))], async () => {
    await forgetUntouchedStarters(db);
    for (const type of RECORD_TYPES) {
      await db
        .anyRecords(type)
        .where('id')
        .above('')
        .modify((record) => {
          if (record.networkId === LOCAL_NETWORK) record.networkId = session.networkId;
        });
    }
    await forgetOtherNetworksChanges(db, session.networkId);
    await db.meta.put({ key: 'session', value: session });
    await db.meta.put({ key: 'cursor', value: 0 });
    await forgetServerEpoch(context);
  });
  context.session = session;
}

/**
 * Changes to another network's records, left unsent when the device left it (the leave warned of
 * them), must not reach the network joined now: its server would take a creation as its own
 * record, and answer an edit `not_found`, which settlePush gives back whole. The records stay.
 */
async function forgetOtherNetworksChanges(db: DataContext['db'], networkId: string): Promise<void> {
  for (const entry of await db.outbox.toArray()) {
    const records = await db.anyRecords(entry.type).bulkGet(entry.recordIds);
    const kept = entry.recordIds.filter((_, index) => {
      const record = records[index];
      return record === undefined || record.networkId === networkId;
    });
    if (kept.length === entry.recordIds.length || entry.seq === undefined) continue;
    if (kept.length === 0) await db.outbox.delete(entry.seq);
    else await db.outbox.update(entry.seq, keepMutationIds(entry, kept));
  }
}

/**
 * Leaves the network. With `wipe`, every record, file and draft of the device is erased too
 * (a shared device); the caller has warned about unsent changes and offered a backup first.
 */
export async function leaveNetwork(context: DataContext, { wipe }: { wipe: boolean }): Promise<void> {
  const { db } = context;
  await db.transaction('rw', db.tables, async () => {
    if (wipe) {
      for (const table of db.tables) if (table.name !== 'meta') await table.clear();
      await db.meta.where('key').anyOf('cursor', 'sync').delete();
    }
    await db.meta.delete('session');
  });
  context.session = null;
}
