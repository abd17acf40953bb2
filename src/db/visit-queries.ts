// Reads of visits (pages of the list, quick-capture hints), apart from their writes so the
// first screen does not load the validation code that writes need.
import { dayAfter } from '../domain/days';
import type { RecordType } from '../domain/record-types';
import { matchesWords, queryWords } from '../domain/search';
import type { ServiceKey } from '../domain/services';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';
import { visitIdsWithOpenFollowUps } from './follow-up-queries';
import { withoutClocks } from './reads';
import type { Stored } from './schema';
import { type SearchedTable, type VisitFacets, visitFacets, visitSearchText } from './search-index';
import { SERVICE_DAYS, serviceDayRange } from './visit-keys';
import { nameEntries, searchColumns, searchColumnsRead, searchWords } from './visit-search';

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
}

/**
 * Visits newest first, filtered; reads an index backwards (pageOfVisits) or the search's text
 * and stops at `limit`, so the first page is fast whatever the number of visits.
 */
export async function listVisits(context: DataContext, filter: VisitFilter): Promise<VisitRow[]> {
  const { db } = context;
  const words = queryWords(filter.query ?? '');
  const known = words.length > 0 ? await searchWords(context) : null;
  // A table where some word of the query is part of no known word has no match: its text is not read.
  const possible = (table: SearchedTable) => known !== null && words.every((word) => known[table].includes(word));
  // Names of lieux and people are searched through the ids that match, not per visit.
  // Both read at once: IndexedDB reads one while the page handles the other.
  const [matchingOrganisations, matchingContacts] =
    words.length > 0
      ? await Promise.all([
          idsMatching(context, 'organisations', words, possible('organisations')),
          idsMatching(context, 'contacts', words, possible('contacts')),
        ])
      : [null, null];
  const byName = Boolean(matchingOrganisations?.size || matchingContacts?.size);
  const open = filter.withOpenFollowUps ? await visitIdsWithOpenFollowUps(context) : null;
  const territoryWords = queryWords(filter.territory ?? '');
  const inTerritory = territoryWords.length > 0 ? await lieuxInTerritory(context, territoryWords) : null;
  // Days are the device's local days; instants are stored in UTC.
  const lower = filter.from ? startOfLocalDay(filter.from) : '';
  const upper = filter.to ? startOfLocalDay(dayAfter(filter.to, 1)) : '\uffff';
  const keep = (visit: VisitFacets & { id: string }, textMatches: () => boolean) =>
    !visit.deleted &&
    (filter.service === undefined || (visit.services ?? []).includes(filter.service)) &&
    (filter.organisationId === undefined || visit.organisationId === filter.organisationId) &&
    (filter.contactId === undefined || (visit.contactIds ?? []).includes(filter.contactId)) &&
    (open === null || open.has(visit.id)) &&
    (inTerritory === null || (visit.organisationId != null && inTerritory.has(visit.organisationId))) &&
    (words.length === 0 ||
      textMatches() ||
      (visit.organisationId != null && matchingOrganisations?.has(visit.organisationId) === true) ||
      (visit.contactIds ?? []).some((id) => matchingContacts?.has(id) === true));
  const visits =
    words.length === 0
      ? await pageOfVisits(context, filter, lower, upper, (visit) => keep(visit, () => true))
      : await searchVisits(
          context,
          words,
          { text: possible('visits'), names: byName },
          lower,
          upper,
          filter.limit,
          (visit, textMatches) =>
            // Most visits match neither in their text nor by a name: their facets are not even read.
            textMatches || byName ? keep({ id: visit.id, ...visit.facets() }, () => textMatches) : false,
        );
  const organisationIds = [...new Set(visits.flatMap((visit) => (visit.organisationId ? [visit.organisationId] : [])))];
  const organisations = await db.records('organisations').bulkGet(organisationIds);
  const names = new Map(organisations.flatMap((item) => (item && !item.deleted ? [[item.id, item.name]] : [])));
  return visits.map((visit) => ({
    visit: withoutClocks(visit),
    organisationName: visit.organisationId ? (names.get(visit.organisationId) ?? null) : null,
  }));
}

/**
 * A page of visits newest first without a search. A lieu's visits are read by lieu (a few
 * dozen); otherwise an index is read backwards — a service's keys (visit-keys.ts) when the
 * filter names one, else dates — in growing chunks until `limit` visits are kept.
 */
async function pageOfVisits(
  context: DataContext,
  filter: VisitFilter,
  lower: string,
  upper: string,
  keep: (visit: Visit) => boolean,
): Promise<Stored<Visit>[]> {
  const visits = context.db.records('visits');
  if (filter.organisationId !== undefined) {
    const ofLieu = await visits.where('organisationId').equals(filter.organisationId).toArray();
    // The order of the dates index: newest first, then the greater id first.
    return ofLieu
      .filter((visit) => visit.visitedAt >= lower && visit.visitedAt < upper && keep(visit))
      .sort((a, b) => compareDesc(a.visitedAt, b.visitedAt) || compareDesc(a.id, b.id))
      .slice(0, filter.limit);
  }
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

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/**
 * Reads ahead of the first search (a focused search box) what it reads: the known words and
 * the names of lieux and people first, then the text of every visit for a word the newest
 * visits do not hold.
 */
export async function prepareVisitSearch(context: DataContext): Promise<void> {
  await Promise.all([searchWords(context), nameEntries(context, 'organisations'), nameEntries(context, 'contacts')]);
  await searchColumns(context);
}

/**
 * How many of the newest visits a first search reads before it reads the text of every visit:
 * a word of one visit in thirty fills a page of 30 within it.
 */
const FIRST_SEARCH_WALK = 1000;

/**
 * The search path. Once the text of every visit is in memory (visit-search.ts), it is scanned
 * newest first, then the page's records are read. Before that (a session's first search), the
 * newest visits are read through the `visitedAt` index instead, their text normalised as the
 * on-disk copy has it, up to FIRST_SEARCH_WALK of them: a common word fills the page at once,
 * where reading the text of 50,000 visits takes seconds. A page not filled by then is found in
 * the text of every visit, read now. Both ways see the visits in the same order and find the
 * same page.
 */
async function searchVisits(
  context: DataContext,
  words: readonly string[],
  /** Whether a visit's text may hold the words; whether a lieu's or person's name does. */
  possible: { text: boolean; names: boolean },
  lower: string,
  upper: string,
  limit: number,
  keep: (visit: { id: string; facets: () => VisitFacets }, textMatches: boolean) => boolean,
) {
  const { db } = context;
  // Read on every run, so a live list re-runs when any visit changes (the text is cached).
  await observeTable(context, 'visits');
  if (!possible.text && !possible.names) return [];
  if (searchColumnsRead(context) === null) {
    let walked = 0;
    const newest = await db
      .records('visits')
      .where('visitedAt')
      .between(lower, upper, true, false)
      .reverse()
      .until(() => walked === FIRST_SEARCH_WALK)
      .filter((visit) => {
        walked++;
        const text = possible.text ? visitSearchText(visit) : '';
        const textMatches = possible.text && words.every((word) => text.includes(word));
        return keep({ id: visit.id, facets: () => visit }, textMatches);
      })
      .limit(limit)
      .toArray();
    if (newest.length === limit || walked < FIRST_SEARCH_WALK) return newest;
  }
  const { ids, visitedAt, facets, texts } = await searchColumns(context);
  const found: string[] = [];
  for (let index = 0; index < ids.length && found.length < limit; index++) {
    const at = visitedAt[index] ?? '';
    if (at < lower || at >= upper) continue;
    const text = texts[index] ?? '';
    const id = ids[index] ?? '';
    if (
      keep(
        { id, facets: () => visitFacets(facets[index] ?? '') },
        possible.text && words.every((word) => text.includes(word)),
      )
    )
      found.push(id);
  }
  const visits = await db.records('visits').bulkGet(found);
  return visits.filter((visit) => visit !== undefined && !visit.deleted) as NonNullable<(typeof visits)[number]>[];
}

/**
 * Reads one record, so that a live query re-runs on any write to the table (Dexie observes the
 * whole key range read); a count would walk every record in IndexedDB.
 */
async function observeTable(context: DataContext, type: RecordType): Promise<void> {
  await context.db.anyRecords(type).limit(1).toArray();
}

function startOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}

async function lieuxInTerritory(context: DataContext, words: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  await context.db
    .records('organisations')
    .filter(
      (lieu) =>
        !lieu.deleted &&
        matchesWords(words, [
          lieu.territoryLabel,
          lieu.commune,
          lieu.postcode,
          lieu.inseeCode,
          lieu.departement,
          lieu.departementCode,
          lieu.region,
          lieu.epci,
        ]),
    )
    .each((lieu) => {
      ids.add(lieu.id);
    });
  return ids;
}

async function idsMatching(
  context: DataContext,
  type: 'organisations' | 'contacts',
  words: readonly string[],
  possible: boolean,
): Promise<Set<string>> {
  // Read on every run, so a live list re-runs when a name changes (the names are cached).
  await observeTable(context, type);
  const ids = new Set<string>();
  if (!possible) return ids;
  for (const entry of await nameEntries(context, type))
    if (words.every((word) => entry.text.includes(word))) ids.add(entry.id);
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
