import { describe, expect, test } from 'vitest';
import type { ReportData } from '../../../../../src/domain/report';
import { messages } from '../../../../../src/ui/screens/reports/messages';
import { chosenFilters, reportFilterOptions } from '../../../../../src/ui/screens/reports/report-filter-options';
import { yearData } from '../../../../fixtures/backup';

/** The year's records, the first of each kind written by another person. */
function writtenBy(names: readonly string[]): ReportData {
  const data = yearData();
  const records = [data.visits[0], data.events[0], data.followUps[0]];
  records.forEach((record, index) => {
    if (record) record.updatedBy = names[index] ?? record.updatedBy;
  });
  return data;
}

describe('the report’s filters', () => {
  test('offer the years with activity, the chosen one and this one, newest first', () => {
    const options = reportFilterOptions(yearData(), [2025, 2026], 2021, 2027);
    expect(options.years).toEqual([2027, 2026, 2025, 2021]);
  });

  test('offer each author of the period once, in French alphabetical order', () => {
    const options = reportFilterOptions(writtenBy(['Zoé', 'Élodie', 'Adrien']), [2026], 2026, 2026);
    expect(options.authors).toEqual(['Adrien', 'Camille Martin', 'Élodie', 'Zoé']);
  });

  test('read the chosen filters in words, a territory no lieu has any more by its key', () => {
    const chosen = chosenFilters(
      { territory: 'epci:200000000', service: 'federate', author: 'Zoé' },
      [],
      messages.en as (typeof messages)['fr'],
      'en',
    );
    expect(chosen).toEqual([
      ['Territory', 'epci:200000000'],
      ['Network service', 'Federate'],
      ['Written by', 'Zoé'],
    ]);
  });
});
