// A lieu's or a person's visits, newest first (a lieu's page, a person's page, the lieu filter):
// apart from visit-queries.ts, since the first screen's list names neither.
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';
import type { Stored } from './schema';

/**
 * Read by lieu or person, a few dozen: walking the dates until a page is full would read every
 * visit for someone met a few times. `lower` and `upper` bound the instants, as the list's.
 */
export async function linkedVisits(
  context: DataContext,
  { organisationId, contactId, limit }: { organisationId?: string; contactId?: string; limit: number },
  lower: string,
  upper: string,
  keep: (visit: Visit) => boolean,
): Promise<Stored<Visit>[]> {
  const visits = context.db.records('visits');
  const linked =
    organisationId !== undefined
      ? visits.where('organisationId').equals(organisationId)
      : visits.where('contactIds').equals(contactId ?? '');
  // The order of the dates index: newest first, then the greater id first.
  return (await linked.toArray())
    .filter((visit) => visit.visitedAt >= lower && visit.visitedAt < upper && keep(visit))
    .sort((a, b) => compareDesc(a.visitedAt, b.visitedAt) || compareDesc(a.id, b.id))
    .slice(0, limit);
}

function compareDesc(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}
