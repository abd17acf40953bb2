// Lieux and people by what makes two of them likely duplicates (domain/duplicates.ts: a
// normalised name, in its commune for a lieu, an e-mail, a phone): each stored live record
// carries `duplicateKeys` under a multi-entry index, so a lieu's or a person's page finds the
// few records sharing one of its keys instead of reading every lieu or person. The field is
// derived, kept by derived-keys.ts on every write and hidden from every read.
import { joinedKeys, lieuDuplicateKeys, personDuplicateKeys } from '../domain/duplicate-keys';
import type { MergeableType } from '../domain/merge-plan';

export const DUPLICATE_KEYS = 'duplicateKeys';

/** A stored record's keys in the `duplicateKeys` index: none once deleted (merged or not). */
export function duplicateKeys(type: MergeableType, record: Record<string, unknown>): string[] {
  if (record.deleted) return [];
  // Written records are valid, so named; a key is never worth failing a write for.
  const fields = { ...record, name: typeof record.name === 'string' ? record.name : '' } as never;
  return joinedKeys(type === 'organisations' ? lieuDuplicateKeys(fields) : personDuplicateKeys(fields));
}
