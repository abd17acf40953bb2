import { describe, expect, test } from 'vitest';
import { newEventTimes } from '../../../../../src/ui/screens/events/new-event-times';

// Paris is UTC+1 in December: 07:30 in Paris is 06:30Z.
const paris = (time: string) => new Date(`2026-12-05T${time}:00+01:00`);
const sameDay = (day: string, startTime: string, endTime: string) => ({
  startDate: day,
  startTime,
  endDate: day,
  endTime,
});

describe('a new event’s default times', () => {
  test('is today’s working day when the day has not begun', () => {
    expect(newEventTimes(paris('07:30'), 'Europe/Paris')).toEqual(sameDay('2026-12-05', '09:00', '17:00'));
  });

  test('starts at the next round hour during the day, never in the past', () => {
    expect(newEventTimes(paris('14:20'), 'Europe/Paris')).toEqual(sameDay('2026-12-05', '15:00', '17:00'));
    expect(newEventTimes(paris('19:40'), 'Europe/Paris')).toEqual(sameDay('2026-12-05', '20:00', '22:00'));
    expect(newEventTimes(paris('11:00'), 'Europe/Paris')).toEqual(sameDay('2026-12-05', '11:00', '13:00'));
  });

  test('is tomorrow’s working day once the evening is over', () => {
    expect(newEventTimes(paris('20:10'), 'Europe/Paris')).toEqual(sameDay('2026-12-06', '09:00', '17:00'));
    expect(newEventTimes(paris('23:45'), 'Europe/Paris')).toEqual(sameDay('2026-12-06', '09:00', '17:00'));
    expect(newEventTimes(new Date('2026-12-31T22:30:00+01:00'), 'Europe/Paris')).toEqual(
      sameDay('2027-01-01', '09:00', '17:00'),
    );
  });

  test('reads the clock of the event’s zone, not the device’s', () => {
    // 21:30 in Paris is 07:30 the next morning in Nouméa (UTC+11).
    expect(newEventTimes(paris('21:30'), 'Pacific/Noumea')).toEqual(sameDay('2026-12-06', '09:00', '17:00'));
  });
});
