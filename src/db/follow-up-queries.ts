// Reads of follow-ups, apart from their writes so the first screen (the visit list and its
// overdue badge) does not load the validation code that writes need.

import { localDay } from '../domain/days';
import type { FollowUp } from '../domain/follow-up';
import type { DataContext } from './context';
import { OPEN_DUE, UNDATED } from './open-keys';
import { withoutClocks } from './reads';

/** Follow-ups of a visit, open ones first, then by due day. */
export async function followUpsOfVisit(context: DataContext, visitId: string): Promise<FollowUp[]> {
  return sortForList(await live(context.db.records('followUps').where('visitId').equals(visitId).toArray()));
}

/** Follow-ups of an event, open ones first, then by due day. */
export async function followUpsOfEvent(context: DataContext, eventId: string): Promise<FollowUp[]> {
  return sortForList(await live(context.db.records('followUps').where('eventId').equals(eventId).toArray()));
}

/** Every follow-up not done yet, by due day (undated last): only the open ones are read. */
export async function openFollowUps(context: DataContext): Promise<FollowUp[]> {
  const open = await context.db.records('followUps').orderBy(OPEN_DUE).toArray();
  return sortForList(open.map(withoutClocks));
}

/** An open follow-up and where it belongs: its visit's lieu, or its event's place, when known. */
export type PlacedFollowUp = FollowUp & { place: string | null };

/**
 * Every open follow-up with where it belongs ("À faire"). Only the visits, events and lieux the
 * open follow-ups name are read, by id: never whole tables, however many visits are kept.
 */
export async function openFollowUpsWithPlaces(context: DataContext): Promise<PlacedFollowUp[]> {
  const { db } = context;
  const tables = [db.records('followUps'), db.records('visits'), db.records('events'), db.records('organisations')];
  return db.transaction('r', tables, async () => {
    const open = await openFollowUps(context);
    const [visits, events] = await Promise.all([
      db.records('visits').bulkGet(idsOf(open.map((item) => item.visitId))),
      db.records('events').bulkGet(idsOf(open.map((item) => item.eventId))),
    ]);
    const lieuOfVisit = new Map(
      visits.flatMap((visit) => (visit && !visit.deleted ? [[visit.id, visit.organisationId]] : [])),
    );
    const liveEvents = new Map(events.flatMap((event) => (event && !event.deleted ? [[event.id, event]] : [])));
    const lieuIds = idsOf([
      ...lieuOfVisit.values(),
      ...[...liveEvents.values()].map((event) => event.placeOrganisationId),
    ]);
    const lieux = await db.records('organisations').bulkGet(lieuIds);
    const lieuName = new Map(lieux.flatMap((lieu) => (lieu && !lieu.deleted ? [[lieu.id, lieu.name]] : [])));
    return open.map((followUp) => {
      if (followUp.visitId) {
        const lieu = lieuOfVisit.get(followUp.visitId);
        return { ...followUp, place: (lieu && lieuName.get(lieu)) || null };
      }
      const event = followUp.eventId ? liveEvents.get(followUp.eventId) : undefined;
      const place = (event?.placeOrganisationId && lieuName.get(event.placeOrganisationId)) || event?.placeLabel;
      return { ...followUp, place: place || null };
    });
  });
}

/** The distinct ids among those given, the missing ones left out. */
function idsOf(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}

/** Open follow-ups due before `today` (yyyy-MM-dd, defaults to the device's today). */
export async function overdueFollowUps(context: DataContext, today = localDay()): Promise<FollowUp[]> {
  const due = await context.db.records('followUps').where(OPEN_DUE).between(UNDATED, today, false, false).toArray();
  return sortForList(due.map(withoutClocks));
}

/** Visit ids with at least one open follow-up (list filter "suivis en cours"). */
export async function visitIdsWithOpenFollowUps(context: DataContext): Promise<Set<string>> {
  const open = await openFollowUps(context);
  return new Set(open.flatMap((item) => (item.visitId ? [item.visitId] : [])));
}

async function live<T extends { deleted: boolean; hlc?: unknown }>(items: Promise<T[]>): Promise<Omit<T, 'hlc'>[]> {
  return (await items).filter((item) => !item.deleted).map(withoutClocks);
}

function sortForList<T extends { done: boolean; dueDate?: string | null }>(items: T[]): T[] {
  return items.sort(
    (a, b) => Number(a.done) - Number(b.done) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
  );
}
