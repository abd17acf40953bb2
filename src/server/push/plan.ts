// Decides what a push does, without IO: the stores read the touched records and earlier
// results inside their transaction, call planPush, and write its outcome in the same
// transaction, so a mutation's effect and its id are committed together (at most once).
import { newId } from '../../domain/ids';
import { createState, mergePatch, type Patch, type RecordState } from '../../domain/merge';
import { refusal } from '../../domain/permissions';
import { isRecordType, MAP_FIELDS, type RecordType } from '../../domain/record-types';
import { describeIssues, validateRecord } from '../../domain/validation';
import type { Role } from '../../domain/vocabulary';
import { type HybridClock, parseHlc } from '../../protocol/hlc';
import { MAX_CLOCK_AHEAD_MS, type Mutation } from '../../protocol/wire';

/** The server's own clock node: conflict records it creates and clocks it repairs carry it. */
export const SERVER_CLOCK_NODE = '0000000000000000';

/** A record as a store holds it. */
export interface RecordRow extends RecordState {
  id: string;
  networkId: string;
  type: RecordType;
}

export type SavedResult = { status: 'applied' } | { status: 'rejected'; reason: string };

export interface PushContext {
  networkId: string;
  role: Role;
  clock: HybridClock;
  now: number;
  /** Clock node → member name, to name the author of a losing text. */
  authorOf: (node: string) => string;
}

export interface PushPlan {
  /** Per mutation, in order: its result and whether it was seen before (a replay). */
  results: { id: string; result: SavedResult; replay: boolean; recordId: string }[];
  /** Records to write (final state after the whole push), in write order. */
  writes: RecordRow[];
  /** How far ahead of the server the furthest clamped clock was (0: none). */
  clockAheadMs: number;
}

export function planPush(
  context: PushContext,
  mutations: readonly Mutation[],
  existing: ReadonlyMap<string, RecordRow>,
  prior: ReadonlyMap<string, SavedResult>,
): PushPlan {
  const working = new Map(existing);
  const dirty = new Map<string, RecordRow>();
  const results: PushPlan['results'] = [];
  const seenInPush = new Set<string>();
  let clockAheadMs = 0;

  for (const mutation of mutations) {
    const earlier = prior.get(mutation.id);
    if (earlier || seenInPush.has(mutation.id)) {
      results.push({
        id: mutation.id,
        result: earlier ?? { status: 'applied' },
        replay: true,
        recordId: mutation.recordId,
      });
      continue;
    }
    seenInPush.add(mutation.id);
    const unreal = Object.entries(mutation.clocks).find(([, clock]) => parseHlc(clock) === null);
    if (unreal) {
      // Such a clock sorts after every real one: accepted, it would lock the field for ever.
      const reason = `invalid ${mutation.type} ${mutation.recordId}: the clock of ${unreal[0]} (${unreal[1]}) is not a real time`;
      results.push({
        id: mutation.id,
        result: { status: 'rejected', reason },
        replay: false,
        recordId: mutation.recordId,
      });
      continue;
    }
    const { type } = mutation;
    if (!isRecordType(type)) {
      // A type of a later release: refused alone, so the device keeps it and the rest applies.
      results.push({
        id: mutation.id,
        result: { status: 'rejected', reason: `unknown record type ${type}: this server does not know it yet` },
        replay: false,
        recordId: mutation.recordId,
      });
      continue;
    }
    const { clocks, aheadMs } = clampClocks(mutation.clocks, context);
    clockAheadMs = Math.max(clockAheadMs, aheadMs);
    const outcome = applyOne(context, { ...mutation, type, clocks }, working.get(mutation.recordId) ?? null);
    if ('reason' in outcome) {
      results.push({
        id: mutation.id,
        result: { status: 'rejected', reason: outcome.reason },
        replay: false,
        recordId: mutation.recordId,
      });
      continue;
    }
    results.push({ id: mutation.id, result: { status: 'applied' }, replay: false, recordId: mutation.recordId });
    for (const row of outcome.rows) {
      working.set(row.id, row);
      dirty.delete(row.id);
      dirty.set(row.id, row);
    }
  }
  return { results, writes: [...dirty.values()], clockAheadMs };
}

/** Said of an edit of an id the network does not hold, whether or not another network does. */
export const NO_SUCH_RECORD = 'this record does not exist on the server';

type Outcome = { rows: RecordRow[] } | { reason: string };

function applyOne(context: PushContext, mutation: Mutation & { type: RecordType }, current: RecordRow | null): Outcome {
  if (current && current.networkId !== context.networkId) {
    // An edit of another network's record reads exactly like an edit of no record: the answer
    // must not tell that the id exists elsewhere.
    if (mutation.fields.createdAt === undefined) return { reason: NO_SUCH_RECORD };
    return { reason: 'forbidden: this id belongs to no record of your network' };
  }
  if (current && current.type !== mutation.type)
    return { reason: `record ${mutation.recordId} is not of type ${mutation.type}` };
  const stray = Object.keys(mutation.fields).find((key) => {
    const dot = key.indexOf('.');
    return dot > 0 && !(MAP_FIELDS[mutation.type] as readonly string[]).includes(key.slice(0, dot));
  });
  // Merging would drop it silently; the device must hear that its change went nowhere.
  if (stray) return { reason: `invalid ${mutation.type}: ${stray} is not an entry of a field of this record` };
  const denied = refusal({
    role: context.role,
    type: mutation.type,
    existing: current?.data ?? null,
    fields: mutation.fields,
  });
  if (denied) return { reason: `forbidden: ${denied}` };

  const patch: Patch = { fields: mutation.fields, clocks: mutation.clocks, base: mutation.base };
  if (!current) {
    if (mutation.fields.createdAt === undefined) return { reason: NO_SUCH_RECORD };
    const state = createState(patch);
    state.data.id = mutation.recordId;
    state.data.networkId = context.networkId;
    return checked(context, mutation.type, mutation.recordId, state, []);
  }
  const merged = mergePatch(mutation.type, current, patch);
  if (!merged.changed && merged.losers.length === 0) return { rows: [] };
  const conflicts = merged.losers.map((loser) =>
    conflictRow(context, mutation.type, mutation.recordId, loser.field, loser.value, loser.clock),
  );
  return checked(context, mutation.type, mutation.recordId, merged, conflicts);
}

function checked(
  context: PushContext,
  type: RecordType,
  id: string,
  state: RecordState,
  conflicts: RecordRow[],
): Outcome {
  const valid = validateRecord(type, state.data);
  if (!valid.ok) return { reason: `invalid ${type}: ${describeIssues(valid.issues)}` };
  const row: RecordRow = {
    id,
    networkId: context.networkId,
    type,
    data: valid.value as Record<string, unknown>,
    clocks: state.clocks,
  };
  return { rows: [row, ...conflicts] };
}

function conflictRow(
  context: PushContext,
  recordType: RecordType,
  recordId: string,
  field: string,
  value: string,
  clock: string,
): RecordRow {
  const at = new Date(context.now).toISOString();
  const id = newId();
  return {
    id,
    networkId: context.networkId,
    type: 'conflicts',
    data: {
      id,
      networkId: context.networkId,
      createdAt: at,
      updatedAt: at,
      updatedBy: 'serveur',
      deleted: false,
      recordType,
      recordId,
      field,
      value,
      clock,
      authorName: context.authorOf(parseHlc(clock)?.node ?? ''),
    },
    clocks: { '*': context.clock.tick() },
  };
}

/**
 * A device clock far ahead of the server's would win every merge for as long as it stays
 * ahead; rather than refusing the write (which locks the device out), its timestamps are
 * replaced by the server's clock and the device is told how far off it is.
 */
function clampClocks(
  clocks: Record<string, string>,
  context: PushContext,
): { clocks: Record<string, string>; aheadMs: number } {
  let aheadMs = 0;
  let clamped: string | null = null;
  let latest = '';
  const result: Record<string, string> = {};
  // A mutation's fields usually share one clock: judge each distinct clock once.
  const verdicts = new Map<string, string>();
  for (const [key, clock] of Object.entries(clocks)) {
    let verdict = verdicts.get(clock);
    if (verdict === undefined) {
      const ahead = (parseHlc(clock)?.millis ?? Number.POSITIVE_INFINITY) - context.now;
      if (ahead > MAX_CLOCK_AHEAD_MS) {
        aheadMs = Math.max(aheadMs, ahead);
        clamped ??= context.clock.tick();
        verdict = clamped;
      } else {
        verdict = clock;
        if (clock > latest) latest = clock;
      }
      verdicts.set(clock, verdict);
    }
    result[key] = verdict;
  }
  // The server's own clock (conflict records) moves past what it accepted.
  if (latest !== '') context.clock.observe(latest);
  return { clocks: result, aheadMs };
}
