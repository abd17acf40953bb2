// Field visits: where, who, which services, what was said; their follow-ups and photos are
// created in the same transaction so a visit is never saved without what was typed with it.
import type { FollowUp } from '../domain/follow-up';
import { changedSince } from '../domain/form-changes';
import type { NewRecord } from '../domain/record-types';
import type { Visit } from '../domain/visit';
import { attachHashed, hashFile, type NewAttachment } from './attachments';
import type { DataContext } from './context';
import { createFollowUps, type NewFollowUp } from './follow-ups';
import { saveWithDraft } from './form-save';
import { withoutClocks } from './reads';
import { createRecord, deleteRecord, updateRecord } from './writes';

export type NewVisit = NewRecord<'visits'>;

/** What the visit form saves: the visit, and for a new one its follow-ups and photos. */
interface VisitSave {
  /** The visit to change, or null for a new one. */
  id: string | null;
  visit: NewVisit;
  /** An edit's visit as the form opened it: only the fields that differ from it are written. */
  opened?: NewVisit | null;
  followUps?: readonly Omit<NewFollowUp, 'visitId' | 'eventId'>[];
  photos?: readonly Omit<NewAttachment, 'ownerType' | 'ownerId' | 'kind'>[];
  /** The form's draft, forgotten in the same transaction. */
  draftId?: string | null;
}

/**
 * Saves a visit with its follow-ups and photos in one transaction (photos hashed first), and
 * forgets the form's draft in the same one: either all is stored and the draft gone, or
 * nothing changed and the draft is kept. An edited visit's time given to the minute, in the
 * minute it is stored with, keeps its stored seconds: the form's date field holds minutes only,
 * and a visit imported or synced with seconds would lose them at every save of its notes.
 */
export async function saveVisit(
  context: DataContext,
  save: VisitSave,
): Promise<{ visit: Visit; followUps: FollowUp[] }> {
  const photos = await Promise.all((save.photos ?? []).map((photo) => hashFile(context, { ...photo, kind: 'photo' })));
  const { db } = context;
  const tables = [db.records('visits'), db.records('followUps'), db.records('attachments'), db.blobs];
  return saveWithDraft(context, tables, save.draftId ?? null, async () => {
    if (save.id !== null) {
      const changes = save.opened ? changedSince(save.visit, save.opened) : { ...save.visit };
      if (changes.visitedAt !== undefined) {
        const stored = await db.records('visits').get(save.id);
        changes.visitedAt = secondsKept(changes.visitedAt, stored?.visitedAt);
      }
      return { visit: await updateRecord(context, 'visits', save.id, changes), followUps: [] };
    }
    const visit = await createRecord(context, 'visits', save.visit);
    const created = await createFollowUps(
      context,
      (save.followUps ?? []).map((followUp) => ({ ...followUp, visitId: visit.id })),
    );
    for (const photo of photos) await attachHashed(context, { ownerType: 'visits', ownerId: visit.id }, photo);
    return { visit, followUps: created };
  });
}

const MINUTE = 60_000;

/** `stored` when `given` is its minute exactly (a date field's value, seconds dropped), else `given`. */
function secondsKept(given: string, stored: string | undefined): string {
  if (stored === undefined) return given;
  const storedMinute = Math.floor(Date.parse(stored) / MINUTE) * MINUTE;
  return Date.parse(given) === storedMinute ? stored : given;
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

export { type CaptureHints, captureHints } from './capture-hints';
export { listVisits, type VisitFilter, type VisitRow } from './visit-queries';
