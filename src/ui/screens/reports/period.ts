// The period a person picks (a year, a quarter, a month, or two dates) as report days.
import { periodOf, type ReportPeriod } from '../../../domain/report';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  quarter: number;
  month: number;
  from: string;
  to: string;
}

export function initialChoice(today: Date): PeriodChoice {
  const year = today.getFullYear();
  return {
    kind: 'year',
    year,
    quarter: Math.floor(today.getMonth() / 3) + 1,
    month: today.getMonth() + 1,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  };
}

/** null when two chosen dates are missing or the wrong way round. */
export function periodOfChoice(choice: PeriodChoice): ReportPeriod | null {
  if (choice.kind === 'custom') {
    if (!choice.from || !choice.to || choice.to < choice.from) return null;
    return { from: choice.from, to: choice.to };
  }
  return periodOf(choice.kind, choice.year, choice.kind === 'quarter' ? choice.quarter : choice.month);
}
