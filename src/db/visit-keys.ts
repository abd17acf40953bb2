// Visits of a service, newest first, straight from an index: IndexedDB has no multi-entry
// compound index, so each stored visit carries `serviceDays`, one "service<TAB>visitedAt" key
// per service (none for a deleted visit), under a multi-entry index. The field is derived, kept
// by derived-keys.ts on every write and hidden from every read.
import type { ServiceKey } from '../domain/services';

export const SERVICE_DAYS = 'serviceDays';

/** The keys of a stored visit in the `serviceDays` index (the bench writes them for its raw baseline). */
export function serviceDays(visit: { deleted?: boolean; services?: readonly string[]; visitedAt?: string }): string[] {
  if (visit.deleted === true || typeof visit.visitedAt !== 'string') return [];
  return (visit.services ?? []).map((service) => `${service}\t${visit.visitedAt}`);
}

/**
 * The `serviceDays` keys of a service's visits from `lower` (included) to `upper` (excluded),
 * instants as the `visitedAt` index compares them: the service's keys sort by their instant.
 */
export function serviceDayRange(service: ServiceKey, lower: string, upper: string): [string, string] {
  return [`${service}\t${lower}`, `${service}\t${upper}`];
}
