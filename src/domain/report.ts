// "Veiller & observer": what the network did over a period, counted from the device's own
// records — for funders and the regional observatory. Days are the network's days (Paris
// time by default): a visit at 00:30 on 1 January belongs to January.
import { scoreGrid } from './diagnostic-score';
import type { ExportData } from './exports';
import { SERVICE_KEYS, type ServiceKey } from './services';
import { territoryKeys } from './territory';
import { DEFAULT_TIME_ZONE, wallDay } from './time-zone';

/** Inclusive calendar days, yyyy-MM-dd. */
export interface ReportPeriod {
  from: string;
  to: string;
}

export interface ReportFilters {
  /** A territory of the lieu visited (or hosting the event): a key of `territoryKeys`. */
  territory?: string | null;
  service?: ServiceKey | null;
  /** Who wrote the record last (`updatedBy`). */
  author?: string | null;
}

interface Count<K> {
  key: K;
  count: number;
}

export interface Report {
  period: ReportPeriod;
  visits: number;
  /** A visit tagged with two services counts once in each. */
  visitsByService: Count<ServiceKey>[];
  /** Every month of the period, "yyyy-MM", empty months included. */
  visitsByMonth: Count<string>[];
  /** By the lieu's own label, else its commune's EPCI, département or région; "" for visits of
   * no lieu or a lieu with none of them; largest first. */
  visitsByTerritory: Count<string>[];
  lieuxVisited: number;
  /** Lieux visited, most visited first. */
  lieux: { id: string; name: string; visits: number }[];
  newOrganisations: number;
  events: number;
  eventsByService: Count<ServiceKey>[];
  /** Same months as `visitsByMonth`. */
  eventsByMonth: Count<string>[];
  followUps: { doneInPeriod: number; open: number; overdue: number };
  diagnostics: { filled: number; completed: number; sections: SectionAverage[] };
}

interface SectionAverage {
  grid: string;
  section: string;
  /** Mean of the diagnostics' section scores (0–100, one decimal); null when none has a score. */
  average: number | null;
  diagnostics: number;
}

/** What a report is computed from: the period's records (more is harmless, they are filtered). */
export type ReportData = Pick<
  ExportData,
  'visits' | 'events' | 'diagnostics' | 'followUps' | 'organisations' | 'diagnosticTemplates'
>;

interface ReportOptions {
  /** The day the report is read, for "overdue". */
  today: string;
  timeZone?: string;
}

export function buildReport(
  data: ReportData,
  period: ReportPeriod,
  filters: ReportFilters,
  { today, timeZone = DEFAULT_TIME_ZONE }: ReportOptions,
): Report {
  const dayOf = (instant: string) => wallDay(instant, timeZone);
  const inPeriod = (day: string | null | undefined) => !!day && day >= period.from && day <= period.to;
  const organisations = new Map(data.organisations.map((org) => [org.id, org]));
  // A lieu counts under the territory the network named it by, else the finest one its commune
  // gave it (EPCI, then département, then région): a lieu whose commune was picked from the
  // list but whose label was left empty is not "Non renseigné".
  const territoryOf = (orgId: string | null | undefined) => {
    const org = orgId ? organisations.get(orgId) : undefined;
    return (org && territoryKeys(org)[0]?.label) || '';
  };
  const inTerritory = (orgId: string | null | undefined) => {
    const org = orgId ? organisations.get(orgId) : undefined;
    return !!org && territoryKeys(org).some((key) => key.key === filters.territory);
  };
  const matches = (record: { updatedBy: string; services?: readonly ServiceKey[] }, orgId: string | null | undefined) =>
    (!filters.service || (record.services ?? []).includes(filters.service)) &&
    (!filters.author || record.updatedBy === filters.author) &&
    (!filters.territory || inTerritory(orgId));

  const visits = data.visits.filter(
    (visit) => inPeriod(dayOf(visit.visitedAt)) && matches(visit, visit.organisationId),
  );
  const visitsPerLieu = new Map<string, number>();
  for (const visit of visits) {
    if (visit.organisationId && organisations.has(visit.organisationId)) {
      visitsPerLieu.set(visit.organisationId, (visitsPerLieu.get(visit.organisationId) ?? 0) + 1);
    }
  }
  const events = data.events.filter(
    (event) => inPeriod(dayOf(event.startsAt)) && matches(event, event.placeOrganisationId),
  );
  const visitsById = new Map(data.visits.map((visit) => [visit.id, visit]));
  const followUps = data.followUps.filter((followUp) =>
    matches(followUp, followUp.visitId ? visitsById.get(followUp.visitId)?.organisationId : null),
  );
  const open = followUps.filter((followUp) => !followUp.done && dayOf(followUp.createdAt) <= period.to);
  const diagnostics = data.diagnostics.filter(
    (diagnostic) => inPeriod(diagnostic.filledOn) && (!filters.territory || inTerritory(diagnostic.organisationId)),
  );

  return {
    period,
    visits: visits.length,
    visitsByService: perService(visits),
    visitsByMonth: perMonth(
      visits.map((visit) => dayOf(visit.visitedAt)),
      period,
    ),
    visitsByTerritory: counted(visits.map((visit) => territoryOf(visit.organisationId))),
    lieuxVisited: visitsPerLieu.size,
    lieux: [...visitsPerLieu]
      .map(([id, count]) => ({ id, name: organisations.get(id)?.name ?? '', visits: count }))
      .sort((a, b) => b.visits - a.visits || a.name.localeCompare(b.name, 'fr')),
    newOrganisations: data.organisations.filter(
      (org) => inPeriod(dayOf(org.createdAt)) && (!filters.territory || inTerritory(org.id)),
    ).length,
    events: events.length,
    eventsByService: perService(events),
    eventsByMonth: perMonth(
      events.map((event) => dayOf(event.startsAt)),
      period,
    ),
    followUps: {
      doneInPeriod: followUps.filter((followUp) => followUp.done && followUp.doneAt && inPeriod(dayOf(followUp.doneAt)))
        .length,
      open: open.length,
      overdue: open.filter((followUp) => !!followUp.dueDate && followUp.dueDate < today).length,
    },
    diagnostics: {
      filled: diagnostics.length,
      completed: diagnostics.filter((diagnostic) => !!diagnostic.completedAt).length,
      sections: sectionAverages(data, diagnostics),
    },
  };
}

function perService(records: readonly { services?: readonly ServiceKey[] }[]): Count<ServiceKey>[] {
  return SERVICE_KEYS.map((key) => ({
    key,
    count: records.filter((record) => (record.services ?? []).includes(key)).length,
  }));
}

function perMonth(days: readonly string[], period: ReportPeriod): Count<string>[] {
  const months: Count<string>[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push({ key, count: days.filter((day) => day.startsWith(key)).length });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function counted(keys: readonly string[]): Count<string>[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key, 'fr')));
}

function sectionAverages(data: ReportData, diagnostics: ReportData['diagnostics']): SectionAverage[] {
  const templates = new Map(data.diagnosticTemplates.map((template) => [template.id, template]));
  const sums = new Map<string, { grid: string; section: string; total: number; scored: number; diagnostics: number }>();
  for (const diagnostic of diagnostics) {
    const template = templates.get(diagnostic.templateId);
    if (!template) continue;
    for (const score of scoreGrid(template, diagnostic.answers ?? {}).sections) {
      // Versions of one grid share their family, so their sections average together.
      const key = `${template.family}/${score.sectionId}`;
      const sum = sums.get(key) ?? { grid: template.title, section: score.title, total: 0, scored: 0, diagnostics: 0 };
      sum.diagnostics += 1;
      if (score.percent !== null) {
        sum.total += score.percent;
        sum.scored += 1;
      }
      sums.set(key, sum);
    }
  }
  return [...sums.values()].map(({ grid, section, total, scored, diagnostics: count }) => ({
    grid,
    section,
    average: scored > 0 ? Math.round((total / scored) * 10) / 10 : null,
    diagnostics: count,
  }));
}

/** The whole year, a quarter, a month, as inclusive days. */
export function periodOf(kind: 'year' | 'quarter' | 'month', year: number, index = 1): ReportPeriod {
  const pad = (value: number) => String(value).padStart(2, '0');
  const lastDay = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = kind === 'quarter' ? (index - 1) * 3 + 1 : index;
  const last = kind === 'quarter' ? first + 2 : index;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDay(last))}` };
}
