import * as v from 'valibot';
import { RECORD_SCHEMAS, type RecordMap, type RecordType } from './record-types';
import { unfitEntryIn, unfitEntryIssue } from './reserved-names';

export interface FieldIssue {
  /** Dotted path of the field at fault ("" for the record as a whole). */
  field: string;
  /** Machine-readable kind of problem (valibot's issue type: min_length, email, picklist…). */
  type: string;
  /** A readable sentence in English, for logs and API errors. */
  message: string;
  /** The bound that was crossed (max length, min value…), so a UI can say it in its language. */
  limit?: number;
  /** Whether a length bound applies to a text or a list ("200 characters" vs "50 items"). */
  of?: 'text' | 'list';
}

export type Validation<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * Checks the fields this version knows and carries the others as they are: a newer release
 * may add optional fields (src/protocol/README.md, "Compatibility"), which an older device
 * must keep through its own edits, byte for byte.
 */
export function validateRecord<K extends RecordType>(type: K, input: unknown): Validation<RecordMap[K]> {
  // The schemas would drop such a key without a word, and a carried one could not be kept; such
  // a number would be stored as null.
  const unfit = unfitEntryIn(input);
  if (unfit) return { ok: false, issues: [unfitEntryIssue(unfit)] };
  return validateShape(type, input);
}

/**
 * `validateRecord` without its search for reserved names, for a caller that made it on every
 * key the record holds (the server, on a new record built from a change it has searched).
 */
export function validateShape<K extends RecordType>(type: K, input: unknown): Validation<RecordMap[K]> {
  const { known, unknown } = splitFields(type, input);
  const result = v.safeParse(RECORD_SCHEMAS[type], known);
  if (!result.success) return { ok: false, issues: result.issues.map(toFieldIssue) };
  // The schema's output is a new object: fields of a later release are added to it in place.
  const value = result.output as RecordMap[K];
  return { ok: true, value: unknown ? Object.assign(value, unknown) : value };
}

/** The first problem a new record of these fields would have: imports judge each line before writing. */
export function issueOfNewRecord(type: RecordType, fields: object): FieldIssue | undefined {
  return newRecordIssues(type, fields)[0];
}

/** Every problem a new record of these fields would have, without writing it. */
export function newRecordIssues(type: RecordType, fields: object): FieldIssue[] {
  const now = new Date(0).toISOString();
  const result = validateRecord(type, {
    ...fields,
    id: '00000000-0000-7000-8000-000000000000',
    networkId: 'import',
    createdAt: now,
    updatedAt: now,
    updatedBy: '',
    deleted: false,
  });
  return result.ok ? [] : result.issues;
}

const knownKeys = new Map<RecordType, ReadonlySet<string>>();

/** The fields a record type's schema names (its object, or the object its pipe starts with). */
function knownFields(type: RecordType): ReadonlySet<string> {
  let keys = knownKeys.get(type);
  if (!keys) {
    const schema = RECORD_SCHEMAS[type] as unknown as { entries?: object; pipe?: { entries?: object }[] };
    keys = new Set(Object.keys(schema.entries ?? schema.pipe?.[0]?.entries ?? {}));
    knownKeys.set(type, keys);
  }
  return keys;
}

/** The fields the schema names, and the others (null: none, as in nearly every record). */
export function splitFields(
  type: RecordType,
  input: unknown,
): { known: unknown; unknown: Record<string, unknown> | null } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { known: input, unknown: null };
  const keys = knownFields(type);
  const fields = input as Record<string, unknown>;
  // Counted without listing the names: every pushed record passes here.
  let unknownCount = 0;
  for (const key in fields) if (!keys.has(key)) unknownCount++;
  if (unknownCount === 0) return { known: input, unknown: null };
  const known: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  for (const key in fields) (keys.has(key) ? known : unknown)[key] = fields[key];
  return { known, unknown };
}

export function toFieldIssue(issue: v.BaseIssue<unknown>): FieldIssue {
  const field = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  const type = issue.kind === 'schema' && issue.input === undefined ? 'required' : issue.type;
  const what = field === '' ? 'record' : field;
  const message = type === 'required' ? `${what} is required` : `${what} ${issue.message}`;
  const described: FieldIssue = { field, type, message };
  const requirement = (issue as { requirement?: unknown }).requirement;
  if (typeof requirement === 'number') described.limit = requirement;
  if (typeof issue.input === 'string') described.of = 'text';
  else if (Array.isArray(issue.input)) described.of = 'list';
  return described;
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => issue.message).join('; ');
}
