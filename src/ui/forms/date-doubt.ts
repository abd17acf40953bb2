// A date every form takes (src/domain/typed-dates.ts) yet doubts: a year scrolled to 1900 or
// typed short ("0026"), or a day years ahead — a visit that would top the list, newest first,
// until then; a diagnostic counted in no report of this year; a follow-up due in 2099, never
// overdue, at the bottom of « À faire » for good.
import { parseISO } from 'date-fns';
import { useTypedDateCheck } from './typed-dates';
import type { FieldErrors } from './use-record-form';

/** The first year a record of the network may carry: tiers-lieux networks are younger. */
const FIRST_YEAR = 2000;

/**
 * How far ahead a date may be, in days. A visit or a diagnostic is being prepared, not one of
 * next year; a follow-up may wait for next year's census, not for the next decade.
 */
export const DAYS_AHEAD = { record: 31, due: 731 } as const;

/** `value`: a date ("2026-12-05") or a date and time ("2026-12-05T10:00") as a form holds it. */
export function dateDoubt(
  value: string,
  now: Date = new Date(),
  daysAhead: number = DAYS_AHEAD.record,
): 'too_old' | 'too_far' | null {
  // Local time, as typed: `new Date` would read a bare date as UTC midnight, the day before west of it.
  const when = parseISO(value);
  if (Number.isNaN(when.getTime())) return null;
  if (when.getFullYear() < FIRST_YEAR) return 'too_old';
  return when.getTime() - now.getTime() > daysAhead * 86_400_000 ? 'too_far' : null;
}

/** What a form says of a date it doubts, by doubt. */
type DateDoubtWords = Readonly<Record<'too_old' | 'too_far', string>>;

/**
 * `check(dates, form)`: a sentence by field name for the dates (by their controls' names in
 * `form`) not to save: what any typed date must be, then the doubt, `daysAhead` at most ahead.
 */
export function useDoubtedDateCheck(daysAhead: number, words: DateDoubtWords) {
  const typedDates = useTypedDateCheck();
  return (dates: Readonly<Record<string, string>>, form: HTMLFormElement | null | undefined): FieldErrors => {
    const errors = typedDates(dates, null, form);
    for (const [name, value] of Object.entries(dates)) {
      const doubt = errors[name] ? null : dateDoubt(value, new Date(), daysAhead);
      if (doubt) errors[name] = words[doubt];
    }
    return errors;
  };
}
