// The keys a write sets in the derived fields (derived-keys.ts) and the schema upgrades' fill
// of them: loaded with the first write (index-writes-loader.ts), not with the first screen,
// which only reads them.
import { joinedKeys, lieuDuplicateKeys, personDuplicateKeys } from '../domain/duplicate-keys';
import type { MergeableType } from '../domain/merge-plan';
import { DERIVED_FIELDS, withoutKey } from './derived-keys';
import { UNDATED } from './open-keys';

type Row = Record<string, unknown>;

/** A stored record's keys in the `duplicateKeys` index (duplicate-keys.ts): none once deleted (merged or not). */
export function duplicateKeys(type: MergeableType, record: Row): string[] {
  if (record.deleted) return [];
  // Written records are valid, so named; a key is never worth failing a write for.
  const fields = { ...record, name: typeof record.name === 'string' ? record.name : '' } as never;
  return joinedKeys(type === 'organisations' ? lieuDuplicateKeys(fields) : personDuplicateKeys(fields));
}

/** The keys of a stored visit in the `serviceDays` index (visit-keys.ts; the bench writes them for its raw baseline). */
export function serviceDays(visit: { deleted?: boolean; services?: readonly string[]; visitedAt?: string }): string[] {
  if (visit.deleted === true || typeof visit.visitedAt !== 'string') return [];
  return (visit.services ?? []).map((service) => `${service}\t${visit.visitedAt}`);
}

/** The people an event's `attendees` holds an entry for (attendee-keys.ts; a removed entry may be kept as null). */
function attendeeIds(event: { attendees?: unknown }): string[] {
  const attendees = (event.attendees ?? {}) as Row;
  return Object.keys(attendees).filter((id) => attendees[id] !== null && attendees[id] !== undefined);
}

/** An open follow-up's key (open-keys.ts): its due day, or UNDATED; none once done or deleted. */
function openDue(followUp: { deleted?: unknown; done?: unknown; dueDate?: unknown }): string | undefined {
  if (followUp.deleted || followUp.done) return undefined;
  return typeof followUp.dueDate === 'string' ? followUp.dueDate : UNDATED;
}

/** An open loan's key (open-keys.ts): the item it holds; none once returned or deleted. */
function openItemId(loan: { deleted?: unknown; returnedAt?: unknown; itemId?: unknown }): string | undefined {
  if (loan.deleted || loan.returnedAt || typeof loan.itemId !== 'string') return undefined;
  return loan.itemId;
}

/** An open conflict's key (open-keys.ts): the record it is about; none once settled. */
function openRecordId(conflict: { deleted?: unknown; recordId?: unknown }): string | undefined {
  return conflict.deleted || typeof conflict.recordId !== 'string' ? undefined : conflict.recordId;
}

/** An array key for a multi-entry index; undefined (no entry) when there is none. */
const entries = (keys: string[]) => (keys.length > 0 ? keys : undefined);

/** Per table of DERIVED_FIELDS, the record's key in its field's index; undefined leaves the record out of the index. */
const KEY_OF: Readonly<Partial<Record<string, (record: Row) => unknown>>> = {
  organisations: (lieu) => entries(duplicateKeys('organisations', lieu)),
  contacts: (person) => entries(duplicateKeys('contacts', person)),
  visits: (visit) => entries(serviceDays(visit)),
  events: (event) => entries(attendeeIds(event)),
  followUps: openDue,
  loans: openItemId,
  conflicts: openRecordId,
};

/** A record of `table` as stored: with its key (a copy: the caller's object is left as it was). */
export function withDerivedKey(table: string, record: unknown): unknown {
  const field = DERIVED_FIELDS[table] as string;
  const key = (KEY_OF[table] as (record: Row) => unknown)(record as Row);
  return key === undefined ? withoutKey(field, record) : { ...(record as Row), [field]: key };
}

/**
 * A schema upgrade's backfill, on the object store itself: only the keys change, so the
 * search's middleware has nothing to redo. Records with no key are left as they are.
 */
export function fillDerivedKeys(store: IDBObjectStore): Promise<void> {
  const of = KEY_OF[store.name];
  if (!of) return Promise.reject(new Error(`no derived key in ${store.name}`));
  return new Promise((resolve, reject) => {
    const request = store.openCursor();
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve();
      const value = cursor.value as Row;
      if (of(value) !== undefined) cursor.update(withDerivedKey(store.name, value));
      cursor.continue();
    };
  });
}
