// What a person may type into a date or time field now: stricter than what a record may hold.
// Records keep the lenient rules of src/domain/fields.ts, because earlier releases stored
// « 05/12/26 » as the year 0026 and servers hold such records; a form checks only the date
// fields the person changed, so a record already holding one can still be edited and ticked.
import { daysInMonth } from './days';

/**
 * Years a typed date may have. A year typed short in a date field's year segment gives
 * 0026 (below the first); one typed long, or the last day of 9999 meant as « no date »,
 * lies past the last: its next day, or its evening east of Greenwich, is in year 10000, which
 * no calendar file nor date display writes.
 */
const FIRST_TYPED_YEAR = 1000;
const LAST_TYPED_YEAR = 9998;

export type TypedDateDoubt = 'short_year' | 'far_year' | 'no_such_day' | 'no_such_time';

/** A date field's value (yyyy-MM-dd), a datetime-local one (…THH:mm[:ss[.sss]]), or a time (HH:mm[:ss]). */
const DATE_VALUE = /^(\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?$/;
const TIME_VALUE = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/** Why a typed date or time cannot be saved as it is, or null when it can (an empty one too). */
export function typedDateDoubt(value: string): TypedDateDoubt | null {
  if (value === '') return null;
  const time = TIME_VALUE.exec(value);
  if (time) return clockExists(time[1], time[2], time[3]) ? null : 'no_such_time';
  const date = DATE_VALUE.exec(value);
  if (!date) return 'no_such_day';
  const [year, month, day] = [date[1], date[2], date[3]].map(Number) as [number, number, number];
  if (year < FIRST_TYPED_YEAR) return 'short_year';
  if (year > LAST_TYPED_YEAR) return 'far_year';
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'no_such_day';
  if (date[4] !== undefined && !clockExists(date[4], date[5], date[6])) return 'no_such_time';
  return null;
}

function clockExists(hour: string | undefined, minute: string | undefined, second: string | undefined): boolean {
  return Number(hour) <= 23 && Number(minute) <= 59 && Number(second ?? 0) <= 59;
}
