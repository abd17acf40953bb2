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
import {
  type Change,
  MAX_CLOCK_AHEAD_MS,
  MAX_MAP_ENTRIES,
  MAX_RECORD_CHARS,
  type Mutation,
  type MutationResult,
} from '../../protocol/wire';

/** The server's own clock node: conflict records it creates and clocks it repairs carry it. */
export const SERVER_CLOCK_NODE = '0000000000000000';

/** A record as a store holds it. */
export interface RecordRow extends RecordState {
  id: string;
  networkId: string;
  type: RecordType;
  /** `data` as JSON, when the plan already wrote it (measuring the record's size). */
  json?: string;
}

/** The JSON a store keeps of a record's data, written once per record. */
export function recordJson(row: RecordRow): string {
  return row.json ?? JSON.stringify(row.data);
}

export type SavedResult =
  | { status: 'applied' }
  | { status: 'unchanged'; reason: string }
  | { status: 'rejected'; reason: string };

/** A reason is stored and sent back: it never carries a huge input whole. */
export const MAX_REASON_CHARS = 500;

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
  /** Records that a device's re-sending after a restore changed: what the restore had lost. */
  broughtBack: string[];
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

  const firstSeen = new Map<string, { mutation: Mutation; result: SavedResult }>();
  const broughtBack = new Set<string>();
  // The mutations of a push share few clocks (a bulk write has one): each is read once.
  const instants = new Map<string, number | null>();
  let clockAheadMs = 0;

  for (const mutation of mutations) {
    const earlier = prior.get(mutation.id);
    if (earlier) {
      results.push({ id: mutation.id, result: earlier, replay: true, recordId: mutation.recordId });
      continue;
    }
    const inPush = firstSeen.get(mutation.id);
    if (inPush) {
      // The same id twice in one push: a repeat gets the first one's answer; a different
      // change under a used id is not applied, and said so.
      const same = JSON.stringify(inPush.mutation) === JSON.stringify(mutation);
      const result: SavedResult = same
        ? inPush.result
        : { status: 'rejected', reason: `mutation id ${mutation.id} was already used earlier in this push` };
      results.push({ id: mutation.id, result, replay: true, recordId: mutation.recordId });
      continue;
    }
    const outcome = planOne(context, mutation, working, instants);
    clockAheadMs = Math.max(clockAheadMs, outcome.aheadMs);
    const result: SavedResult =
      'reason' in outcome
        ? { status: 'rejected', reason: clip(outcome.reason) }
        : outcome.rows.length === 0
          ? { status: 'unchanged', reason: 'the server already held newer values of every field of this change' }
          : { status: 'applied' };
    firstSeen.set(mutation.id, { mutation, result });
    results.push({ id: mutation.id, result, replay: false, recordId: mutation.recordId });
    if ('rows' in outcome) {
      if (mutation.resent && outcome.rows.length > 0) broughtBack.add(mutation.recordId);
      for (const row of outcome.rows) {
        working.set(row.id, row);
        dirty.delete(row.id);
        dirty.set(row.id, row);
      }
    }
  }
  return { results, writes: [...dirty.values()], clockAheadMs, broughtBack: [...broughtBack] };
}

/**
 * The answer to each mutation. A refusal carries the record as the server holds it so the
 * device can put it back, but once per record: a few hundred refusals of one large record
 * must not make an answer of a few hundred copies.
 */
export function pushAnswers(plan: PushPlan, currentOf: (recordId: string) => Change | null): MutationResult[] {
  const sent = new Set<string>();
  return plan.results.map(({ id, result, recordId }) => {
    if (result.status !== 'rejected') return { id, ...result };
    if (sent.has(recordId)) return { id, status: 'rejected', reason: result.reason };
    sent.add(recordId);
    return { id, status: 'rejected', reason: result.reason, current: currentOf(recordId) };
  });
}

function clip(reason: string): string {
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason;
}

/** Names a prototype may be reached by: merged into an object, they would change nothing. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

function planOne(
  context: PushContext,
  mutation: Mutation,
  working: ReadonlyMap<string, RecordRow>,
  instants: Map<string, number | null>,
): Outcome & { aheadMs: number } {
  const { type } = mutation;
  // A type of a later release: refused alone, so the device keeps it and the rest applies.
  if (!isRecordType(type))
    return { reason: `unknown record type ${type}: this server does not know it yet`, aheadMs: 0 };
  const unreal = Object.entries(mutation.clocks).find(([, clock]) => instantOf(clock, instants) === null);
  // Such a clock sorts after every real one: accepted, it would lock the field for ever.
  if (unreal)
    return {
      reason: `invalid ${mutation.type}: the clock of ${unreal[0]} (${unreal[1]}) is not a real time`,
      aheadMs: 0,
    };
  const reserved = reservedName(mutation.fields);
  if (reserved)
    return { reason: `invalid ${mutation.type}: ${reserved} is not a name a field or an entry may have`, aheadMs: 0 };
  const { clocks, aheadMs } = clampClocks(mutation.clocks, context, instants);
  const fields = withoutControlCharacters(mutation.fields) as Record<string, unknown>;
  const outcome = applyOne(context, { ...mutation, type, fields, clocks }, working.get(mutation.recordId) ?? null);
  return { ...outcome, aheadMs };
}

/**
 * Control characters other than tab, newline and carriage return, and unpaired surrogates,
 * have no place in a text typed by a person; JSON writes each as six characters, so a few
 * long notes of them once made a pull page longer than a string may be.
 */
function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === 'string') {
    // Nearly every text is clean: only a dirty one is copied.
    if (!HAS_CONTROL_CHARACTER.test(value) && value.isWellFormed()) return value;
    return value.replace(CONTROL_CHARACTERS, '').toWellFormed();
  }
  if (Array.isArray(value)) {
    const cleaned = value.map(withoutControlCharacters);
    return cleaned.every((item, index) => item === value[index]) ? value : cleaned;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | null = null;
    for (const key in value) {
      const cleaned = withoutControlCharacters(value[key]);
      if (cleaned !== value[key]) {
        copy ??= { ...value };
        copy[key] = cleaned;
      }
    }
    return copy ?? value;
  }
  return value;
}

/** The first key, or entry of a whole map written at once, named after a prototype. */
function reservedName(fields: Record<string, unknown>): string | undefined {
  for (const key in fields) {
    if (key.split('.').some((name) => RESERVED_NAMES.has(name))) return key;
    const value = fields[key];
    if (!isPlainObject(value)) continue;
    for (const entry in value) if (RESERVED_NAMES.has(entry)) return `${key}.${entry}`;
  }
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it removes.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same characters, found without state.
const HAS_CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

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
  // A text given back after a restore is an old copy, not a concurrent edit: no conflict.
  const losers = mutation.resent ? [] : merged.losers;
  if (!merged.changed && losers.length === 0) return { rows: [] };
  const conflicts = losers.map((loser) =>
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
  const crowded = (MAP_FIELDS[type] as readonly string[]).find(
    (field) => Object.keys((state.data[field] as object | null | undefined) ?? {}).length > MAX_MAP_ENTRIES,
  );
  if (crowded) return { reason: `invalid ${type}: ${crowded} would hold more than ${MAX_MAP_ENTRIES} entries` };
  const valid = validateRecord(type, state.data);
  if (!valid.ok) return { reason: `invalid ${type}: ${describeIssues(valid.issues)}` };
  const json = JSON.stringify(valid.value);
  if (json.length > MAX_RECORD_CHARS)
    return { reason: `invalid ${type}: the record would be larger than ${MAX_RECORD_CHARS / 1_000_000} MB` };
  const row: RecordRow = {
    id,
    networkId: context.networkId,
    type,
    data: valid.value as Record<string, unknown>,
    clocks: state.clocks,
    json,
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
  instants: Map<string, number | null>,
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
      const ahead = (instantOf(clock, instants) ?? Number.POSITIVE_INFINITY) - context.now;
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

/** The instant a clock names (null: none), read once per push. */
function instantOf(clock: string, instants: Map<string, number | null>): number | null {
  let millis = instants.get(clock);
  if (millis === undefined) {
    millis = parseHlc(clock)?.millis ?? null;
    instants.set(clock, millis);
  }
  return millis;
}
