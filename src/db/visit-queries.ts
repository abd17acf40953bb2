// Reads of visits (pages of the list, quick-capture hints), apart from their writes so the
// first screen does not load the validation code that writes need.
import { dayAfter } from '../domain/days';
import { queryWords } from '../domain/search';
import type { ServiceKey } from '../domain/services';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';
import { idsWithConflicts } from './open-conflict-ids';
import { withoutClocks } from './reads';
import type { Stored } from './schema';
import type { VisitFacets } from './search-columns';
import { SERVICE_DAYS, serviceDayRange } from './visit-keys';

export interface VisitFilter {
  /** Words matched (accents and case ignored) against purpose, notes, place, lieu and people names. */
  query?: string;
  service?: ServiceKey;
  organisationId?: string;
  /** Visits at a lieu whose territory, commune, EPCI, département (name or code) or région matches these words. */
  territory?: string;
  /** Visits where this person was met. */
  contactId?: string;
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
  /** A text of the visit was changed on two devices at once: the person has to choose a version. */
  conflicted: boolean;
}

/**
 * Visits newest first, filtered; reads an index backwards (pageOfVisits) or the search's text
 * (visit-finder.ts) and stops at `limit`, so the first page is fast whatever the number of visits.
 */
export async function listVisits(context: DataContext, filter: VisitFilter): Promise<VisitRow[]> {
  const { db } = context;
  const words = queryWords(filter.query ?? '');
  const territoryWords = queryWords(filter.territory ?? '');
  // The search's code loads with the first search (or a focused search box), not with the list.
  const finder = words.length > 0 || territoryWords.length > 0 ? await import('./visit-finder') : null;
  // A filter of the filters panel, which loads apart from the list too.
  const open = filter.withOpenFollowUps
    ? await (await import('./follow-up-queries')).visitIdsWithOpenFollowUps(context)
    : null;
  const inTerritory =
    finder && territoryWords.length > 0 ? await finder.lieuxInTerritory(context, territoryWords) : null;
  // A lieu's or a person's visits (their pages, the lieu filter) load apart from the list too.
  const linked =
    filter.organisationId !== undefined || filter.contactId !== undefined ? await import('./linked-visits') : null;
  // Days are the device's local days; instants are stored in UTC.
  const lower = filter.from ? startOfLocalDay(filter.from) : '';
  const upper = filter.to ? startOfLocalDay(dayAfter(filter.to, 1)) : '\uffff';
  const keep = (visit: VisitFacets & { id: string }) =>
    !visit.deleted &&
    (filter.service === undefined || (visit.services ?? []).includes(filter.service)) &&
    (filter.organisationId === undefined || visit.organisationId === filter.organisationId) &&
    (filter.contactId === undefined || (visit.contactIds ?? []).includes(filter.contactId)) &&
    (open === null || open.has(visit.id)) &&
    (inTerritory === null || (visit.organisationId != null && inTerritory.has(visit.organisationId)));
  // Read as the list's own query, so that a conflict pulled or settled marks or clears its card.
  const namesAndConflicts = (page: readonly Visit[]) =>
    Promise.all([
      lieuNames(context, page),
      idsWithConflicts(
        context,
        page.map((visit) => visit.id),
      ),
    ]);
  const [visits, [names, conflicted]] =
    finder && words.length > 0
      ? await finder
          .searchVisits(context, words, lower, upper, filter.limit, keep)
          .then(async (found) => [found, await namesAndConflicts(found)] as const)
      : // One transaction for the page, its lieux' names and its conflicts: one wait for the database.
        await db.transaction(
          'r',
          [db.records('visits'), db.records('organisations'), db.records('conflicts')],
          async () => {
            const page = linked
              ? await linked.linkedVisits(context, filter, lower, upper, keep)
              : await pageOfVisits(context, filter, lower, upper, keep);
            return [page, await namesAndConflicts(page)] as const;
          },
        );
  return visits.map((visit) => ({
    visit: withoutClocks(visit),
    organisationName: visit.organisationId ? (names.get(visit.organisationId) ?? null) : null,
    conflicted: conflicted.has(visit.id),
  }));
}

/** The names of the visits' lieux still kept, by id. */
async function lieuNames(context: DataContext, visits: readonly Visit[]): Promise<Map<string, string>> {
  const ids = [...new Set(visits.flatMap((visit) => (visit.organisationId ? [visit.organisationId] : [])))];
  const organisations = await context.db.records('organisations').bulkGet(ids);
  return new Map(organisations.flatMap((item) => (item && !item.deleted ? [[item.id, item.name]] : [])));
}

/**
 * Reads ahead of the first search (a focused search box) what it reads, the search's code
 * first (visit-finder.ts).
 */
export async function prepareVisitSearch(context: DataContext): Promise<void> {
  await (await import('./visit-finder')).prepareSearch(context);
}

/**
 * A page of visits newest first without a search, nor a lieu's or a person's (linked-visits.ts):
 * an index is read backwards — a service's keys (visit-keys.ts) when the filter names one, else
 * dates — in growing chunks until `limit` visits are kept.
 */
async function pageOfVisits(
  context: DataContext,
  filter: VisitFilter,
  lower: string,
  upper: string,
  keep: (visit: Visit) => boolean,
): Promise<Stored<Visit>[]> {
  const visits = context.db.records('visits');
  const { service } = filter;
  const [index, from, to, keyOf] =
    service === undefined
      ? ['visitedAt', lower, upper, (visit: Visit) => visit.visitedAt]
      : [
          SERVICE_DAYS,
          ...serviceDayRange(service, lower, upper),
          (visit: Visit) => serviceDayRange(service, visit.visitedAt, '')[0],
        ];
  const kept: Stored<Visit>[] = [];
  const seen = new Set<string>();
  let top = to;
  for (let chunk = filter.limit + 1; ; chunk *= 4) {
    const read = await visits
      .where(index)
      .between(from, top, true, top !== to)
      .reverse()
      .limit(chunk)
      .toArray();
    for (const visit of read) {
      // The next chunk starts again at the last key read, where visits of the same key may be left.
      if (seen.has(visit.id)) continue;
      seen.add(visit.id);
      if (keep(visit)) kept.push(visit);
      if (kept.length === filter.limit) return kept;
    }
    const last = read.at(-1);
    if (read.length < chunk || last === undefined) return kept;
    top = keyOf(last);
  }
}

function startOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}
