// Follow-ups ("À faire"): to-dos that came out of a visit or an event, with a due day.

import type { FollowUp } from '../domain/follow-up';
import type { NewRecord } from '../domain/record-types';
import type { DataContext } from './context';
import { saveWithDraft } from './form-save';
import { createRecord, createRecords, updateRecord } from './writes';

/** `done` defaults to false; give `visitId` or `eventId` to attach it. */
export type NewFollowUp = Omit<NewRecord<'followUps'>, 'done'> & { done?: boolean };

/** Creates one follow-up (of a visit, an event, or neither). */
export function createFollowUp(context: DataContext, input: NewFollowUp): Promise<FollowUp> {
  return createRecord(context, 'followUps', { ...input, done: input.done ?? false });
}

/** The draft id of the follow-up being typed on a visit's or an event's page, on this device. */
export function followUpDraftId(parent: { visitId?: string | null; eventId?: string | null }): string {
  return parent.visitId ? `follow-up:visit:${parent.visitId}` : `follow-up:event:${parent.eventId ?? ''}`;
}

/**
 * Adds the follow-up typed on a visit's or an event's page; its draft goes in the same
 * transaction, so it never comes back once added, nor is lost if the add fails.
 */
export function addFollowUp(context: DataContext, input: NewFollowUp): Promise<FollowUp> {
  return saveWithDraft(context, [context.db.records('followUps')], followUpDraftId(input), () =>
    createFollowUp(context, input),
  );
}

/** Creates several follow-ups in one transaction: all or none. */
export function createFollowUps(context: DataContext, inputs: readonly NewFollowUp[]): Promise<FollowUp[]> {
  return createRecords(
    context,
    'followUps',
    inputs.map((input) => ({ ...input, done: input.done ?? false })),
  );
}

/** Ticks (or unticks) a follow-up; `doneAt` records when. */
export function setFollowUpDone(context: DataContext, id: string, done: boolean): Promise<FollowUp> {
  return updateRecord(context, 'followUps', id, { done, doneAt: done ? new Date().toISOString() : null });
}

export {
  followUpsOfEvent,
  followUpsOfVisit,
  openFollowUps,
  openFollowUpsWithPlaces,
  overdueFollowUps,
  visitIdsWithOpenFollowUps,
} from './follow-up-queries';
export { countOverdue } from './overdue-count';
