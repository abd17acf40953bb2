import type { FieldIssue } from './validation';

// Names through which an object's prototype is reached. Written into an object by assignment
// they would change its prototype, not a field; schemas drop them silently (valibot's object
// and record skip them). And the names every plain object inherits: looked up in an object that
// lacks them (a mutation's clocks sent as exceptions, a stored record's clocks), they give a
// function where a clock or a value was expected, so a field named `toString` was stored without
// a clock and every later edit of it answered « unchanged ». A record or change that holds one
// is refused in words instead. Listed, not read from Object.prototype: a device and its server
// must refuse the same names whatever their engine.
const RESERVED_NAMES: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** No key shorter than this holds a reserved name, dotted or not. */
const SHORTEST_RESERVED_NAME = Math.min(...[...RESERVED_NAMES].map((name) => name.length));

/** Whether a key, or one of its dotted segments, is such a name. */
export function isReservedName(key: string): boolean {
  // Every key of every pushed record passes here: most are too short to be looked up at all,
  // and a plain key is looked up without splitting.
  if (key.length < SHORTEST_RESERVED_NAME) return false;
  if (!key.includes('.')) return RESERVED_NAMES.has(key);
  return key.split('.').some((name) => RESERVED_NAMES.has(name));
}

/**
 * What a record cannot hold, found at any depth: a key that is a reserved name (or whose dotted
 * segments hold one: `answers.__proto__` is a map entry), or a number JSON cannot write back.
 * `1e400` parses to Infinity, which JSON.stringify writes as null: a pushed record would be
 * stored with null where its device keeps Infinity (IndexedDB does), and be told "applied".
 */
interface UnfitEntry {
  /** Dotted path of the key or the value. */
  path: string;
  type: 'reserved_name' | 'not_finite';
}

/**
 * The first unfit key or value of `value`, or null when there is none. The path is written only
 * for one found: nearly every record holds none.
 */
export function unfitEntryIn(value: unknown): UnfitEntry | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const entry = value[index];
      if (typeof entry === 'number' && !Number.isFinite(entry)) return { path: `${index}`, type: 'not_finite' };
      const found = unfitEntryIn(entry);
      if (found !== null) return { ...found, path: `${index}.${found.path}` };
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  // for…in lists no array of keys (every pushed record passes here); records come from JSON
  // or structured clones, which inherit no enumerable key.
  for (const key in record) {
    if (isReservedName(key)) return { path: key, type: 'reserved_name' };
    const entry = record[key];
    if (typeof entry === 'number' && !Number.isFinite(entry)) return { path: key, type: 'not_finite' };
    if (entry === null || typeof entry !== 'object') continue;
    const found = unfitEntryIn(entry);
    if (found !== null) return { ...found, path: `${key}.${found.path}` };
  }
  return null;
}

/** The issue of such an entry, for logs and the API (the device words it in its language). */
export function unfitEntryIssue({ path, type }: UnfitEntry): FieldIssue {
  const message =
    type === 'reserved_name'
      ? `${path} is not a name a field or an entry may have`
      : `${path} is a number too large to be stored (JSON writes it as null)`;
  return { field: path, type, message };
}
