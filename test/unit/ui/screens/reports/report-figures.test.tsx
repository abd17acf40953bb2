// The report's key-figure cards are 8rem wide: "Open follow-ups" broke at its hyphen into
// "Open follow-" over "ups". A hyphenated word of a card's label is kept whole by a no-wrap span.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { buildReport, periodOf } from '../../../../../src/domain/report';
import { uiStore } from '../../../../../src/state/ui';
import { ReportView } from '../../../../../src/ui/screens/reports/ReportView';
import styles from '../../../../../src/ui/screens/reports/reports.module.css';
import { yearData } from '../../../../fixtures/backup';

function figureLabel(lang: 'fr' | 'en'): HTMLElement {
  uiStore.setState({ lang });
  render(<ReportView report={buildReport(yearData(), periodOf('year', 2026), {}, { today: '2026-06-01' })} />);
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
    expect(kept).toEqual([['follow-ups', styles['report-figure__word']]]);
  });

  test('wraps nothing in a French label without a hyphen', () => {
    const label = figureLabel('fr');
    expect(label.textContent).toBe('Suivis ouverts');
    expect(label.querySelectorAll('span')).toHaveLength(0);
  });
});
