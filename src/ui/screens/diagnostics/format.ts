// Numbers of this screen as people read them (its percentages: formatPercent, domain/numbers.ts).
import type { Diagnostic } from '../../../domain/diagnostic';
import { formatNumber } from '../../../domain/numbers';
import type { Language } from '../../../state/ui';

/** A score change with its sign: « +12 points », « −5 points », « = ». */
export function formatDelta(value: number, lang: Language): string {
  const rounded = Math.round(value);
  if (rounded === 0) return '=';
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), lang)}`;
}

/** What a diagnostic is about, as its list item and its title say it. */
export function subjectOf(diagnostic: Diagnostic, organisationName?: string): string | null {
  return organisationName ?? diagnostic.territoryLabel ?? null;
}
