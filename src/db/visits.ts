// Field visits: where, who, which services, what was said; their follow-ups are created in
// the same transaction so a visit is never saved without the to-dos typed with it.

import { dayAfter } from '../domain/days';
import type { FollowUp } from '../domain/follow-up';
import type { NewRecord, RecordChanges } from '../domain/record-types';
import { matchesWords, queryWords } from '../domain/search';
import type { ServiceKey } from '../domain/services';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';
import { deleteDraft } from './drafts';
import { createFollowUps, type NewFollowUp, visitIdsWithOpenFollowUps } from './follow-ups';
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

export interface VisitFilter {
  /** Words matched (accents and case ignored) against purpose, notes, place, lieu and people names. */
  query?: string;
  service?: ServiceKey;
  organisationId?: string;
  /** Visits on or after this day (yyyy-MM-dd). */
  from?: string;
  /** Visits on or before this day (yyyy-MM-dd). */
  to?: string;
  /** Only visits with a follow-up not done yet. */
  withOpenFollowUps?: boolean;
  /** How many to return (a page); the list asks for more as the person scrolls. */
  limit: number;
}

export interface VisitRow {
  visit: Visit;
  organisationName: string | null;
}

/**
 * Visits newest first, filtered; walks the `visitedAt` index backwards and stops at `limit`,
 * so the first page is fast whatever the number of visits.
 */
export async function listVisits(context: DataContext, filter: VisitFilter): Promise<VisitRow[]> {
  const { db } = context;
  const words = queryWords(filter.query ?? '');
  // Names of lieux and people are searched through the ids that match, not per visit.
  const matchingOrganisations = words.length > 0 ? await idsMatching(context, 'organisations', words) : null;
  const matchingContacts = words.length > 0 ? await idsMatching(context, 'contacts', words) : null;
  const open = filter.withOpenFollowUps ? await visitIdsWithOpenFollowUps(context) : null;
  // Days are the device's local days; instants are stored in UTC.
  const lower = filter.from ? startOfLocalDay(filter.from) : '';
  const upper = filter.to ? startOfLocalDay(dayAfter(filter.to, 1)) : '\uffff';
  const visits = await db
    .records('visits')
    .where('visitedAt')
    .between(lower, upper, true, false)
    .reverse()
    .filter(
      (visit) =>
        !visit.deleted &&
        (filter.service === undefined || (visit.services ?? []).includes(filter.service)) &&
        (filter.organisationId === undefined || visit.organisationId === filter.organisationId) &&
        (open === null || open.has(visit.id)) &&
        (words.length === 0 ||
          matchesWords(words, [visit.purpose, visit.notes, visit.placeLabel]) ||
          (visit.organisationId != null && matchingOrganisations?.has(visit.organisationId) === true) ||
          (visit.contactIds ?? []).some((id) => matchingContacts?.has(id) === true)),
    )
    .limit(filter.limit)
    .toArray();
  const organisationIds = [...new Set(visits.flatMap((visit) => (visit.organisationId ? [visit.organisationId] : [])))];
  const organisations = await db.records('organisations').bulkGet(organisationIds);
  const names = new Map(organisations.flatMap((item) => (item && !item.deleted ? [[item.id, item.name]] : [])));
  return visits.map((visit) => ({
    visit: withoutClocks(visit),
    organisationName: visit.organisationId ? (names.get(visit.organisationId) ?? null) : null,
  }));
}

function startOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

async function idsMatching(
  context: DataContext,
  type: 'organisations' | 'contacts',
  words: readonly string[],
): Promise<Set<string>> {
  const ids = new Set<string>();
  await context.db
    .anyRecords(type)
    .filter((item) => !item.deleted && matchesWords(words, [item.name as string]))
    .each((item) => {
      ids.add(item.id);
    });
  return ids;
}

export interface CaptureHints {
  /** The lieu of the most recent visit, offered first in a new one. */
  lastOrganisationId: string | null;
  /** Services by how often the recent visits used them, the most used first. */
  usualServices: ServiceKey[];
}

/** What quick capture offers first, from the last `sample` visits. */
export async function captureHints(context: DataContext, sample = 50): Promise<CaptureHints> {
  const recent = await context.db
    .records('visits')
    .orderBy('visitedAt')
    .reverse()
    .filter((visit) => !visit.deleted)
    .limit(sample)
    .toArray();
  const counts = new Map<ServiceKey, number>();
  for (const visit of recent)
    for (const service of visit.services ?? []) counts.set(service, (counts.get(service) ?? 0) + 1);
  const usualServices = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([service]) => service);
  const lastOrganisationId = recent.find((visit) => visit.organisationId)?.organisationId ?? null;
  return { lastOrganisationId, usualServices };
}
