// The merge rule of Valise, shared by the server (which decides) and the client (which shows
// its own unsent changes on top of what it pulled). Pure: no IO, no clock reading.
//
// Every field carries the hybrid-logical-clock timestamp of its last write; the greater
// timestamp wins, field by field ("last writer wins" per field, ties impossible since a
// timestamp ends with its device's node id). Map fields (diagnostic answers, attendees…)
// merge key by key: a patch key "answers.q1" writes one entry.
//
// Long texts are never silently dropped: when a write to a text field was made without
// having seen the value it replaces (its `base` clock differs from the stored clock), the
// two writes were concurrent and the losing text is returned in `losers` for the caller to
// keep as a conflict record. Not a text the app shipped (a seed clock): nobody typed it, and a
// later version's correction of it must not come back as someone's lost text.
import { MAP_FIELDS, type RecordType, TEXT_FIELDS } from './record-types';
import { isSeedClock } from './seed-clock';

/** Field → clock of its last write. The key "*" is the clock of fields without their own entry. */
export type FieldClocks = Record<string, string>;

export interface RecordState {
  data: Record<string, unknown>;
  clocks: FieldClocks;
}

export interface Patch {
  /** Changed fields; a key "field.entry" writes one entry of a map field. */
  fields: Record<string, unknown>;
  /** Clock of each changed field (same keys as `fields`). */
  clocks: Record<string, string>;
  /** For text fields: the clock of the value the edit started from ("" when there was none). */
  base?: Record<string, string> | undefined;
}

export interface LosingText {
  field: string;
  value: string;
  /** Clock of the losing write (its node tells which device typed it). */
  clock: string;
}

interface MergeResult extends RecordState {
  changed: boolean;
  losers: LosingText[];
}

/** Fields fixed at creation: a later patch never changes them. */
const IMMUTABLE_FIELDS: ReadonlySet<string> = new Set(['id', 'networkId', 'createdAt']);

const DEFAULT_CLOCK_KEY = '*';

export function clockOf(clocks: FieldClocks, key: string): string {
  const own = clocks[key];
  if (own !== undefined) return own;
  const dot = key.indexOf('.');
  if (dot > 0) return clockOf(clocks, key.slice(0, dot));
  return clocks[DEFAULT_CLOCK_KEY] ?? '';
}

/** A new record from its creating patch. */
export function createState(patch: Patch): RecordState {
  const data: Record<string, unknown> = {};
  // A creation's fields nearly always share one clock: its clocks are then that one alone,
  // without a map of every field's clock built only to be compacted.
  let shared: string | undefined;
  let sharedByAll = true;
  // for…in: no array of the keys built for every record a push creates.
  for (const key in patch.fields) {
    if (key.includes('.')) continue;
    data[key] = patch.fields[key];
    const clock = patch.clocks[key];
    if (clock === undefined || clock === shared) continue;
    if (shared === undefined) shared = clock;
    else sharedByAll = false;
  }
  const clocks: FieldClocks = {};
  if (sharedByAll) {
    if (shared !== undefined) clocks[DEFAULT_CLOCK_KEY] = shared;
    return { data, clocks };
  }
  for (const key of Object.keys(patch.fields)) {
    const clock = patch.clocks[key];
    if (clock !== undefined && !key.includes('.')) clocks[key] = clock;
  }
  return { data, clocks: compactClocks(clocks) };
}

/** Merges a patch into a stored record by per-field last-writer-wins. */
export function mergePatch(type: RecordType, state: RecordState, patch: Patch): MergeResult {
  const data = { ...state.data };
  const clocks = { ...state.clocks };
  const losers: LosingText[] = [];
  const textFields: readonly string[] = TEXT_FIELDS[type];
  const mapFields: readonly string[] = MAP_FIELDS[type];
  let changed = false;

  for (const [key, value] of Object.entries(patch.fields)) {
    if (IMMUTABLE_FIELDS.has(key)) continue;
    const incoming = patch.clocks[key];
    if (incoming === undefined) continue;
    const current = clockOf(clocks, key);
    const dot = key.indexOf('.');
    const field = dot > 0 ? key.slice(0, dot) : key;
    if (dot > 0 && !mapFields.includes(field)) continue;
    const isText = textFields.includes(key);

    if (incoming > current) {
      if (isText) {
        const replaced = data[key];
        const base = patch.base?.[key];
        if (base !== undefined && base !== current && isLosingText(replaced, value) && !isSeedClock(current)) {
          losers.push({ field: key, value: replaced as string, clock: current });
        }
      }
      if (dot > 0) writeEntry(data, field, key.slice(dot + 1), value);
      else if (mapFields.includes(key)) writeWholeMap(data, clocks, key, value, incoming, state.data[key]);
      else data[key] = value;
      clocks[key] = incoming;
      changed = true;
    } else if (incoming < current && isText && isLosingText(value, data[key]) && !isSeedClock(incoming)) {
      losers.push({ field: key, value: value as string, clock: incoming });
    }
  }
  return { data, clocks, changed, losers };
}

/**
 * Forces a device's own unsent fields over a pulled record: until the server has decided,
 * the device shows what its user typed. Except a field pulled with a newer clock than the
 * unsent one (written elsewhere while this device was pulling): the server keeps that value
 * and says nothing back to a push it ignores, so holding the older one would hold it for good.
 * A text that would lose stays: the server keeps it as a conflict and sends the record again.
 */
export function overlayFields(
  type: RecordType,
  pulled: RecordState,
  local: RecordState,
  keys: readonly string[] | null,
): RecordState {
  if (keys === null) return { data: { ...local.data }, clocks: { ...local.clocks } };
  const data = { ...pulled.data };
  const clocks = { ...pulled.clocks };
  const textFields: readonly string[] = TEXT_FIELDS[type];
  for (const key of keys) {
    const clock = clockOf(local.clocks, key);
    if (
      clockOf(pulled.clocks, key) > clock &&
      !(textFields.includes(key) && isLosingText(local.data[key], pulled.data[key]))
    )
      continue;
    const dot = key.indexOf('.');
    if (dot > 0) {
      const field = key.slice(0, dot);
      const entries = local.data[field] as Record<string, unknown> | undefined;
      writeEntry(data, field, key.slice(dot + 1), entries?.[key.slice(dot + 1)]);
    } else {
      data[key] = local.data[key];
    }
    clocks[key] = clock;
  }
  return { data, clocks };
}

function isLosingText(loser: unknown, winner: unknown): boolean {
  return typeof loser === 'string' && loser.trim() !== '' && loser !== winner;
}

function writeEntry(data: Record<string, unknown>, field: string, entry: string, value: unknown): void {
  const map = { ...((data[field] as Record<string, unknown> | undefined) ?? {}) };
  if (value === undefined || value === null) delete map[entry];
  else map[entry] = value;
  data[field] = map;
}

/** A whole-map write replaces the map, except entries written later than it. */
function writeWholeMap(
  data: Record<string, unknown>,
  clocks: FieldClocks,
  field: string,
  value: unknown,
  clock: string,
  previous: unknown,
): void {
  const next: Record<string, unknown> = { ...((value as Record<string, unknown> | null) ?? {}) };
  const prefix = `${field}.`;
  for (const key of Object.keys(clocks)) {
    if (!key.startsWith(prefix)) continue;
    const entry = key.slice(prefix.length);
    const entryClock = clocks[key] as string;
    if (entryClock > clock) {
      const kept = (previous as Record<string, unknown> | undefined)?.[entry];
      if (kept === undefined) delete next[entry];
      else next[entry] = kept;
    } else {
      delete clocks[key];
    }
  }
  data[field] = next;
}

/** Drops per-field clocks equal to the default one, to keep records small. */
function compactClocks(clocks: FieldClocks): FieldClocks {
  // Every record a server creates passes here: plain loops, no arrays of entries.
  const keys = Object.keys(clocks);
  let common = clocks[DEFAULT_CLOCK_KEY];
  if (common === undefined) {
    for (const key of keys) {
      const clock = clocks[key] as string;
      if (common === undefined || clock > common) common = clock;
    }
    if (common === undefined) return clocks;
  }
  const compact: FieldClocks = {};
  compact[DEFAULT_CLOCK_KEY] = common;
  for (const key of keys) {
    const clock = clocks[key] as string;
    if (key !== DEFAULT_CLOCK_KEY && clock !== common) compact[key] = clock;
  }
  return compact;
}
