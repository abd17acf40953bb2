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

  test('knows a real time zone from a typo', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Europe/Pariss')).toBe(false);
  });
});
