import { describe, expect, test } from 'vitest';
import { attendanceCounts, noteNeedsDay, splitAgenda, timelineOrder } from '../../../src/domain/event-agenda';
import { newId } from '../../../src/domain/ids';

const event = (title: string, startsAt: string, endsAt: string) => ({ id: newId(), title, startsAt, endsAt });

describe('the agenda', () => {
  test('puts today’s events first, then the upcoming soonest first, and the past most recent first', () => {
    const now = new Date('2026-05-10T12:00:00.000Z');
    const day = { from: '2026-05-09T22:00:00.000Z', to: '2026-05-10T22:00:00.000Z' };
    const agenda = splitAgenda(
      [
        event('Formation', '2026-06-01T08:00:00.000Z', '2026-06-01T16:00:00.000Z'),
        event('Apéro de mars', '2026-03-01T17:00:00.000Z', '2026-03-01T20:00:00.000Z'),
        event('Rencontre en cours', '2026-05-10T08:00:00.000Z', '2026-05-10T16:00:00.000Z'),
        event('Comité d’avril', '2026-04-01T08:00:00.000Z', '2026-04-01T10:00:00.000Z'),
        event('Petit-déjeuner fini', '2026-05-10T06:00:00.000Z', '2026-05-10T08:00:00.000Z'),
        event('Séminaire de trois jours', '2026-05-09T07:00:00.000Z', '2026-05-11T15:00:00.000Z'),
        event('Apéro de ce soir', '2026-05-10T17:00:00.000Z', '2026-05-10T20:00:00.000Z'),
        event('Demain', '2026-05-10T22:30:00.000Z', '2026-05-11T08:00:00.000Z'),
      ],
      now,
      day,
    );
    expect(agenda.today.map((e) => e.title)).toEqual([
      'Séminaire de trois jours',
      'Petit-déjeuner fini',
      'Rencontre en cours',
      'Apéro de ce soir',
    ]);
    expect(agenda.upcoming.map((e) => e.title)).toEqual(['Demain', 'Formation']);
    expect(agenda.past.map((e) => e.title)).toEqual(['Comité d’avril', 'Apéro de mars']);
  });
});

describe('the timeline of notes', () => {
  test('orders notes by the time they were written on their device, not by arrival', () => {
    const notes = [
      { id: newId(), writtenAt: '2026-05-10T09:20:00.000Z', text: 'Léa, second' },
      { id: newId(), writtenAt: '2026-05-10T09:05:00.000Z', text: 'Hugo, first' },
      { id: newId(), writtenAt: '2026-05-10T09:40:00.000Z', text: 'Hugo, third' },
    ];
    expect(timelineOrder(notes).map((note) => note.text)).toEqual(['Hugo, first', 'Léa, second', 'Hugo, third']);
  });

  test('gives notes written the same second the same order on every device', () => {
    const a = { id: '01900000-0000-7000-8000-000000000001', writtenAt: '2026-05-10T09:00:00.000Z' };
    const b = { id: '01900000-0000-7000-8000-000000000002', writtenAt: '2026-05-10T09:00:00.000Z' };
    expect(timelineOrder([b, a])).toEqual([a, b]);
    expect(timelineOrder([a, b])).toEqual([a, b]);
  });
});

describe('attendance counts', () => {
  test('counts each status, and those not excused by the kind of their organisation', () => {
    const kinds: Record<string, 'tiers_lieu' | 'local_authority'> = {
      a: 'tiers_lieu',
      b: 'tiers_lieu',
      c: 'local_authority',
    };
    const counts = attendanceCounts(
      {
        a: { name: 'Camille', status: 'present' },
        b: { name: 'Hugo', status: 'invited' },
        c: { name: 'Léa', status: 'excused' },
        d: { name: 'Sam', status: 'present' },
      },
      (id) => kinds[id] ?? null,
    );
    expect(counts).toEqual({ invited: 1, present: 2, excused: 1, byKind: { tiers_lieu: 2, unknown: 1 } });
  });
});

describe('when a note’s time needs its day', () => {
  const day = { startsAt: '2026-03-03T08:30:00.000Z', endsAt: '2026-03-03T16:00:00.000Z' };
  test('a note of a one-day event written that day shows its time alone', () => {
    expect(noteNeedsDay(day, '2026-03-03T15:00:00.000Z', 'Europe/Paris')).toBe(false);
  });

  test('a note written another day, as the event’s zone counts days, shows its day', () => {
    expect(noteNeedsDay(day, '2026-03-05T14:50:00.000Z', 'Europe/Paris')).toBe(true);
    // 23:30 UTC is already the 4th in Paris.
    expect(noteNeedsDay(day, '2026-03-03T23:30:00.000Z', 'Europe/Paris')).toBe(true);
    expect(noteNeedsDay(day, '2026-03-03T23:30:00.000Z', 'UTC')).toBe(false);
  });

  test('every note of an event of several days shows its day', () => {
    const twoDays = { startsAt: '2026-03-03T08:30:00.000Z', endsAt: '2026-03-04T16:00:00.000Z' };
    expect(noteNeedsDay(twoDays, '2026-03-03T09:00:00.000Z', 'Europe/Paris')).toBe(true);
  });
});
