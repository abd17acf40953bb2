// Calendar days (yyyy-MM-dd) in the device's time zone, without a date library, so the
// first screen can compute "overdue" cheaply.

/** The calendar day of a date, in local time. */
export function localDay(date: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day `days` after a yyyy-MM-dd day (negative goes back). */
export function dayAfter(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date + days));
}
