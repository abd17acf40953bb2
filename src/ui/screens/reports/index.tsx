// Rapports — "Veiller & observer": a period's activity from the device's own records, as
// figures, bars and tables, printable and exportable for funders and the observatory.

import { useMemo, useRef, useState } from 'preact/hooks';
import { activityYears, readReportData } from '../../../db/report-data';
import { localDay } from '../../../domain/days';
import { diagnosticGridVersions } from '../../../domain/flat-exports';
import { buildReport, type ReportFilters as Filters, type ReportPeriod } from '../../../domain/report';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useLanguage, useMessages } from '../../i18n/messages';
import { ExportActions } from './ExportActions';
import { messages } from './messages';
import { initialChoice, periodOfChoice } from './period';
import { ReportFilters } from './ReportFilters';
import { ReportView } from './ReportView';
import { chosenFilters, reportFilterOptions } from './report-filter-options';
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
    () => (data && years ? reportFilterOptions(data, years, choice.year) : null),
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
