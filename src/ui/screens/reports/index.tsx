// Rapports — "Veiller & observer": a period's activity from the device's own records, as
// figures, bars and tables, printable and exportable for funders and the observatory.

import { useMemo, useRef, useState } from 'preact/hooks';
import { activityYears, readReportData } from '../../../db/report-data';
import { localDay } from '../../../domain/days';
import { diagnosticGridVersions } from '../../../domain/flat-exports';
import { buildReport, type ReportFilters as Filters, type ReportData, type ReportPeriod } from '../../../domain/report';
import { SERVICE_LABELS } from '../../../domain/services';
import { type TerritoryOption, territoryOptions } from '../../../domain/territory';
import { labelOf } from '../../../domain/vocabulary';
import type { Language } from '../../../state/ui';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import { ExportActions } from './ExportActions';
import { messages } from './messages';
import { initialChoice, periodOfChoice } from './period';
import { type FilterOptions, ReportFilters } from './ReportFilters';
import { ReportView } from './ReportView';
import styles from './reports.module.css';

export default function ReportsScreen() {
  const t = useMessages(messages);
  const d = useDates();
  const lang = useLanguage();
  const [choice, setChoice] = useState(() => initialChoice(new Date()));
  const [filters, setFilters] = useState<Filters>({});
  // Two dates the wrong way round keep the last good period on screen (and the dates typed).
  const chosen = periodOfChoice(choice);
  const lastGood = useRef<ReportPeriod>(chosen ?? { from: '', to: '' });
  if (chosen) lastGood.current = chosen;
  const period = lastGood.current;
  // Only the period's records, re-read when one of them (or a lieu, follow-up, grid) changes.
  const data = useLive((context) => readReportData(context, period), [period.from, period.to]);
  const years = useLive(activityYears, []);

  const options = useMemo(
    () => (data && years ? filterOptions(data, years, choice.year) : null),
    [data, years, choice.year],
  );
  const report = useMemo(
    () => (data ? buildReport(data, period, filters, { today: localDay() }) : null),
    [data, period.from, period.to, filters],
  );

  const narrowing = chosenFilters(filters, options?.territories ?? [], t, lang);
  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} />
      <Section title={t.filtersTitle} id="filtres">
        {options ? (
          <ReportFilters
            choice={choice}
            filters={filters}
            options={options}
            invalidRange={choice.kind === 'custom' && chosen === null && !!choice.from && !!choice.to}
            onChoice={setChoice}
            onFilters={setFilters}
            chosen={narrowing.map(([, value]) => value)}
          />
        ) : (
          <p>{t.loading}</p>
        )}
        <p class={styles['report-period']} data-testid="report-period">
          {[
            t.periodSummary(d.date(period.from), d.date(period.to)),
            ...narrowing.map(([label, value]) => t.filterLabel(label, value)),
          ].join(' — ')}
        </p>
      </Section>
      {data && report ? (
        <>
          <ReportView report={report} />
          <ExportActions report={report} grids={diagnosticGridVersions(data, period)} />
        </>
      ) : null}
    </>
  );
}

/** The filters chosen, each as its label and value, so a printed report says what it counts. */
function chosenFilters(
  filters: Filters,
  territories: readonly TerritoryOption[],
  t: (typeof messages)['fr'],
  lang: Language,
): [label: string, value: string][] {
  const chosen: [string, string][] = [];
  if (filters.territory) {
    const territory = territories.find((item) => item.key === filters.territory);
    chosen.push([t.territory, territory?.label ?? filters.territory]);
  }
  if (filters.service) chosen.push([t.service, labelOf(SERVICE_LABELS, filters.service, lang)]);
  if (filters.author) chosen.push([t.author, filters.author]);
  return chosen;
}

/** Years with activity (and the chosen one), territories of lieux, authors of the period's records. */
function filterOptions(data: ReportData, activity: readonly number[], chosenYear: number): FilterOptions {
  const years = new Set<number>([...activity, chosenYear, new Date().getFullYear()]);
  const authors = new Set<string>();
  for (const record of [...data.visits, ...data.events, ...data.followUps])
    if (record.updatedBy) authors.add(record.updatedBy);
  const byFrench = (a: string, b: string) => a.localeCompare(b, 'fr');
  return {
    years: [...years].sort((a, b) => b - a),
    territories: territoryOptions(data.organisations),
    authors: [...authors].sort(byFrench),
  };
}
