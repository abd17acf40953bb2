// Field visits: where, who, which services, what was said; their follow-ups are created in
// the same transaction so a visit is never saved without the to-dos typed with it.
import type { FollowUp } from '../domain/follow-up';
import type { NewRecord, RecordChanges } from '../domain/record-types';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';
import { deleteDraft } from './drafts';
import { createFollowUps, type NewFollowUp } from './follow-ups';
import { withoutClocks } from './reads';
import { createRecord, deleteRecord, updateRecord } from './writes';

export type NewVisit = NewRecord<'visits'>;

/**
 * Saves a new visit with its follow-ups (linked to it) in one transaction, and forgets the
 * form's draft in the same one: either all is stored and the draft gone, or nothing changed.
 */
export async function createVisit(
  context: DataContext,
  input: NewVisit,
  followUps: readonly Omit<NewFollowUp, 'visitId' | 'eventId'>[] = [],
  draftId?: string,
): Promise<{ visit: Visit; followUps: FollowUp[] }> {
  const { db } = context;
  return db.transaction(
    'rw',
    [db.records('visits'), db.records('followUps'), db.outbox, db.meta, db.drafts],
    async () => {
      const visit = await createRecord(context, 'visits', input);
      const created = await createFollowUps(
        context,
        followUps.map((followUp) => ({ ...followUp, visitId: visit.id })),
      );
      if (draftId) await deleteDraft(context, draftId);
      return { visit, followUps: created };
    },
  );
}

/** Changes some fields of a visit, and forgets the edit form's draft in the same transaction. */
export async function updateVisit(
  context: DataContext,
  id: string,
  changes: RecordChanges<'visits'>,
  draftId?: string,
): Promise<Visit> {
  const { db } = context;
  return db.transaction('rw', [db.records('visits'), db.outbox, db.meta, db.drafts], async () => {
    const visit = await updateRecord(context, 'visits', id, changes);
    if (draftId) await deleteDraft(context, draftId);
    return visit;
  });
}

/** Deletes a visit by tombstone. */
export function deleteVisit(context: DataContext, id: string): Promise<Visit> {
  return deleteRecord(context, 'visits', id);
}

/** One visit, or undefined if unknown or deleted. */
export async function getVisit(context: DataContext, id: string): Promise<Visit | undefined> {
  const stored = await context.db.records('visits').get(id);
  return stored && !stored.deleted ? withoutClocks(stored) : undefined;
}

export { type CaptureHints, captureHints, listVisits, type VisitFilter, type VisitRow } from './visit-queries';
