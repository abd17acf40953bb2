import { describe, expect, test } from 'vitest';
import { typedDateDoubt } from '../../../src/domain/typed-dates';

describe('typedDateDoubt: what a person may type into a date or time field', () => {
  test.each([
    ['', null],
    ['2026-12-05', null],
    ['1000-01-01', null],
    ['9998-12-31', null],
    ['2028-02-29', null],
    ['2000-02-29', null],
    ['2026-12-05T09:30', null],
    ['2026-12-05T09:30:15', null],
    ['2026-12-05T09:30:15.250', null],
    ['23:59', null],
    ['07:05:00', null],
  ])('%j can be saved', (value, doubt) => {
    expect(typedDateDoubt(value)).toBe(doubt);
  });

  test.each([
    // « 05/12/26 » in a French date field: the year segment keeps the two digits.
    ['0026-12-05', 'short_year'],
    ['0000-01-01', 'short_year'],
    ['0999-12-31', 'short_year'],
    ['0026-12-05T09:00', 'short_year'],
    ['9999-12-31', 'far_year'],
    ['20266-12-05', 'far_year'],
    ['275760-09-13T00:00', 'far_year'],
    ['2026-02-31', 'no_such_day'],
    ['2026-02-29', 'no_such_day'],
    ['1900-02-29', 'no_such_day'],
    ['2026-04-31', 'no_such_day'],
    ['2026-13-01', 'no_such_day'],
    ['2026-00-10', 'no_such_day'],
    ['2026-12-00', 'no_such_day'],
    ['05/12/26', 'no_such_day'],
    ['2026-12-05 09:00', 'no_such_day'],
    ['2026-12-05T24:00', 'no_such_time'],
    ['25:00', 'no_such_time'],
    ['10:60', 'no_such_time'],
  ])('%j is refused as %s', (value, doubt) => {
    expect(typedDateDoubt(value)).toBe(doubt);
  });
});
