// What the reports screen reads: the records of one period through the date indexes, not every
// record of every table. Visits, events and diagnostics are read by range (a day's margin each
// side, since the report counts days in the network's time zone and buildReport filters them
// again); follow-ups open now or done in the period, not years of done ones; lieux and grids
// whole, because territories do not belong to a period. Contacts, notes, the toolbox and
// attachments are never read, so a write there never recomputes a report, and a pulled page of
// visits outside the period does not either (Dexie observes the index range read; see
// applyPulledPage's slices).
import { dayAfter } from '../domain/days';
import type { ReportData, ReportPeriod } from '../domain/report';
import type { DataContext } from './context';
import { OPEN_DUE } from './open-keys';
import { withoutClocks } from './reads';

/** Instants of the days from `from` to `to`, one day of margin each side (UTC−12 to UTC+14). */
function instantRange(period: ReportPeriod): [string, string] {
  return [dayAfter(period.from, -1), `${dayAfter(period.to, 1)}\uffff`];
}

export async function readReportData(context: DataContext, period: ReportPeriod): Promise<ReportData> {
  const { db } = context;
  const [fromInstant, toInstant] = instantRange(period);
  const live = <T extends { deleted: boolean; hlc?: unknown }>(rows: T[]) =>
    rows.filter((row) => !row.deleted).map((row) => withoutClocks(row));
  const tables = ['visits', 'events', 'diagnostics', 'followUps', 'organisations', 'diagnosticTemplates'] as const;
  return db.transaction('r', [...tables], async () => {
    const visits = live(
      await db.records('visits').where('visitedAt').between(fromInstant, toInstant, true, true).toArray(),
    );
    // The follow-ups a report counts: open ones (their index holds no done nor deleted one) and
    // those done in the period (one whose edits crossed may hold both a doneAt and done: false).
    const open = await db.records('followUps').orderBy(OPEN_DUE).toArray();
    const done = await db.records('followUps').where('doneAt').between(fromInstant, toInstant, true, true).toArray();
    const followUps = live([...new Map([...open, ...done].map((followUp) => [followUp.id, followUp])).values()]);
    // Follow-ups of visits out of the period still count in their lieu's territory.
    const inPeriod = new Set(visits.map((visit) => visit.id));
    const outside = [...new Set(followUps.flatMap((f) => (f.visitId && !inPeriod.has(f.visitId) ? [f.visitId] : [])))];
    const followedVisits = (await db.records('visits').bulkGet(outside)).filter((visit) => visit !== undefined);
    return {
      visits: [...visits, ...live(followedVisits)],
      events: live(await db.records('events').where('startsAt').between(fromInstant, toInstant, true, true).toArray()),
      diagnostics: live(
        await db.records('diagnostics').where('filledOn').between(period.from, period.to, true, true).toArray(),
      ),
      followUps,
      organisations: live(await db.records('organisations').toArray()),
      diagnosticTemplates: live(await db.records('diagnosticTemplates').toArray()),
    } satisfies ReportData as ReportData;
  });
}

/** Years from the first visit or event kept to the last, oldest first: the report's year choices. */
export async function activityYears(context: DataContext): Promise<number[]> {
  const { db } = context;
  const ends = await Promise.all([
    db.records('visits').orderBy('visitedAt').first(),
    db.records('visits').orderBy('visitedAt').last(),
    db.records('events').orderBy('startsAt').first(),
    db.records('events').orderBy('startsAt').last(),
  ]);
  const years = ends.flatMap((record) => {
    const instant = record && ('visitedAt' in record ? record.visitedAt : record.startsAt);
    return instant ? [Number(instant.slice(0, 4))] : [];
  });
  if (years.length === 0) return [];
  const first = Math.min(...years);
  return Array.from({ length: Math.max(...years) - first + 1 }, (_, index) => first + index);
}
