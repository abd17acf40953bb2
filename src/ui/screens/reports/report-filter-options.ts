// What the report's filters offer (years, territories, authors of the period's records) and how
// the chosen ones read above the report. Pure, so it is tested on its own.

import { labelOf } from '../../../domain/label-of';
import type { ReportFilters as Filters, ReportData } from '../../../domain/report';
import { SERVICE_LABELS } from '../../../domain/services';
import { type TerritoryOption, territoryOptions } from '../../../domain/territory';
import type { Language } from '../../../state/ui';
import type { messages } from './messages';

export interface FilterOptions {
  years: number[];
  territories: TerritoryOption[];
  authors: string[];
}

/** The filters chosen, each as its label and value, so a printed report says what it counts. */
export function chosenFilters(
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

/** Years with activity, the chosen one and this one (newest first); territories of lieux; authors of the period's records. */
export function reportFilterOptions(
  data: ReportData,
  activity: readonly number[],
  chosenYear: number,
  thisYear = new Date().getFullYear(),
): FilterOptions {
  const years = new Set<number>([...activity, chosenYear, thisYear]);
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
