// What quick capture offers first in a new visit, apart from the list's reads
// (visit-queries.ts), which the first screen loads: only the visit form needs it.
import type { ServiceKey } from '../domain/services';
import type { DataContext } from './context';

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
