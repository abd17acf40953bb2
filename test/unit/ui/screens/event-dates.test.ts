import { describe, expect, test } from 'vitest';
import { eventSpan, timeZoneName } from '../../../../src/ui/screens/events/event-dates';
import { messages } from '../../../../src/ui/screens/events/messages';

const words = messages.fr;

describe('an event’s times on screen', () => {
  test('shows the hours of the event’s place, and names the zone when the device is elsewhere', () => {
    const event = {
      startsAt: '2026-07-15T07:30:00.000Z',
      endsAt: '2026-07-15T15:00:00.000Z',
      timeZone: 'Europe/Paris',
    };
    expect(eventSpan(event, 'fr', words, 'Europe/Paris')).toBe(
      'mercredi 15 juillet 2026, 09:30\u00a0–\u2060\u00a017:00',
    );
    expect(eventSpan(event, 'fr', words, 'America/Cayenne')).toBe(
      'mercredi 15 juillet 2026, 09:30\u00a0–\u2060\u00a017:00 · fuseau\u00a0: Paris (heure d’Europe centrale)',
    );
  });

  test('names an overseas zone with its place as French writes it, not its English identifier', () => {
    expect(timeZoneName('Indian/Reunion', 'fr')).toBe('La Réunion (heure de La Réunion)');
    expect(timeZoneName('Pacific/Noumea', 'fr')).toBe('Nouméa (heure normale de la Nouvelle-Calédonie)');
    expect(timeZoneName('America/Cayenne', 'fr')).toBe('Cayenne (heure de la Guyane française)');
    expect(timeZoneName('Indian/Reunion', 'en')).toMatch(/^Reunion \(/);
  });

  test('shows an evening across midnight as a range of two days', () => {
    const event = {
      startsAt: '2026-11-28T18:00:00.000Z',
      endsAt: '2026-11-29T00:30:00.000Z',
      timeZone: 'Europe/Paris',
    };
    expect(eventSpan(event, 'fr', words, 'Europe/Paris')).toBe(
      'du samedi 28 novembre 2026 à 19:00 au dimanche 29 novembre 2026 à 01:30',
    );
  });
});
