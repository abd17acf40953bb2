// Decides what a push does, without IO: the stores read the touched records and earlier
// results inside their transaction, call planPush, and write its outcome in the same
// transaction, so a mutation's effect and its id are committed together (at most once).
import { CONTROL_CHARACTERS, HAS_CONTROL_CHARACTER } from '../../domain/control-characters';
import { isId, newId } from '../../domain/ids';
import {
  clockOf,
  createState,
  type FieldClocks,
  type LosingText,
  mergePatch,
  type Patch,
  type RecordState,
} from '../../domain/merge';
import { refusal } from '../../domain/permissions';
import { isRecordType, MAP_FIELDS, type RecordType, TEXT_FIELDS } from '../../domain/record-types';
import { isReservedName, unfitEntryIn, unfitEntryIssue } from '../../domain/reserved-names';
import { isSeedClock } from '../../domain/seed-clock';
import { describeIssues, type FieldIssue } from '../../domain/validation';
import type { Role } from '../../domain/vocabulary';
import { type HlcParts, type HybridClock, MAX_CLOCK_AHEAD_MS, parseHlc } from '../../protocol/hlc';
import {
  type Change,
  isPlainObject,
  MAX_MAP_ENTRIES,
  MAX_RECORD_CHARS,
  type Mutation,
  type MutationResult,
  type RefusalCode,
} from '../../protocol/wire';
import { validateRecordFast, validateShapeFast } from './compiled-validation';
import { holdsSeal, sealConflict } from './conflict-seal';

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

/**
 * The rows a plan writes. Made by `new`, not by an object literal: V8 allocates the literals
 * of a site whose objects mostly outlive a young collection straight in the old generation
 * ("pretenuring"). A push keeps every row it plans until it has written them, so the row
 * literal was soon pretenured in about half of the processes, and each dead row in the old
 * generation then held its young JSON and data alive, copied and promoted at every young
 * collection until a full one: a push's planning took about twice the CPU. V8 does not
 * pretenure objects made by a class's constructor.
 */
class PlannedRow implements RecordRow {
  constructor(
    public id: string,
    public networkId: string,
    public type: RecordType,
    public data: Record<string, unknown>,
    public clocks: RecordState['clocks'],
    public json?: string,
  ) {}
}

/** The JSON a store keeps of a record's data, written once per record. */
export function recordJson(row: RecordRow): string {
  return row.json ?? JSON.stringify(row.data);
}

/** A refusal: its English reason (stored, and replayed alone), its code and fields for the device. */
interface Refusal {
  status: 'rejected';
  reason: string;
  code?: RefusalCode;
  issues?: FieldIssue[];
}

export type SavedResult = { status: 'applied' } | { status: 'unchanged'; reason: string } | Refusal;

/** Nearly every mutation's result, one object for all (results are read, never changed). */
const APPLIED: SavedResult = Object.freeze({ status: 'applied' });

/** A reason is stored and sent back: it never carries a huge input whole. */
export const MAX_REASON_CHARS = 500;
/**
 * Characters of records one push may go through. Each mutation is checked against its whole
 * record, so a thousand changes of a 1 MB record were seconds of work during which the server
 * answered no one: past this, the push answers the mutations it went through and no more, and
 * the device sends the others again in its next push (it keeps unanswered ones in its outbox).
 */
export const MAX_PUSH_WORK_CHARS = 16_000_000;
/** A refusal names at most this many field issues, each path and message at most 200 characters. */
export const MAX_REFUSAL_ISSUES = 5;
const MAX_ISSUE_CHARS = 200;

export interface PushContext {
  networkId: string;
  role: Role;
  clock: HybridClock;
  now: number;
  /**
   * The pushing device, as it joined: what its mutations claim of their author is not taken
   * on trust. Its member's name is the `updatedBy` of what it writes, its member's id the author
   * of the notes it takes, and its clock's node the node of every clock it brings in (see judgeClocks).
   */
  pusher: { clockNode: string; memberId: string; memberName: string };
  /** Clock node → member name, to name the author of a losing text (see authorNames). */
  authorOf: (node: string) => string;
  /** The network's secret that seals the conflicts the server makes (conflict-seal.ts). */
  sealKey: string;
}

/**
 * `authorOf` from the network's devices (clock node, member name): a node names its member only
 * when every device that joined with it did so under that name. A phone that left and joined
 * again under another name keeps its node, and a device may join with a node it read in the
 * network's clocks: such a node names no one (the conflict copy says no author) rather than
 * the wrong member. Nor does the server's own node, which dates clamped writes of any device.
 */
export function authorNames(devices: Iterable<readonly [node: string, name: string]>): (node: string) => string {
  const names = new Map<string, string>();
  for (const [node, name] of devices) names.set(node, names.has(node) && names.get(node) !== name ? '' : name);
  names.delete(SERVER_CLOCK_NODE);
  return (node) => names.get(node) ?? '';
}

export interface PushPlan {
  /**
   * Per mutation, in order: its result and whether it was seen before (a replay). Past the
   * work bound, the last mutations have none (not applied; the device sends them again).
   */
  results: { id: string; result: SavedResult; replay: boolean; recordId: string }[];
  /** Records to write (final state after the whole push), in write order. */
  writes: RecordRow[];
  /** How far ahead of the server the furthest clamped clock was (0: none). */
  clockAheadMs: number;
  /**
   * Records that a device's re-sending after a restore changed, each with the oldest clock of
   * the values it wrote: the store counts one as brought back only when that value was written
   * before the epoch began (a restore loses only what was written before it; a new record
   * flagged resent is no loss).
   */
  broughtBack: BroughtBack[];
}

interface BroughtBack {
  recordId: string;
  writtenAt: string;
}

export function planPush(
  context: PushContext,
  mutations: readonly Mutation[],
  /** The network's own records the mutations name (ids are unique per network, not per server). */
  existing: ReadonlyMap<string, RecordRow>,
  prior: ReadonlyMap<string, SavedResult>,
): PushPlan {
  const working = new Map(existing);
  const dirty = new Map<string, RecordRow>();
  const results: PushPlan['results'] = [];

  // Mutation id → its index in `mutations` and in `results` (one result per mutation, in order).
  const firstSeen = new Map<string, number>();
  // Index of a mutation whose id comes again → its JSON, written once: written again for each
  // repeat, one large mutation and a thousand small repeats of its id held the server's only
  // thread for half a minute.
  const repeatedJson = new Map<number, string>();
  const broughtBack = new Map<string, string>();
  const clocks: ClockWatch = { instants: new Map(), aheadMs: 0 };
  // Characters of the records read from the store, measured once (a row this plan wrote has its JSON).
  const sizes = new Map<string, number>();
  let work = 0;
  // One lookup for the whole push (a closure made per mutation is an allocation per mutation).
  const recordOf = (type: RecordType, id: string) => {
    const row = working.get(id);
    return row?.type === type ? row.data : null;
  };

  for (let index = 0; index < mutations.length; index++) {
    const mutation = mutations[index] as Mutation;
    if (work >= MAX_PUSH_WORK_CHARS) break;
    const earlier = prior.get(mutation.id);
    if (earlier) {
      results.push({ id: mutation.id, result: earlier, replay: true, recordId: mutation.recordId });
      continue;
    }
    const inPush = firstSeen.get(mutation.id);
    if (inPush !== undefined) {
      // The same id twice in one push: a repeat gets the first one's answer; a different
      // change under a used id is not applied, and said so.
      let firstJson = repeatedJson.get(inPush);
      if (firstJson === undefined) {
        firstJson = JSON.stringify(mutations[inPush]);
        repeatedJson.set(inPush, firstJson);
      }
      const same = firstJson === JSON.stringify(mutation);
      const result: SavedResult = same
        ? (results[inPush] as PushPlan['results'][number]).result
        : refused('repeated_id', `mutation id ${mutation.id} was already used earlier in this push`);
      results.push({ id: mutation.id, result, replay: true, recordId: mutation.recordId });
      continue;
    }
    // What the body itself costs is bounded by its size; what grows with each mutation is the
    // record it is checked against.
    let recordChars = dirty.get(mutation.recordId)?.json?.length ?? sizes.get(mutation.recordId);
    if (recordChars === undefined) {
      const before = working.get(mutation.recordId);
      recordChars = charsOf(before);
      if (before) sizes.set(mutation.recordId, recordChars);
    }
    work += recordChars;
    const outcome = planOne(context, mutation, working, recordOf, clocks);
    const result: SavedResult =
      'refusal' in outcome
        ? { ...outcome.refusal, reason: clip(outcome.refusal.reason) }
        : outcome.rows.length === 0 || outcome.unchanged
          ? { status: 'unchanged', reason: 'the server already held newer values of every field of this change' }
          : APPLIED;
    firstSeen.set(mutation.id, index);
    results.push({ id: mutation.id, result, replay: false, recordId: mutation.recordId });
    if ('rows' in outcome) {
      if (mutation.resent && !outcome.unchanged) {
        const writtenAt = oldestWritten(outcome.rows, working.get(mutation.recordId), mutation.recordId);
        const earlier = broughtBack.get(mutation.recordId);
        if (writtenAt !== null && (earlier === undefined || writtenAt < earlier))
          broughtBack.set(mutation.recordId, writtenAt);
      }
      for (const row of outcome.rows) {
        working.set(row.id, row);
        dirty.delete(row.id);
        dirty.set(row.id, row);
      }
    }
  }
  return {
    results,
    writes: [...dirty.values()],
    clockAheadMs: clocks.aheadMs,
    broughtBack: [...broughtBack].map(([recordId, writtenAt]) => ({ recordId, writtenAt })),
  };
}

/** The oldest clock among the values a change wrote to its record (`before`: as it was); null if none. */
function oldestWritten(rows: readonly RecordRow[], before: RecordRow | undefined, recordId: string): string | null {
  const after = rows.find((row) => row.id === recordId);
  if (!after) return null;
  let oldest: string | null = null;
  for (const key in after.clocks) {
    const clock = after.clocks[key] as string;
    if (clock !== before?.clocks[key] && (oldest === null || clock < oldest)) oldest = clock;
  }
  return oldest;
}

/**
 * Records a push's permissions read beyond those its mutations name: the records the
 * attachments a concierge writes belong to (a published toolbox item's file is an admin's; an
 * admin may write any), and the event notes whose conflicts a concierge settles (a note's
 * conflict is its author's). A store reads them, within the network, with the mutations' records.
 */
export function ownersToRead(
  role: Role,
  mutations: readonly Mutation[],
  existing: ReadonlyMap<string, RecordRow>,
): string[] {
  if (role === 'admin') return [];
  const owners = new Set<string>();
  for (const mutation of mutations) {
    if (mutation.type === 'conflicts') {
      // A conflict given back to a restored server that lost it names its note itself.
      const conflict = existing.get(mutation.recordId)?.data ?? mutation.fields;
      if (conflict?.recordType === 'eventNotes' && isId(conflict.recordId) && !existing.has(conflict.recordId))
        owners.add(conflict.recordId);
    }
    if (mutation.type !== 'attachments') continue;
    // Every owner named, whatever its type: an edit may change the owner's id or type alone,
    // after the attachment's creation earlier in the same push.
    for (const named of [mutation.fields.ownerId, existing.get(mutation.recordId)?.data.ownerId])
      if (isId(named) && !existing.has(named)) owners.add(named);
  }
  return [...owners];
}

/**
 * The first mutations of a push whose records (and their owners, `ownersToRead`), read whole,
 * stay within the plan's work bound, and the one that passes it: the plan goes no further, and
 * the device sends the others again. `storedBytes`: each stored record's size (absent: not
 * stored), read without its data. A store read and parsed every record a push named before
 * planning: a member's 219 KB push naming a thousand records of 1 MB took 2 GB of the server's
 * memory and 48 s of its only thread, for a plan that stopped after 17 of them.
 */
export function withinReadBound(
  role: Role,
  mutations: readonly Mutation[],
  existing: ReadonlyMap<string, RecordRow>,
  storedBytes: ReadonlyMap<string, number>,
): readonly Mutation[] {
  const counted = new Set<string>();
  let bytes = 0;
  for (let index = 0; index < mutations.length; index++) {
    if (bytes >= MAX_PUSH_WORK_CHARS) return mutations.slice(0, index);
    const mutation = mutations[index] as Mutation;
    for (const id of [mutation.recordId, ...ownersToRead(role, [mutation], existing)]) {
      if (counted.has(id)) continue;
      counted.add(id);
      bytes += storedBytes.get(id) ?? 0;
    }
  }
  return mutations;
}

/** Characters of a stored record's JSON; a creation is checked against nothing (`{}`). */
function charsOf(row: RecordRow | undefined): number {
  return row ? JSON.stringify(row.data).length : 2;
}

/**
 * The answer to each mutation. A refusal carries the record as the server holds it so the
 * device can put it back, but once per record: a few hundred refusals of one large record
 * must not make an answer of a few hundred copies.
 */
export function pushAnswers(plan: PushPlan, currentOf: (recordId: string) => Change | null): MutationResult[] {
  const sent = new Set<string>();
  return plan.results.map(({ id, result, recordId }) => {
    if (result === APPLIED) return { id, status: 'applied' };
    if (result.status !== 'rejected') return { id, ...result };
    if (sent.has(recordId)) return { id, ...result };
    sent.add(recordId);
    return { id, ...result, current: currentOf(recordId) };
  });
}

function clip(reason: string): string {
  return reason.length > MAX_REASON_CHARS ? `${reason.slice(0, MAX_REASON_CHARS - 1)}…` : reason;
}

/** An issue's path and message may quote what was sent: kept short like a reason. */
function clipIssue(issue: FieldIssue): FieldIssue {
  const short = (text: string) => (text.length > MAX_ISSUE_CHARS ? `${text.slice(0, MAX_ISSUE_CHARS - 1)}…` : text);
  return { ...issue, field: short(issue.field), message: short(issue.message) };
}

/** A map field holding more entries than a record may: said before any work on its entries. */
function crowdedMap(type: RecordType, data: Record<string, unknown>): Refusal | null {
  for (const field of MAP_FIELDS[type] as readonly string[])
    if (holdsMoreThan(data[field], MAX_MAP_ENTRIES)) return crowdedRefusal(type, field);
  return null;
}

function crowdedRefusal(type: RecordType, field: string): Refusal {
  return fieldRefusal(type, {
    field,
    type: 'max_entries',
    message: `${field} would hold more than ${MAX_MAP_ENTRIES} entries`,
    limit: MAX_MAP_ENTRIES,
    of: 'list',
  });
}

/** Whether `value` is a plain object of more than `count` keys (counted without listing them). */
function holdsMoreThan(value: unknown, count: number): boolean {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  for (const _ in value) if (++keys > count) return true;
  return false;
}

function refused(code: RefusalCode, reason: string, issues?: FieldIssue[]): Refusal {
  return {
    status: 'rejected',
    reason,
    code,
    ...(issues ? { issues: issues.slice(0, MAX_REFUSAL_ISSUES).map(clipIssue) } : {}),
  };
}

/** A refusal of one field of a record, in the domain validation's terms. */
function fieldRefusal(type: string, issue: FieldIssue): Refusal {
  return refused('invalid_record', `invalid ${type}: ${issue.message}`, [issue]);
}

function planOne(
  context: PushContext,
  mutation: Mutation,
  working: ReadonlyMap<string, RecordRow>,
  recordOf: (type: RecordType, id: string) => Record<string, unknown> | null,
  clocks: ClockWatch,
): Outcome {
  const { type } = mutation;
  // A type of a later release: refused alone, so the device keeps it and the rest applies.
  if (!isRecordType(type))
    return {
      refusal: refused('unknown_type', `unknown record type ${type}: this server does not know it yet`),
    };
  const crowded = crowdedMap(type, mutation.fields);
  if (crowded) return { refusal: crowded };
  // Merged into an object by assignment, such a name would reach its prototype; dropped, the
  // device would hear "applied" for a change that went nowhere. Clocks and bases name fields too.
  // A number JSON cannot write back would be stored as null.
  const reserved = reservedKeyOf(mutation.clocks) ?? (mutation.base ? reservedKeyOf(mutation.base) : null);
  const unfit = unfitEntryIn(mutation.fields) ?? (reserved === null ? null : { path: reserved, type: 'reserved_name' });
  if (unfit !== null) return { refusal: fieldRefusal(type, unfitEntryIssue(unfit)) };
  const current = working.get(mutation.recordId) ?? null;
  const judged = judgeClocks(mutation.clocks, context, clocks, current?.clocks);
  // Such a clock sorts after every real one: accepted, it would lock the field for ever.
  if (judged instanceof UnrealClock)
    return {
      refusal: fieldRefusal(type, {
        field: judged.field,
        type: 'clock',
        message: `the clock of ${judged.field} (${mutation.clocks[judged.field]}) is not a real time`,
      }),
    };
  const applied: Applied = {
    type,
    recordId: mutation.recordId,
    fields: mutation.fields,
    clocks: judged,
    base: mutation.base,
    resent: mutation.resent,
    turned: judged !== mutation.clocks && tieTurned(mutation.clocks, judged, current?.clocks),
  };
  // Nearly every text is clean, and the record's JSON is written anyway: the change is applied
  // as it came, and its text is walked and cleaned only when that JSON, a losing text, a
  // refusal or a change to nothing leaves a doubt (then the change is applied again, cleaned).
  let outcome = applyOne(context, applied, current, recordOf, true);
  if (outcome === DOUBTFUL || !('rows' in outcome) || outcome.rows.length === 0) {
    const cleaned = withoutControlCharacters(mutation.fields) as Record<string, unknown>;
    if (outcome === DOUBTFUL || cleaned !== mutation.fields) {
      applied.fields = cleaned;
      outcome = applyOne(context, applied, current, recordOf, false);
    }
  }
  return outcome as Outcome;
}

/** What applyOne needs of a mutation once its type is known, its text cleaned and its clocks judged. */
type Applied = Pick<Mutation, 'recordId' | 'fields' | 'clocks' | 'base' | 'resent'> & {
  type: RecordType;
  /** Whether judging its clocks turned a tie with the stored record (see tieTurned). */
  turned: boolean;
};

/** The first key of a mutation's clocks or bases that is a reserved name. */
function reservedKeyOf(map: Record<string, string>): string | null {
  for (const key in map) if (isReservedName(key)) return key;
  return null;
}

/**
 * Control characters other than tab, newline and carriage return, and unpaired surrogates,
 * have no place in a text typed by a person; JSON writes each as six characters, so a few
 * long notes of them once made a pull page longer than a string may be.
 */
function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === 'string')
    return isCleanText(value) ? value : value.replace(CONTROL_CHARACTERS, '').toWellFormed();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index++) {
      const cleaned = withoutControlCharacters(value[index]);
      if (cleaned !== value[index]) {
        copy ??= [...value];
        copy[index] = cleaned;
      }
    }
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(record)) {
    const cleaned = withoutControlCharacters(record[key]);
    if (cleaned !== record[key]) {
      copy ??= { ...record };
      copy[key] = cleaned;
    }
  }
  return copy ?? record;
}

function isCleanText(text: string): boolean {
  return !HAS_CONTROL_CHARACTER.test(text) && text.isWellFormed();
}

/**
 * Whether a JSON text may hold a text that cleaning changes: JSON.stringify writes those
 * control characters as \b, \f or \u00XX and unpaired surrogates as \udXXX; DEL is written as is.
 */
function mayHoldUncleanText(json: string): boolean {
  // Nearly every record's JSON holds no backslash at all: found without a regular expression.
  return (json.includes('\\') || json.includes('\u007f')) && SIGNS_OF_UNCLEAN_TEXT.test(json);
}

const SIGNS_OF_UNCLEAN_TEXT = /\\[bfu]|\u007f/;
/** What applyOne answers, when it applies a change as it came, for one whose text may need cleaning. */
const DOUBTFUL: unique symbol = Symbol('text may need cleaning');

/** Said of an edit of an id the network does not hold, whether or not another network does. */
export const NO_SUCH_RECORD = 'this record does not exist on the server';

/**
 * Rows to write and, when they change it, the record's JSON length; or why not. `unchanged`: the
 * rows only write the record again as it is stored (see applyOne).
 */
type Outcome = { rows: RecordRow[]; chars?: number; unchanged?: boolean } | { refusal: Refusal };

/**
 * `asItCame`: the change's text was not cleaned; a change whose record JSON or losing texts
 * show text that cleaning would change is answered DOUBTFUL, before any conflict takes an id
 * or a tick of the server's clock.
 */
function applyOne(
  context: PushContext,
  mutation: Applied,
  current: RecordRow | null,
  recordOf: (type: RecordType, id: string) => Record<string, unknown> | null,
  asItCame: boolean,
): Outcome | typeof DOUBTFUL {
  if (current && current.type !== mutation.type)
    return { refusal: refused('wrong_type', `record ${mutation.recordId} is not of type ${mutation.type}`) };
  const stray = strayEntryOf(mutation.type, mutation.fields);
  // Merging would drop it silently; the device must hear that its change went nowhere.
  if (stray)
    return {
      refusal: fieldRefusal(mutation.type, {
        field: stray,
        type: 'stray_entry',
        message: `${stray} is not an entry of a field of this record`,
      }),
    };
  const denied = refusal({
    role: context.role,
    type: mutation.type,
    existing: current?.data ?? null,
    // A note's permission looks at values (a value sent as stored is not a change).
    fields: current && mutation.type === 'eventNotes' ? fieldsWritten(mutation, current.clocks) : mutation.fields,
    recordOf,
    memberId: context.pusher.memberId,
    resent: mutation.resent === true,
    sealed: mutation.type === 'conflicts' && !current && mutation.resent === true && sealedHere(context, mutation),
  });
  if (denied) return { refusal: refused('forbidden', `forbidden: ${denied}`) };

  const patch: Patch = { fields: mutation.fields, clocks: mutation.clocks, base: mutation.base };
  if (!current) {
    if (mutation.fields.createdAt === undefined) return { refusal: refused('not_found', NO_SUCH_RECORD) };
    const state = createState(patch);
    state.data.id = mutation.recordId;
    state.data.networkId = context.networkId;
    stampAuthor(mutation.type, state, null, context.pusher);
    // Its keys are the change's own, searched for reserved names above: not searched again.
    return checked(context, mutation, state, [], validateShapeFast, asItCame);
  }
  const merged = mergePatch(mutation.type, current, patch);
  stampAuthor(mutation.type, merged, current, context.pusher);
  // A text given back after a restore is an old copy, not a concurrent edit: no conflict.
  const losers = mutation.resent ? [] : merged.losers;
  // Written again as it is, the record reaches the device at its next pull with the clocks the
  // server holds, in place of those the device keeps for values the server did not take.
  if (!merged.changed && losers.length === 0)
    return mutation.turned ? { rows: [current], unchanged: true } : { rows: [] };
  if (asItCame && !losers.every((loser) => isCleanText(loser.value))) return DOUBTFUL;
  return checked(context, mutation, merged, losers, validateRecordFast, asItCame);
}

/**
 * Whether a conflict given back is one this network's server made, as it made it: its seal is
 * checked over what the server would store (its id and network are the mutation's, not the fields').
 */
function sealedHere(context: PushContext, mutation: Applied): boolean {
  return holdsSeal(context.sealKey, { ...mutation.fields, id: mutation.recordId, networkId: context.networkId });
}

/**
 * The fields of a change that merging would write: a value whose clock does not beat the stored
 * one changes nothing, and a device giving a restored server back its older copy of a colleague's
 * note is not refused for it. Except a text sent as an edit, which would be kept as a conflict
 * copy beside the winning one (the device's re-sending after a restore makes none).
 */
function fieldsWritten(mutation: Applied, stored: FieldClocks): Record<string, unknown> {
  const texts: readonly string[] = TEXT_FIELDS[mutation.type];
  let written: Record<string, unknown> | null = null;
  for (const key in mutation.fields) {
    const clock = mutation.clocks[key];
    if (clock !== undefined && clock > clockOf(stored, key)) continue;
    if (!mutation.resent && texts.includes(key)) continue;
    written ??= { ...mutation.fields };
    delete written[key];
  }
  return written ?? mutation.fields;
}

/**
 * Who took an event note, written when it is created, never changed after (only its author may
 * change it): the pusher's member name, shown, and member id, judged (permissions.ts).
 */
const TAKEN_BY: Partial<Record<RecordType, readonly ['authorName', 'authorId']>> = {
  eventNotes: ['authorName', 'authorId'],
};

/**
 * Writes the pusher's member into `updatedBy` when the change wrote it (its clock moved; on a
 * creation, `before` is null), whatever name it claims: a device cannot write in another
 * member's name. The pusher gets the record back at its next pull and shows that name. An event
 * note's `authorName` and `authorId` are the pusher's on its creation (the name only when the
 * device sent one) and keep their stored value and clock on any later change: written anew,
 * they would hand the note to whoever sent the change, who could then rewrite or delete it.
 */
function stampAuthor(
  type: RecordType,
  state: RecordState,
  before: RecordState | null,
  pusher: PushContext['pusher'],
): void {
  if (before ? state.clocks.updatedBy !== before.clocks.updatedBy : state.data.updatedBy !== undefined)
    state.data.updatedBy = pusher.memberName;
  const takenBy = TAKEN_BY[type];
  if (takenBy === undefined) return;
  const [name, id] = takenBy;
  if (!before) {
    if (state.data[name] !== undefined) state.data[name] = pusher.memberName;
    state.data[id] = pusher.memberId;
    // Its clock is the creation's, as every field a creation writes.
    const created = clockOf(state.clocks, 'createdAt');
    if (clockOf(state.clocks, id) !== created) state.clocks[id] = created;
    return;
  }
  for (const key of takenBy) {
    if (state.clocks[key] === before.clocks[key]) continue;
    if (before.data[key] === undefined) delete state.data[key];
    else state.data[key] = before.data[key];
    const clock = before.clocks[key];
    if (clock === undefined) delete state.clocks[key];
    else state.clocks[key] = clock;
  }
}

/** A dotted key whose field is not a map field of `type` (merging would drop it silently). */
function strayEntryOf(type: RecordType, fields: Record<string, unknown>): string | undefined {
  for (const key in fields) {
    const dot = key.indexOf('.');
    if (dot > 0 && !(MAP_FIELDS[type] as readonly string[]).includes(key.slice(0, dot))) return key;
  }
  return undefined;
}

function checked(
  context: PushContext,
  { type, recordId: id, clocks }: Applied,
  state: RecordState,
  losers: readonly LosingText[],
  validate: typeof validateRecordFast,
  asItCame: boolean,
): Outcome | typeof DOUBTFUL {
  const crowded = crowdedMap(type, state.data);
  if (crowded) return { refusal: crowded };
  const valid = validate(type, state.data);
  if (!valid.ok)
    return {
      refusal: refused('invalid_record', `invalid ${type}: ${describeIssues(valid.issues)}`, valid.issues),
    };
  const json = JSON.stringify(valid.value);
  if (asItCame && mayHoldUncleanText(json)) return DOUBTFUL;
  const chars = json.length;
  if (chars > MAX_RECORD_CHARS)
    return {
      refusal: refused(
        'too_large',
        `invalid ${type}: the record would be larger than ${MAX_RECORD_CHARS / 1_000_000} MB`,
      ),
    };
  const row = new PlannedRow(id, context.networkId, type, valid.value as Record<string, unknown>, state.clocks, json);
  const conflicts = losers.map((loser) =>
    conflictRow(context, type, id, loser.field, loser.value, loser.clock, authorOfLoser(context, loser, clocks)),
  );
  return { rows: [row, ...conflicts], chars };
}

function conflictRow(
  context: PushContext,
  recordType: RecordType,
  recordId: string,
  field: string,
  value: string,
  clock: string,
  authorName: string,
): RecordRow {
  const at = new Date(context.now).toISOString();
  const id = newId();
  const data: Record<string, unknown> = {
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
    authorName,
  };
  data.seal = sealConflict(context.sealKey, data);
  return new PlannedRow(id, context.networkId, 'conflicts', data, { '*': context.clock.tick() });
}

/**
 * Who typed a losing text: the pusher for the text its change sent (it loses under the clock
 * judgeClocks gave it, whatever node it came with); for the stored text its change beat (under
 * an older clock), the member of the device that pushed it earlier, from its clock's node, which
 * names no one when that node is shared, even if it is the pusher's.
 */
function authorOfLoser(context: PushContext, loser: LosingText, clocks: Record<string, string>): string {
  return loser.clock === clocks[loser.field]
    ? context.pusher.memberName
    : context.authorOf(parseHlc(loser.clock)?.node ?? '');
}

/**
 * Whether a clock that judgeClocks rewrote lost, under it, to the stored clock it beat as sent.
 * Either a tie at the same instant and counter, turned by the nodes once given the pusher's node
 * (a text two devices sent again after a restore, or a backup restored on a second new phone);
 * or a clock too far ahead, clamped to the server's time below a stored clock that is itself a
 * little ahead. Either way the device keeps its own clock for that field, not the server's, and
 * its next edit of a text would start from a clock the server does not hold: its previous text
 * would come back as « 2 versions ». Not a clock that, re-stamped, is the one the server holds:
 * that one this device brought in before, and it pulls it back with the record's write that
 * brought it (a change sent twice says `unchanged` the second time and writes nothing).
 */
function tieTurned(
  sent: Record<string, string>,
  judged: Record<string, string>,
  stored: FieldClocks | undefined,
): boolean {
  if (!stored) return false;
  for (const key in sent) {
    const held = clockOf(stored, key);
    if ((sent[key] as string) > held && (judged[key] as string) < held) return true;
  }
  return false;
}

/** What a push learns of its clocks as it judges them, mutation by mutation. */
interface ClockWatch {
  /** The mutations of a push share few clocks (a bulk write has one): each is read once. */
  instants: Map<string, HlcParts | null>;
  /** How far ahead of the server the furthest clamped clock was (0: none). */
  aheadMs: number;
}

/** A clock that names no real instant, and the field it was given for. */
class UnrealClock {
  constructor(readonly field: string) {}
}

/**
 * A device clock far ahead of the server's would win every merge for as long as it stays
 * ahead; rather than refusing the write (which locks the device out), its timestamps are
 * replaced by the server's clock and the device is told how far off it is. A clock that names
 * no real instant is said instead (an UnrealClock naming its field), before the server's clock moves;
 * how far ahead a clamped clock was goes into `watch`.
 *
 * A clock's node says which device wrote the field: it names the author of a losing text and
 * breaks ties. A clock with another node than the pusher's is taken as it came only when it is
 * the one the server holds for that field (a value pulled from another device, sent back
 * unchanged: merging does nothing with it) or a seed clock (shipped text, which loses to every
 * real edit and is never a conflict). Any other is given the pusher's node, at the same instant
 * and counter: a restored backup or a re-sent record brings back writes of other devices the
 * server does not hold, and refusing them would lose them; kept with their node, they would let
 * any device write in another's name. `stored`: the clocks of the record the server holds.
 */
function judgeClocks(
  clocks: Record<string, string>,
  context: PushContext,
  watch: ClockWatch,
  stored: FieldClocks | undefined,
): Record<string, string> | UnrealClock {
  const { instants } = watch;
  const own = context.pusher.clockNode;
  let aheadMs = 0;
  let foreign = false;
  let latest = '';
  let latestParts: HlcParts | null = null;
  // A mutation's fields usually share one clock: a run of equal clocks is judged once.
  let previous: string | undefined;
  for (const key in clocks) {
    const clock = clocks[key] as string;
    if (clock === previous) continue;
    previous = clock;
    const parts = partsOf(clock, instants);
    if (parts === null) return new UnrealClock(key);
    if (parts.node !== own) foreign = true;
    const ahead = parts.millis - context.now;
    if (ahead > MAX_CLOCK_AHEAD_MS) aheadMs = Math.max(aheadMs, ahead);
    else if (clock > latest) {
      latest = clock;
      latestParts = parts;
    }
  }
  // Nearly every push is on time and the pusher's own: its clocks are kept as they came, without a copy.
  let judged = clocks;
  if (aheadMs > 0 || foreign) {
    const clamped = aheadMs > 0 ? context.clock.tick() : '';
    judged = {};
    for (const key of Object.keys(clocks)) {
      const clock = clocks[key] as string;
      const parts = partsOf(clock, instants) as HlcParts;
      if (parts.millis - context.now > MAX_CLOCK_AHEAD_MS) judged[key] = clamped;
      else if (parts.node === own || isSeedClock(clock) || (stored && clockOf(stored, key) === clock))
        judged[key] = clock;
      else judged[key] = `${clock.slice(0, clock.length - own.length)}${own}`;
    }
  }
  // The server's own clock (conflict records) moves past what it accepted.
  if (latestParts) context.clock.observeParts(latestParts);
  watch.aheadMs = Math.max(watch.aheadMs, aheadMs);
  return judged;
}

/** What a clock says (null: no real instant), read once per push. */
function partsOf(clock: string, instants: Map<string, HlcParts | null>): HlcParts | null {
  let parts = instants.get(clock);
  if (parts === undefined) {
    parts = parseHlc(clock);
    instants.set(clock, parts);
  }
  return parts;
}
