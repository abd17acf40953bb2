// Reads of organisations, apart from their writes so the visit list's filters do not load
// the validation code that writes need.
import type { Organisation } from '../domain/organisation';
import { compareLabels, matchesWords, queryWords } from '../domain/search';
import type { DataContext } from './context';
import { withoutClocks } from './reads';

/** One lieu, or undefined if unknown or deleted. */
export async function getOrganisation(context: DataContext, id: string): Promise<Organisation | undefined> {
  const stored = await context.db.records('organisations').get(id);
  return stored && !stored.deleted ? withoutClocks(stored) : undefined;
}

/** `id` when it names a live lieu of this device, else null (a link's query may name anything). */
export async function knownLieuId(context: DataContext, id: string | undefined): Promise<string | null> {
  return (id && (await getOrganisation(context, id))?.id) || null;
}

/** Several lieux by id, in the order asked, skipping unknown or deleted ones. */
export async function organisationsByIds(context: DataContext, ids: readonly string[]): Promise<Organisation[]> {
  const stored = await context.db.records('organisations').bulkGet([...ids]);
  return stored.filter((item) => item !== undefined && !item.deleted).map((item) => withoutClocks(item!));
}

export interface OrganisationFilter {
  /** Words matched, accents and case ignored, against name, commune, territory and tags. */
  query?: string;
  limit?: number;
}

/** Lieux sorted by name (French order); `query` filters, `limit` caps. */
export async function listOrganisations(
  context: DataContext,
  filter: OrganisationFilter = {},
): Promise<Organisation[]> {
  const words = queryWords(filter.query ?? '');
  const matches = await context.db
    .records('organisations')
    .filter(
      (item) =>
        !item.deleted &&
        matchesWords(words, [item.name, item.commune, item.territoryLabel, item.postcode, ...(item.tags ?? [])]),
    )
    .toArray();
  matches.sort((a, b) => compareLabels(a.name, b.name));
  return (filter.limit === undefined ? matches : matches.slice(0, filter.limit)).map(withoutClocks);
}

/** Shorthand for a name search (pickers, quick capture). */
export function searchOrganisations(context: DataContext, query: string, limit = 20): Promise<Organisation[]> {
  return listOrganisations(context, { query, limit });
}
