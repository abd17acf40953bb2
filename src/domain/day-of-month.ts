// French writes the first day of a month as an ordinal, « 1er avril », and every other day as
// a plain number, « 2 avril »; neither date-fns nor Intl does it. Shared by screens and exports.

/** The day of the month as written in `lang` ("fr" or "en"): « 1er », « 2 »… */
export function dayOfMonth(day: number, lang: string): string {
  return day === 1 && lang.startsWith('fr') ? '1er' : String(day);
}

/** A date-fns pattern token for the day of `date`: `d`, or the quoted « 1er » in French. */
export function dayToken(date: Date, lang: string): string {
  return date.getDate() === 1 && lang.startsWith('fr') ? "'1er'" : 'd';
}

/** Intl's rendering of `date`, with « 1er » for a French first of the month. */
export function formatWithOrdinalFirst(format: Intl.DateTimeFormat, date: Date): string {
  const french = format.resolvedOptions().locale.startsWith('fr');
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'day' && french ? dayOfMonth(Number(part.value), 'fr') : part.value))
    .join('');
}
