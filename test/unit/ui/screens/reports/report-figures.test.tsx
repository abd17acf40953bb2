// The report's key-figure cards are 8rem wide: "Open follow-ups" broke at its hyphen into
// "Open follow-" over "ups", and a service's name « tiers-lieux » did in its table at 360 px. A
// hyphenated word of the app's own labels is kept whole by a no-wrap span.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { buildReport, periodOf } from '../../../../../src/domain/report';
import { uiStore } from '../../../../../src/state/ui';
import { ReportView } from '../../../../../src/ui/screens/reports/ReportView';
import styles from '../../../../../src/ui/screens/reports/reports.module.css';
import { yearData } from '../../../../fixtures/backup';

function renderReport(lang: 'fr' | 'en'): void {
  uiStore.setState({ lang });
  render(<ReportView report={buildReport(yearData(), periodOf('year', 2026), {}, { today: '2026-06-01' })} />);
}

function figureLabel(lang: 'fr' | 'en'): HTMLElement {
  renderReport(lang);
  const label = screen.getByTestId('figure-follow-ups').querySelector('dt');
  if (!label) throw new Error('the open follow-ups card has no label');
  return label;
}

describe('a report card’s label', () => {
  afterEach(cleanup);

  test('keeps "follow-ups" whole in English, its text unchanged', () => {
    const label = figureLabel('en');
    expect(label.textContent).toBe('Open follow-ups');
    const kept = [...label.querySelectorAll('span')].map((span) => [span.textContent, span.className]);
    expect(kept).toEqual([['follow-ups', styles['report-word']]]);
  });

  test('wraps nothing in a French label without a hyphen', () => {
    const label = figureLabel('fr');
    expect(label.textContent).toBe('Suivis ouverts');
    expect(label.querySelectorAll('span')).toHaveLength(0);
  });
});

describe('a service’s name in the report’s table', () => {
  afterEach(cleanup);

  test('keeps « tiers-lieux » whole, which broke into « tiers- » over « lieux » at 360 px', () => {
    renderReport('fr');
    const name = screen.getByRole('rowheader', { name: 'Accompagner les porteurs de projet de tiers-lieux' });
    const kept = [...name.querySelectorAll('span')].map((span) => [span.textContent, span.className]);
    expect(kept).toEqual([['tiers-lieux', styles['report-word']]]);
  });
});
