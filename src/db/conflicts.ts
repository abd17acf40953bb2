// Texts that lost a concurrent edit, kept by the server as `conflicts` records, and how a
// person resolves them: keep the shown text, take the other version, or merge both by hand.
import type { Conflict } from '../domain/conflict';
import { isRecordType, type RecordChanges } from '../domain/record-types';
import type { DataContext } from './context';
import { NotOwnNoteError } from './event-notes';
import { openConflicts, settlerOtherThanMe } from './open-conflicts';
import { OPEN_RECORD } from './open-keys';
import { deleteRecord, updateRecord } from './writes';

export async function conflictsOf(context: DataContext, recordId: string, field?: string): Promise<Conflict[]> {
  const open = await context.db.records('conflicts').where(OPEN_RECORD).equals(recordId).toArray();
  return open
    .filter((conflict) => field === undefined || conflict.field === field)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

/**
 * Resolves a conflict: `text` becomes the field's value (unless it already is), and the
 * conflict is closed, in one transaction. A colleague's event note: NotOwnNoteError, nothing queued.
 */
async function resolveConflict(context: DataContext, conflict: Conflict, text: string): Promise<void> {
  const type = conflict.recordType;
  if (!isRecordType(type)) throw new Error(`unknown record type ${type}`);
  const { db } = context;
  await db.transaction('rw', [db.anyRecords(type), db.records('conflicts'), db.outbox, db.meta], async () => {
    if ((await settlerOtherThanMe(context, type, conflict.recordId)) !== null)
      throw new NotOwnNoteError(conflict.recordId);
    const record = await db.anyRecords(type).get(conflict.recordId);
    if (record && !record.deleted && record[conflict.field] !== text) {
      await updateRecord(context, type, conflict.recordId, { [conflict.field]: text } as RecordChanges<typeof type>);
    }
    await deleteRecord(context, 'conflicts', conflict.id);
  });
}

/** Keeps one text over every conflict of a field, in one transaction: all are closed or none. */
export async function resolveConflicts(
  context: DataContext,
  conflicts: readonly Conflict[],
  text: string,
): Promise<void> {
  const types = [...new Set(conflicts.map((conflict) => conflict.recordType))].filter(isRecordType);
  const { db } = context;
  const tables = [...types.map((type) => db.anyRecords(type)), db.records('conflicts'), db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    for (const conflict of conflicts) await resolveConflict(context, conflict, text);
  });
}

interface ConflictWithRecord {
  conflict: Conflict;
  /** The record's current value of the field (the version that won), "" if gone. */
  shown: string;
  /** A few words that name the record: its title or name; a visit's lieu, free place or purpose. */
  recordLabel: string;
  /** A visit's day: with its place, what tells one visit from another. */
  visitedAt: string | null;
  /** The record is on this device: its page can be opened. */
  exists: boolean;
}

export async function openConflictsWithRecords(context: DataContext): Promise<ConflictWithRecord[]> {
  const conflicts = (await openConflicts(context)).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return Promise.all(
    conflicts.map(async (conflict) => {
      const record = isRecordType(conflict.recordType)
        ? await context.db.anyRecords(conflict.recordType).get(conflict.recordId)
        : undefined;
      const shown = typeof record?.[conflict.field] === 'string' ? (record[conflict.field] as string) : '';
      // As the record's own page names it: a visit by its lieu, else its free place, else its purpose
      // (a visit at « Mairie de Redon » with no purpose was listed by no name at all).
      const lieu =
        typeof record?.organisationId === 'string'
          ? (await context.db.records('organisations').get(record.organisationId))?.name
          : undefined;
      const label = [record?.title, record?.name, lieu, record?.placeLabel, record?.purpose, record?.text].find(
        (value) => typeof value === 'string' && value !== '',
      );
      const visitedAt =
        conflict.recordType === 'visits' && typeof record?.visitedAt === 'string' ? record.visitedAt : null;
      return {
        conflict,
        shown,
        recordLabel: (label as string | undefined) ?? '',
        visitedAt,
        exists: record !== undefined && !record.deleted,
      };
    }),
  );
}
