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

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The UTC midnight of a yyyy-MM-dd day, or null for a text that is no day, or a day no calendar
 * has (« 2026-02-31 », which an earlier release let in). Read by hand: `new Date("2026-02-31")`
 * is the 3rd of March in V8 and no date in SpiderMonkey, and exports must not differ by browser.
 */
export function utcDay(day: string): Date | null {
  const parts = DAY.exec(day);
  if (!parts) return null;
  const [year, month, date] = parts.slice(1).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return null;
  // setUTCFullYear, not Date.UTC: that one reads the years 0 to 99 as 1900 to 1999.
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, date);
  return midnight;
}

/** How many days `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
