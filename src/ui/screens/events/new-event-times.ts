// When a new event starts and ends before anyone types: a time still to come, since the form
// is mostly opened to plan an event (or to note one about to begin), never one already past.

import { dayAfter } from '../../../domain/days';
import { toWallClock } from '../../../domain/time-zone';

interface EventTimes {
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

/** A working day's event, when the day is still ahead. */
const DAY_START = 9;
const DAY_END = 17;
/** An event started later in the day (an evening rencontre) lasts this long by default. */
const SHORT_EVENT_HOURS = 2;
/** The last hour an event may start today and still end before the night (20:00 → 22:00). */
const LAST_START = 20;

const hour = (value: number) => `${String(value).padStart(2, '0')}:00`;

/**
 * Before 09:00, today 09:00–17:00; during the day, the next round hour for two hours
 * (14:20 → 15:00–17:00, 19:40 → 20:00–22:00); after 20:00, tomorrow 09:00–17:00.
 * In the event's zone, whatever the device's.
 */
export function newEventTimes(now: Date, timeZone: string): EventTimes {
  const wall = toWallClock(now, timeZone);
  const [hours = 0, minutes = 0] = wall.time.split(':').map(Number);
  const nextHour = minutes > 0 ? hours + 1 : hours;
  if (nextHour <= DAY_START)
    return { startDate: wall.date, startTime: hour(DAY_START), endDate: wall.date, endTime: hour(DAY_END) };
  if (nextHour <= LAST_START) {
    return {
      startDate: wall.date,
      startTime: hour(nextHour),
      endDate: wall.date,
      endTime: hour(nextHour + SHORT_EVENT_HOURS),
    };
  }
  const tomorrow = dayAfter(wall.date, 1);
  return { startDate: tomorrow, startTime: hour(DAY_START), endDate: tomorrow, endTime: hour(DAY_END) };
}
