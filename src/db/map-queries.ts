// Reads for the map of lieux: every lieu with its last visit, and which lieux a service was
// delivered at. The last visits come from index keys only (visit ids by date and by lieu),
// so 50,000 visits are never read whole to draw 5,000 markers.
import type { LastVisit, MapLieu } from '../domain/lieu-map';
import { toMapLieu } from '../domain/lieu-map';
import { compareLabels } from '../domain/search';
import type { ServiceKey } from '../domain/services';
import type { Visit } from '../domain/visit';
import type { DataContext } from './context';
import { withoutClocks } from './reads';
import { SERVICE_DAYS, serviceDayRange } from './visit-keys';

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
  const [dates, dateIds, byLieu] = await Promise.all([byDate.keys(), byDate.primaryKeys(), visitIdsByLieu(context)]);
  const visitedAt = new Map(dateIds.map((id, position) => [String(id), String(dates[position])]));
  // Newest first: the first visit of each list that is still live is the lieu's last visit.
  for (const list of byLieu.values()) {
    list.sort((a, b) => (visitedAt.get(b) ?? '').localeCompare(visitedAt.get(a) ?? ''));
  }
  const found = new Map<string, LastVisit>();
  for (const [lieu, visit] of await firstLiveVisits(context, byLieu)) {
    found.set(lieu, { id: visit.id, visitedAt: visit.visitedAt, latitude: visit.latitude, longitude: visit.longitude });
  }
  return found;
}

/** Visit ids of each lieu, from the organisationId index's keys alone. */
async function visitIdsByLieu(context: DataContext, only?: ReadonlySet<string>): Promise<Map<string, string[]>> {
  const byLieu = context.db.records('visits').orderBy('organisationId');
  const [lieuIds, visitIds] = await Promise.all([byLieu.keys(), byLieu.primaryKeys()]);
  const candidates = new Map<string, string[]>();
  visitIds.forEach((key, position) => {
    const id = String(key);
    if (only && !only.has(id)) return;
    const lieu = String(lieuIds[position]);
    const list = candidates.get(lieu);
    if (list) list.push(id);
    else candidates.set(lieu, [id]);
  });
  return candidates;
}

/**
 * The first visit of each lieu's list that is still there (not deleted, still of that lieu):
 * one record read per lieu, the next one only where a deleted visit gives way (rare).
 */
async function firstLiveVisits(context: DataContext, candidates: Map<string, string[]>): Promise<Map<string, Visit>> {
  const visits = context.db.records('visits');
  const found = new Map<string, Visit>();
  let pending = [...candidates.keys()];
  while (pending.length > 0) {
    const ids = pending.map((lieu) => candidates.get(lieu)?.[0] as string);
    const stored = await visits.bulkGet(ids);
    const next: string[] = [];
    pending.forEach((lieu, position) => {
      const visit = stored[position];
      if (visit && !visit.deleted && visit.organisationId === lieu) {
        found.set(lieu, visit);
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

/**
 * Ids of the lieux where a visit named this service (read only when the map filters on it).
 * Index keys only (visits by service and date, visits by lieu), then one visit read per lieu to skip
 * deleted ones: bounded by the number of lieux, never by the number of visits.
 */
export async function lieuxWithService(context: DataContext, service: ServiceKey): Promise<Set<string>> {
  const [from, to] = serviceDayRange(service, '', '\uffff');
  const ids = await context.db.records('visits').where(SERVICE_DAYS).between(from, to).primaryKeys();
  const candidates = await visitIdsByLieu(context, new Set(ids.map(String)));
  return new Set((await firstLiveVisits(context, candidates)).keys());
}
