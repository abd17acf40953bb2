// A date every form takes (src/domain/typed-dates.ts) yet doubts: a year scrolled to 1900 or
// typed short ("0026"), or a day years ahead — a visit that would top the list, newest first,
// until then; a diagnostic counted in no report of this year.
import { parseISO } from 'date-fns';

/** The first year a record of the network may carry: tiers-lieux networks are younger. */
const FIRST_YEAR = 2000;
/** How far ahead a date may be: a visit or a diagnostic being prepared, not one of next year. */
const MOST_DAYS_AHEAD = 31;

/** `value`: a date ("2026-12-05") or a date and time ("2026-12-05T10:00") as a form holds it. */
export function dateDoubt(value: string, now: Date = new Date()): 'too_old' | 'too_far' | null {
  // Local time, as typed: `new Date` would read a bare date as UTC midnight, the day before west of it.
  const when = parseISO(value);
  if (Number.isNaN(when.getTime())) return null;
  if (when.getFullYear() < FIRST_YEAR) return 'too_old';
  return when.getTime() - now.getTime() > MOST_DAYS_AHEAD * 86_400_000 ? 'too_far' : null;
}
