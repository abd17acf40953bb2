// Calendar days (yyyy-MM-dd) in the device's time zone, without a date library, so the
// first screen can compute "overdue" cheaply.

/** The calendar day of a date, in local time. */
export function localDay(date: Date = new Date()): string {
  const pad = (value: number, digits = 2) => String(value).padStart(digits, '0');
  // Four digits at least: the year 0026 an earlier release stored is not the text "26".
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day `days` after a yyyy-MM-dd day (negative goes back). */
export function dayAfter(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date + days));
}
