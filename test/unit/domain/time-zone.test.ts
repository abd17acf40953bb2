import { describe, expect, test } from 'vitest';
import { fromWallClock, isTimeZone, toWallClock } from '../../../src/domain/time-zone';

describe('wall-clock times of an event', () => {
  test('reads 9:30 in Paris as 8:30 UTC in winter and 7:30 UTC in summer', () => {
    expect(fromWallClock({ date: '2026-01-15', time: '09:30' }, 'Europe/Paris')).toBe('2026-01-15T08:30:00.000Z');
    expect(fromWallClock({ date: '2026-07-15', time: '09:30' }, 'Europe/Paris')).toBe('2026-07-15T07:30:00.000Z');
  });

  test('shows an instant as the clocks of the event’s zone, whatever zone the device is in', () => {
    expect(toWallClock('2026-07-15T07:30:00.000Z', 'Europe/Paris')).toEqual({ date: '2026-07-15', time: '09:30' });
    expect(toWallClock('2026-07-15T07:30:00.000Z', 'America/Cayenne')).toEqual({ date: '2026-07-15', time: '04:30' });
    expect(toWallClock('2026-07-15T22:30:00.000Z', 'Europe/Paris')).toEqual({ date: '2026-07-16', time: '00:30' });
  });

  test('keeps the hours of an evening that crosses the autumn clock change', () => {
    // The night of 24–25 October 2026: 03:00 CEST becomes 02:00 CET.
    const start = fromWallClock({ date: '2026-10-24', time: '20:00' }, 'Europe/Paris');
    const end = fromWallClock({ date: '2026-10-25', time: '04:00' }, 'Europe/Paris');
    expect(start).toBe('2026-10-24T18:00:00.000Z');
    expect(end).toBe('2026-10-25T03:00:00.000Z');
    expect(toWallClock(end ?? '', 'Europe/Paris')).toEqual({ date: '2026-10-25', time: '04:00' });
    // Eight hours on the wall, nine on the watch: the clocks went back one hour that night.
    expect((Date.parse(end ?? '') - Date.parse(start ?? '')) / 3_600_000).toBe(9);
  });

  test('reads a time skipped by the spring change as the hour after it', () => {
    const instant = fromWallClock({ date: '2026-03-29', time: '02:30' }, 'Europe/Paris');
    expect(toWallClock(instant ?? '', 'Europe/Paris')).toEqual({ date: '2026-03-29', time: '03:30' });
  });

  test('round-trips every quarter hour of a day of the spring change', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      if (time >= '02:00' && time < '03:00') continue;
      const instant = fromWallClock({ date: '2026-03-29', time }, 'Europe/Paris');
      expect(toWallClock(instant ?? '', 'Europe/Paris')).toEqual({ date: '2026-03-29', time });
    }
  });

  test('refuses what is not a day and a time', () => {
    expect(fromWallClock({ date: '2026-02-30', time: '10:00' })).toBeNull();
    expect(fromWallClock({ date: '2026-02-10', time: '25:00' })).toBeNull();
    expect(fromWallClock({ date: '', time: '10:00' })).toBeNull();
  });

  test('keeps the years servers hold from earlier releases: 0026 (« 26 » typed), 0000 and 9999', () => {
    // Date.UTC reads the years 0 to 99 as 1900 to 1999: the event form showed 1926.
    expect(toWallClock('0026-12-05T09:00:00.000Z', 'UTC')).toEqual({ date: '0026-12-05', time: '09:00' });
    expect(toWallClock('0026-12-05T09:00:00.000Z', 'Europe/Paris').date).toBe('0026-12-05');
    expect(fromWallClock({ date: '0026-12-05', time: '10:00' }, 'UTC')).toBe('0026-12-05T10:00:00.000Z');
    expect(toWallClock('0000-01-01T12:00:00.000Z', 'UTC')).toEqual({ date: '0000-01-01', time: '12:00' });
    expect(toWallClock('1900-01-01T11:59:59.500Z', 'UTC')).toEqual({ date: '1900-01-01', time: '11:59' });
    // The evening of the last day of 9999 in Paris is in the year 10000, as a date field holds it.
    const lastEvening = toWallClock('9999-12-31T23:30:00.000Z', 'Europe/Paris');
    expect(lastEvening).toEqual({ date: '10000-01-01', time: '00:30' });
    expect(fromWallClock(lastEvening, 'Europe/Paris')).toBe('9999-12-31T23:30:00.000Z');
  });

  test('knows a real time zone from a typo', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Europe/Pariss')).toBe(false);
  });
});
