// Visits of a service, newest first, straight from an index: IndexedDB has no multi-entry
// compound index, so each stored visit carries `serviceDays`, one "service<TAB>visitedAt" key
// per service (none for a deleted visit), under a multi-entry index. The field is derived, set
// by derived-key-writes.ts on every write and hidden from every read (derived-keys.ts).
import type { ServiceKey } from '../domain/services';

export const SERVICE_DAYS = 'serviceDays';

/**
 * The `serviceDays` keys of a service's visits from `lower` (included) to `upper` (excluded),
 * instants as the `visitedAt` index compares them: the service's keys sort by their instant.
 */
export function serviceDayRange(service: ServiceKey, lower: string, upper: string): [string, string] {
  return [`${service}\t${lower}`, `${service}\t${upper}`];
}
