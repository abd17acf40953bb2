// Reads for the map of lieux: every lieu with its last visit, and which lieux a service was
// delivered at. The last visits come from index keys only (visit ids by date and by lieu),
// so 50,000 visits are never read whole to draw 5,000 markers.
import type { LastVisit, MapLieu } from '../domain/lieu-map';
import { toMapLieu } from '../domain/lieu-map';
import { compareLabels } from '../domain/search';
import type { ServiceKey } from '../domain/services';
import type { DataContext } from './context';
import { withoutClocks } from './reads';

/** Every lieu (by name) with its last visit and where it is drawn. */
export async function mapLieux(context: DataContext): Promise<MapLieu[]> {
  const lieux = (await context.db.records('organisations').toArray()).filter((item) => !item.deleted);
  const lastVisits = await lastVisitsByLieu(context);
  lieux.sort((a, b) => compareLabels(a.name, b.name));
  return lieux.map((item) => toMapLieu(withoutClocks(item), lastVisits.get(item.id) ?? null));
}

async function lastVisitsByLieu(context: DataContext): Promise<Map<string, LastVisit>> {
  const visits = context.db.records('visits');
  const byDate = visits.orderBy('visitedAt');
  const [dates, dateIds, lieuIds, lieuVisitIds] = await Promise.all([
    byDate.keys(),
    byDate.primaryKeys(),
    visits.orderBy('organisationId').keys(),
    visits.orderBy('organisationId').primaryKeys(),
  ]);
  const visitedAt = new Map(dateIds.map((id, position) => [String(id), String(dates[position])]));
  // Each lieu's visits, newest first.
  const candidates = new Map<string, string[]>();
  lieuVisitIds.forEach((id, position) => {
    const lieu = String(lieuIds[position]);
    const list = candidates.get(lieu);
    if (list) list.push(String(id));
    else candidates.set(lieu, [String(id)]);
  });
  for (const list of candidates.values()) {
    list.sort((a, b) => (visitedAt.get(b) ?? '').localeCompare(visitedAt.get(a) ?? ''));
  }
  // Read the newest of each lieu; a deleted one gives way to the next (rare: loop is short).
  const found = new Map<string, LastVisit>();
  let pending = [...candidates.keys()];
  while (pending.length > 0) {
    const ids = pending.map((lieu) => candidates.get(lieu)?.[0] as string);
    const stored = await visits.bulkGet(ids);
    const next: string[] = [];
    pending.forEach((lieu, position) => {
      const visit = stored[position];
      if (visit && !visit.deleted && visit.organisationId === lieu) {
        found.set(lieu, {
          id: visit.id,
          visitedAt: visit.visitedAt,
          latitude: visit.latitude,
          longitude: visit.longitude,
        });
        return;
      }
      const rest = candidates.get(lieu)?.slice(1) ?? [];
      if (rest.length > 0) {
        candidates.set(lieu, rest);
        next.push(lieu);
      }
    });
    pending = next;
  }
  return found;
}

/** Ids of the lieux where a visit named this service (read only when the map filters on it). */
export async function lieuxWithService(context: DataContext, service: ServiceKey): Promise<Set<string>> {
  const ids = new Set<string>();
  await context.db
    .records('visits')
    .filter((visit) => !visit.deleted && visit.organisationId != null && (visit.services ?? []).includes(service))
    .each((visit) => {
      ids.add(visit.organisationId as string);
    });
  return ids;
}
