// The report on screen and on paper: key figures, then each breakdown as a table whose
// number cells carry a bar (the chart and its table twin are one element), and the months as
// a column chart with its table a tap away.

import { labelOf } from '../../../domain/label-of';
import { formatNumber, formatPercent } from '../../../domain/numbers';
import type { Report } from '../../../domain/report';
import { SERVICE_LABELS } from '../../../domain/services';
import { classes } from '../../components/classes';
import { Section } from '../../components/Section';
import { useLanguage, useMessages } from '../../i18n/messages';
import { MonthChart } from './MonthChart';
import { messages } from './messages';
import styles from './reports.module.css';

export function ReportView({ report }: { report: Report }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const number = (value: number) => formatNumber(value, lang);
  const eventsByService = new Map(report.eventsByService.map(({ key, count }) => [key, count]));
  const serviceRows = report.visitsByService.filter(
    ({ key, count }) => count > 0 || (eventsByService.get(key) ?? 0) > 0,
  );
  const serviceMax = Math.max(1, ...report.visitsByService.map(({ count }) => count), ...eventsByService.values());
  const territoryMax = Math.max(1, ...report.visitsByTerritory.map(({ count }) => count));
  const lieuMax = Math.max(1, ...report.lieux.map(({ visits }) => visits));

  return (
    <>
      <Section title={t.figuresTitle} id="chiffres">
        <dl class={styles['report-figures']}>
          <Figure label={t.visits} value={number(report.visits)} testId="figure-visits" />
          <Figure label={t.lieux} value={number(report.lieuxVisited)} testId="figure-lieux" />
          <Figure label={t.newOrganisations} value={number(report.newOrganisations)} />
          <Figure label={t.events} value={number(report.events)} testId="figure-events" />
          <Figure label={t.followUpsDone} value={number(report.followUps.doneInPeriod)} />
          <Figure
            label={t.followUpsOpen}
            value={number(report.followUps.open)}
            detail={t.overdue(report.followUps.overdue)}
            testId="figure-follow-ups"
          />
          <Figure
            label={t.diagnostics}
            value={number(report.diagnostics.filled)}
            detail={t.diagnosticsCompleted(report.diagnostics.completed)}
          />
        </dl>
      </Section>

      <Section title={t.byServiceTitle} id="par-service">
        {serviceRows.length === 0 ? (
          <p>{t.noVisits}</p>
        ) : (
          <table class={styles['report-table']} data-testid="table-services">
            <thead>
              <tr>
                <th scope="col">{t.serviceColumn}</th>
                <th scope="col">{t.visits}</th>
                <th scope="col">{t.events}</th>
              </tr>
            </thead>
            <tbody>
              {serviceRows.map(({ key, count }) => (
                <tr key={key}>
                  <th scope="row">
                    <WholeHyphenatedWords text={labelOf(SERVICE_LABELS, key, lang)} />
                  </th>
                  <BarCell value={count} max={serviceMax} text={number(count)} />
                  <BarCell
                    value={eventsByService.get(key) ?? 0}
                    max={serviceMax}
                    text={number(eventsByService.get(key) ?? 0)}
                    tone="second"
                  />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t.byMonthTitle} id="par-mois">
        <MonthChart report={report} />
      </Section>

      <Section title={t.byTerritoryTitle} id="par-territoire">
        {report.visitsByTerritory.length === 0 ? (
          <p>{t.noVisits}</p>
        ) : (
          <table class={styles['report-table']}>
            <thead>
              <tr>
                <th scope="col">{t.territoryColumn}</th>
                <th scope="col">{t.visits}</th>
              </tr>
            </thead>
            <tbody>
              {report.visitsByTerritory.map(({ key, count }) => (
                <tr key={key}>
                  <th scope="row">{key || t.unknownTerritory}</th>
                  <BarCell value={count} max={territoryMax} text={number(count)} />
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      {report.lieux.length > 0 ? (
        <Section title={t.lieuxTitle} id="lieux">
          <table class={styles['report-table']}>
            <thead>
              <tr>
                <th scope="col">{t.lieuColumn}</th>
                <th scope="col">{t.visits}</th>
              </tr>
            </thead>
            <tbody>
              {report.lieux.map((lieu) => (
                <tr key={lieu.id}>
                  <th scope="row">{lieu.name}</th>
                  <BarCell value={lieu.visits} max={lieuMax} text={number(lieu.visits)} />
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}

      {report.diagnostics.sections.length > 0 ? (
        <Section title={t.sectionsTitle} id="diagnostics">
          <table class={styles['report-table']}>
            <thead>
              <tr>
                <th scope="col">{t.sectionColumn}</th>
                <th scope="col">{t.averageColumn}</th>
              </tr>
            </thead>
            <tbody>
              {report.diagnostics.sections.map((row) => (
                <tr key={`${row.grid}/${row.section}`}>
                  <th scope="row">
                    {row.section}
                    <span class={styles['report-table__sub']}>{row.grid}</span>
                  </th>
                  <BarCell
                    value={row.average ?? 0}
                    max={100}
                    text={row.average === null ? '—' : formatPercent(row.average, lang, 1)}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
    </>
  );
}

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId?: string }) {
  return (
    <div class={styles['report-figure']} data-testid={testId}>
      <dt>
        <WholeHyphenatedWords text={label} />
      </dt>
      <dd>
        <span class={styles['report-figure__value']}>{value}</span>
        {detail ? <span class={styles['report-figure__detail']}>{detail}</span> : null}
      </dd>
    </div>
  );
}

/**
 * A card's label or a service's name breaks between words, never at a hyphen: "Open follow-"
 * over "ups" in a card 8rem wide, « tiers- » over « lieux » in the services' table at 360 px. A
 * no-wrap span keeps the text as typed (copied, read aloud) where a non-breaking hyphen character
 * would not. Only for the app's own words: a lieu's or a territory's name may hold a compound
 * longer than its column.
 */
function WholeHyphenatedWords({ text }: { text: string }) {
  return (
    <>
      {text.split(/(\S+-\S+)/).map((part, index) =>
        part.includes('-') ? (
          <span key={index} class={styles['report-word']}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

function BarCell({ value, max, text, tone }: { value: number; max: number; text: string; tone?: 'second' }) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <td class={styles['bar-cell']}>
      <span class={styles['bar-cell__track']} aria-hidden="true">
        <span
          class={classes(styles['bar-cell__bar'], tone && styles[`bar-cell__bar--${tone}`])}
          style={{ width: `${width}%` }}
        />
      </span>
      <span class={styles['bar-cell__value']}>{text}</span>
    </td>
  );
}
