// A year's month labels touched on a phone (« août sept. oct. nov. », WebKit at 360 px): a
// « sept. » is wider than its column, at any width, since the chart scales as a whole. A year's
// labels take two rows, every other month lower; a quarter's, with room, stay on one. The
// table beside the chart is the same. (test/e2e's journeys measure the drawn labels in each engine.)
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { buildReport, periodOf } from '../../../../../src/domain/report';
import { uiStore } from '../../../../../src/state/ui';
import { ReportView } from '../../../../../src/ui/screens/reports/ReportView';
import { yearData } from '../../../../fixtures/backup';

afterEach(cleanup);

function monthLabels(period: ReturnType<typeof periodOf>): { text: string; y: string }[] {
  uiStore.setState({ lang: 'fr' });
  render(<ReportView report={buildReport(yearData(), period, {}, { today: '2026-06-01' })} />);
  const chart = screen.getByRole('img', { name: /sur \d+ mois/ });
  return Array.from(chart.querySelectorAll('text'))
    .filter((text) => /\p{L}/u.test(text.textContent ?? ''))
    .map((text) => ({ text: text.textContent ?? '', y: text.getAttribute('y') ?? '' }));
}

test('a year’s months alternate between two rows, each named in full, and its table lists all twelve', () => {
  const labels = monthLabels(periodOf('year', 2026));
  expect(labels.map((label) => label.text)).toEqual([
    'janv.',
    'févr.',
    'mars',
    'avr.',
    'mai',
    'juin',
    'juil.',
    'août',
    'sept.',
    'oct.',
    'nov.',
    'déc.',
  ]);
  const rows = labels.map((label) => label.y);
  expect(new Set(rows).size).toBe(2);
  for (let month = 1; month < rows.length; month++) expect(rows[month]).not.toBe(rows[month - 1]);
  const table = screen.getByRole('columnheader', { name: 'Mois' }).closest('table') as HTMLTableElement;
  expect(
    within(table)
      .getAllByRole('rowheader')
      .map((month) => month.textContent),
  ).toEqual(labels.map((label) => `${label.text} 2026`));
});

test('a quarter’s three months, with room to spare, stay on one row', () => {
  const labels = monthLabels(periodOf('quarter', 2026, 3));
  expect(labels.map((label) => label.text)).toEqual(['juil.', 'août', 'sept.']);
  expect(new Set(labels.map((label) => label.y)).size).toBe(1);
});
