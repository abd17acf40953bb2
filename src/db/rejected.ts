// Changes the server refused, kept with their values and reason until the person dismisses them.
import { isRecordType } from '../domain/record-types';
import type { DataContext } from './context';
import type { RejectedMutation } from './schema';

interface RejectedChange {
  rejected: RejectedMutation;
  /** The record is still on this device (a refused creation is dropped): it can be opened. */
  exists: boolean;
  /** What names the record where the app lists it (a lieu's name, a title), "" if none. */
  name: string;
  /** When a visit happened: with its place, what tells one visit from another. */
  visitedAt: string | null;
}

const NAME_FIELDS = ['name', 'title', 'label', 'fileName', 'placeLabel', 'purpose', 'text'] as const;

function firstText(values: Record<string, unknown>, fields: readonly string[]): string {
  const found = fields.map((field) => values[field]).find((value) => typeof value === 'string' && value !== '');
  return (found as string | undefined) ?? '';
}

async function describe(context: DataContext, rejected: RejectedMutation): Promise<RejectedChange> {
  const record = isRecordType(rejected.type)
    ? await context.db.anyRecords(rejected.type).get(rejected.recordId)
    : undefined;
  const exists = Boolean(record && !record.deleted);
  // The record as it is now, else what was typed (a refused creation leaves only that).
  const values: Record<string, unknown> = { ...rejected.fields, ...(exists ? record : {}) };
  if (rejected.type !== 'visits') return { rejected, exists, name: firstText(values, NAME_FIELDS), visitedAt: null };
  // A visit is shown by its lieu, else its free place or purpose, and its date (VisitList).
  const lieuId = values.organisationId;
  const lieu = typeof lieuId === 'string' ? await context.db.anyRecords('organisations').get(lieuId) : undefined;
  const lieuName = lieu && !lieu.deleted && typeof lieu.name === 'string' ? lieu.name : '';
  const visitedAt = typeof values.visitedAt === 'string' ? values.visitedAt : null;
  return { rejected, exists, name: lieuName || firstText(values, ['placeLabel', 'purpose']), visitedAt };
}

export async function listRejected(context: DataContext): Promise<RejectedChange[]> {
  const all = (await context.db.rejected.toArray()).sort((a, b) => (a.rejectedAt < b.rejectedAt ? 1 : -1));
  return Promise.all(all.map((rejected) => describe(context, rejected)));
}

export async function dismissRejected(context: DataContext, id: string): Promise<void> {
  await context.db.rejected.delete(id);
}
