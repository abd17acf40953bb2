// The months of a report as an SVG column chart of visits and events, the numbers on the
// columns, with its table a tap away.

import { formatNumber } from '../../../domain/numbers';
import type { Report } from '../../../domain/report';
import { classes } from '../../components/classes';
import { Disclosure } from '../../components/Disclosure';
import { useLanguage, useMessages } from '../../i18n/messages';
import { messages } from './messages';
import styles from './reports.module.css';

/** The month labels' size in the chart's units (the CSS class sets the same). */
const LABEL_SIZE = 11;

/**
 * Visits (and events) per month as an SVG column chart: the numbers sit on the columns, the
 * table is one tap away.
 */
export function MonthChart({ report }: { report: Report }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const months = report.visitsByMonth;
  const events = report.eventsByMonth;
  const max = Math.max(1, ...months.map(({ count }) => count), ...events.map(({ count }) => count));
  // Narrow columns for a year, so the labels stay legible once scaled to a phone's width.
  const width = Math.max(months.length * (months.length <= 12 ? 28 : 20), 200);
  const plot = 110;
  const column = width / Math.max(months.length, 1);
  const total = months.reduce((sum, { count }) => sum + count, 0);
  const totalEvents = events.reduce((sum, { count }) => sum + count, 0);
  // Month labels would collide beyond a year of months: every other label, then every third.
  const labelEvery = months.length > 24 ? 3 : months.length > 12 ? 2 : 1;
  // A year's « sept. » is wider than its column (the chart scales, so at any width): the labels
  // then take two rows, every other one lower, each named in full beside free room.
  const longest = Math.max(0, ...months.map(({ key }) => t.monthShort(key).length));
  const twoRows = longest * LABEL_SIZE * 0.6 > column * labelEvery * 0.9;
  // The rows far enough apart for neighbours' boxes not to meet (Firefox's are the tallest).
  const height = twoRows ? 182 : 160;
  const labelY = (index: number) => (!twoRows ? height - 8 : (index / labelEvery) % 2 === 1 ? height - 4 : height - 26);
  const bar = (count: number, x: number, barWidth: number, tone: string | undefined) => {
    const barHeight = (count / max) * plot;
    return (
      <>
        <rect x={x} y={plot + 20 - barHeight} width={barWidth} height={barHeight} class={tone} rx="1.5" />
        {count > 0 ? (
          <text
            x={x + barWidth / 2}
            y={plot + 15 - barHeight}
            class={styles['month-chart__value']}
            text-anchor="middle"
          >
            {formatNumber(count, lang)}
          </text>
        ) : null}
      </>
    );
  };
  return (
    <>
      <p class={styles['month-legend']} aria-hidden="true">
        <span class={classes(styles['month-legend__key'], styles['month-legend__key--visits'])} /> {t.visits}
        <span class={classes(styles['month-legend__key'], styles['month-legend__key--events'])} /> {t.events}
      </p>
      <svg
        class={styles['month-chart']}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t.chartSummary(total, totalEvents, months.length)}
      >
        <line x1="0" y1={plot + 20} x2={width} y2={plot + 20} class={styles['month-chart__axis']} />
        {months.map(({ key, count }, index) => {
          const x = index * column + column * 0.12;
          const barWidth = column * 0.38;
          return (
            <g key={key}>
              {bar(count, x, barWidth, styles['month-chart__bar'])}
              {bar(
                events[index]?.count ?? 0,
                x + barWidth,
                barWidth,
                classes(styles['month-chart__bar'], styles['month-chart__bar--events']),
              )}
              {index % labelEvery === 0 ? (
                <text
                  x={index * column + column / 2}
                  y={labelY(index)}
                  class={styles['month-chart__label']}
                  text-anchor="middle"
                >
                  {t.monthShort(key)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <Disclosure class={styles['report-details']} summary={t.showTable}>
        <table class={styles['report-table']}>
          <thead>
            <tr>
              <th scope="col">{t.monthColumn}</th>
              <th scope="col">{t.visits}</th>
              <th scope="col">{t.events}</th>
            </tr>
          </thead>
          <tbody>
            {months.map(({ key, count }, index) => (
              <tr key={key}>
                <th scope="row">{`${t.monthShort(key)} ${key.slice(0, 4)}`}</th>
                <td>{formatNumber(count, lang)}</td>
                <td>{formatNumber(events[index]?.count ?? 0, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Disclosure>
    </>
  );
}
