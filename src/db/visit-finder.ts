// The search path of the visits list (visit-queries.ts): the query's words in the text of
// visits and the names of lieux and people, and the territory filter. Loaded by the first
// search or a focused search box, not with the list: the first screen does not need it.

import type { RecordType } from '../domain/record-types';
import { matchesWords } from '../domain/search';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';
import type { Stored } from './schema';
import { type VisitFacets, visitFacets } from './search-columns';
import type { SearchedTable } from './search-index';
import { visitSearchText } from './search-text';
import { nameEntries, searchColumns, searchColumnsRead, searchWords } from './visit-search';

/**
 * Reads ahead of the first search (a focused search box) what it reads: the known words and
 * the names of lieux and people first, then the text of every visit for a word the newest
 * visits do not hold.
 */
export async function prepareSearch(context: DataContext): Promise<void> {
  await Promise.all([searchWords(context), nameEntries(context, 'organisations'), nameEntries(context, 'contacts')]);
  await searchColumns(context);
}

/**
 * How many of the newest visits a first search reads before it reads the text of every visit:
 * a word of one visit in thirty fills a page of 30 within it.
 */
const FIRST_SEARCH_WALK = 1000;

/**
 * Visits matching the query's words, newest first, among those `keep` keeps: in their text, or
 * by the name of their lieu or of a person met. Names of lieux and people are searched through
 * the ids that match, not per visit.
 */
export async function searchVisits(
  context: DataContext,
  words: readonly string[],
  lower: string,
  upper: string,
  limit: number,
  keep: (visit: VisitFacets & { id: string }) => boolean,
): Promise<Stored<Visit>[]> {
  const known = await searchWords(context);
  // A table where some word of the query is part of no known word has no match: its text is not read.
  const possible = (table: SearchedTable) => words.every((word) => known[table].includes(word));
  // Both read at once: IndexedDB reads one while the page handles the other.
  const [organisations, contacts] = await Promise.all([
    idsMatching(context, 'organisations', words, possible('organisations')),
    idsMatching(context, 'contacts', words, possible('contacts')),
  ]);
  const byName = organisations.size > 0 || contacts.size > 0;
  return walkVisits(
    context,
    words,
    { text: possible('visits'), names: byName },
    lower,
    upper,
    limit,
    // Most visits match neither in their text nor by a name: their facets are not even read.
    (visit, textMatches) => {
      if (!textMatches && !byName) return false;
      const facets = { id: visit.id, ...visit.facets() };
      return (
        keep(facets) &&
        (textMatches ||
          (facets.organisationId != null && organisations.has(facets.organisationId)) ||
          (facets.contactIds ?? []).some((id) => contacts.has(id)))
      );
    },
  );
}

/**
 * The search path. Once the text of every visit is in memory (visit-search.ts), it is scanned
 * newest first, then the page's records are read. Before that (a session's first search), the
 * newest visits are read through the `visitedAt` index instead, their text normalised as the
 * on-disk copy has it, up to FIRST_SEARCH_WALK of them: a common word fills the page at once,
 * where reading the text of 50,000 visits takes seconds. A page not filled by then is found in
 * the text of every visit, read now. Both ways see the visits in the same order and find the
 * same page.
 */
async function walkVisits(
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

export async function lieuxInTerritory(context: DataContext, words: readonly string[]): Promise<Set<string>> {
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
