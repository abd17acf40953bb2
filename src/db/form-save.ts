// The save of a form: everything the form holds is written in one transaction, and its draft
// is forgotten in that same transaction — either the records are stored and the draft gone, or
// nothing changed and the draft is still there to try again.
import type { Table } from 'dexie';
import { changedSince } from '../domain/form-changes';
import type { NewRecord, RecordChanges, RecordMap, RecordType } from '../domain/record-types';
import type { DataContext } from './context';
import { type Draft, deleteDraft, saveDraft } from './drafts';
import { createRecord, updateRecord } from './writes';

/**
 * Runs `write` in one transaction over `tables` (plus the outbox, the clock and the drafts),
 * then removes the draft `draftId` in it. Anything asynchronous that is not IndexedDB (hashing
 * files with WebCrypto) must happen before: awaiting it inside would commit the transaction.
 */
export function saveWithDraft<T>(
  context: DataContext,
  tables: readonly Table[],
  draftId: string | null,
  write: () => Promise<T>,
): Promise<T> {
  const { db } = context;
  return db.transaction('rw', [...tables, db.outbox, db.meta, db.drafts], async () => {
    const result = await write();
    if (draftId) await deleteDraft(context, draftId);
    return result;
  });
}

type FormFields<K extends RecordType> = NewRecord<K> & RecordChanges<K>;

/**
 * Creates (id null) or changes a record of one type from a form, forgetting its draft with it.
 * A change writes only the fields that differ from `opened`, the same fields as the form opened
 * (src/domain/form-changes.ts); without it, every field given.
 */
export function saveRecordForm<K extends RecordType>(
  context: DataContext,
  type: K,
  id: string | null,
  fields: FormFields<K>,
  draftId: string | null,
  opened: FormFields<K> | null = null,
): Promise<RecordMap[K]> {
  return saveWithDraft(context, [context.db.anyRecords(type)], draftId, () =>
    id === null
      ? createRecord(context, type, fields)
      : updateRecord(context, type, id, opened ? changedSince<RecordChanges<K>>(fields, opened) : fields),
  );
}

/**
 * Creates a record from a form inside another form (a lieu made from a visit's picker) and
 * stores the draft of the form around it, the record now in it, in the same transaction: apart,
 * a tab killed between the two left the record made and the draft still holding the inline form,
 * whose « Ajouter », restored, made the record twice.
 */
export function createIntoDraft<K extends RecordType>(
  context: DataContext,
  type: K,
  fields: NewRecord<K>,
  draft: (record: RecordMap[K]) => Omit<Draft, 'updatedAt'>,
): Promise<RecordMap[K]> {
  return saveWithDraft(context, [context.db.anyRecords(type)], null, async () => {
    const record = await createRecord(context, type, fields);
    await saveDraft(context, draft(record));
    return record;
  });
}
