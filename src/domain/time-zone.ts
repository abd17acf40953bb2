// Wall-clock times in a named time zone (an event "9:30 à 17:00, Europe/Paris") and the
// instants they stand for. Built on Intl, so a daylight-saving change or a device set to
// another zone never shifts an event's hours.

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** A wall-clock reading: day "yyyy-MM-dd" and time "HH:mm". */
export interface WallClock {
  date: string;
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 1000;
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Intl also takes offsets ("+01:00") in some engines and not others: only IANA names are
    // zones here, so a device and the server (Node) agree on what is one.
    if (!IANA_NAME.test(timeZone)) throw new RangeError(`not a time zone name: ${timeZone}`);
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      // Years before 1 (the year 0000 of an ISO string is 1 BC) read as negative ones below.
      era: 'short',
    });
    // Bounded: every spelling Intl accepts ("europe/paris") would otherwise stay in memory.
    if (formatters.size < MAX_FORMATTERS) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether this engine knows the zone (Intl, so the same answer in a browser and in Node). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Milliseconds the zone's wall clock is ahead of UTC at an instant (+3600000 for Paris in winter). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  let beforeChrist = false;
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type === 'era') beforeChrist = part.value === 'BC';
    else if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const asUtc = utcMillis(
    beforeChrist ? 1 - year : year,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // The parts are whole seconds, rounded down (before 1970 as well, where % is negative).
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/**
 * Date.UTC without its one surprise: it reads the years 0 to 99 as 1900 to 1999, and an earlier
 * release stored « 05/12/26 » typed in a date field as the year 0026.
 */
function utcMillis(year: number, monthIndex: number, day: number, hour: number, minute: number, second = 0): number {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second));
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

const pad = (value: number, digits = 2) => String(value).padStart(digits, '0');

/**
 * What the clocks of `timeZone` show at an instant. The year has four digits or more (10000 on
 * the evening of 31 December 9999 east of Greenwich), as a date field holds it. Throws a
 * RangeError for an instant that is no date.
 */
export function toWallClock(instant: string | Date, timeZone: string = DEFAULT_TIME_ZONE): WallClock {
  const epochMs = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const shifted = new Date(epochMs + offsetAt(epochMs, timeZone));
  const year = shifted.getUTCFullYear();
  return {
    date: `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

/**
 * The day the clocks of `timeZone` show at an instant, or "" for an instant that is no date:
 * records hold what earlier releases let in (« +02 », an offset V8 reads as no date), and a
 * report or an export skips such a date rather than fail whole.
 */
export function wallDay(instant: string, timeZone: string = DEFAULT_TIME_ZONE): string {
  return Number.isNaN(Date.parse(instant)) ? '' : toWallClock(instant, timeZone).date;
}

// Up to six digits of year: a date field holds up to 275760, a stored event may end in 10000.
const DATE_PATTERN = /^(\d{4,6})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/**
 * The instant at which the clocks of `timeZone` show a day and time, as an ISO string; null for
 * input that is not a day and a time. A time skipped by a spring-forward change (02:30 in
 * Paris on the last Sunday of March) reads as the hour after it, like a phone's calendar.
 */
export function fromWallClock(wall: WallClock, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const day = DATE_PATTERN.exec(wall.date);
  const time = TIME_PATTERN.exec(wall.time);
  if (!day || !time) return null;
  const [year, month, date, hour, minute] = [day[1], day[2], day[3], time[1], time[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || date < 1 || date > 31 || hour > 23 || minute > 59) return null;
  const asUtc = utcMillis(year, month - 1, date, hour, minute);
  if (new Date(asUtc).getUTCDate() !== date) return null;
  // The offset at the guess may differ from the one at the answer near a change: try both.
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  const exact = [first, second].find((candidate) => candidate + offsetAt(candidate, timeZone) === asUtc);
  return new Date(exact ?? Math.max(first, second)).toISOString();
}
