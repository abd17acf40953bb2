import * as v from 'valibot';
import { RECORD_SCHEMAS, type RecordMap, type RecordType } from './record-types';

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

export function validateRecord<K extends RecordType>(type: K, input: unknown): Validation<RecordMap[K]> {
  const result = v.safeParse(RECORD_SCHEMAS[type], input);
  if (result.success) return { ok: true, value: result.output as RecordMap[K] };
  return { ok: false, issues: result.issues.map(toFieldIssue) };
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
