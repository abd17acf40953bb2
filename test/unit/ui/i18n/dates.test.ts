import { describe, expect, test } from 'vitest';
import {
  formatAgo,
  formatDate,
  formatDateTime,
  formatRelative,
  formatShortDate,
  formatTime,
  formatWeekday,
} from '../../../../src/ui/i18n/dates';

// A local time, so the expectations hold in any time zone the tests run in.
const visit = new Date(2026, 2, 3, 14, 5);

describe('dates as a concierge reads them', () => {
  test('are written the French way by default', () => {
    expect(formatDate(visit, 'fr')).toBe('3 mars 2026');
    expect(formatDateTime(visit, 'fr')).toBe('3 mars 2026 à 14:05');
    expect(formatShortDate(visit, 'fr')).toBe('03/03/2026');
    expect(formatTime(visit, 'fr')).toBe('14:05');
    expect(formatWeekday(visit, 'fr')).toBe('mardi 3 mars');
  });

  test('are written the British way in English', () => {
    expect(formatDateTime(visit, 'en')).toBe('3 March 2026 at 14:05');
    expect(formatWeekday(visit, 'en')).toBe('Tuesday 3 March');
  });

  test('keep a calendar day on its own day whatever the time zone', () => {
    expect(formatDate('2026-03-03', 'fr')).toBe('3 mars 2026');
  });

  test('say how long ago in words', () => {
    const now = new Date(2026, 2, 3, 14, 10);
    expect(formatRelative(visit, 'fr', now)).toBe('il y a 5 minutes');
    expect(formatRelative(new Date(2026, 2, 5, 14, 10), 'fr', now)).toBe('dans 2 jours');
  });

  test('say a sync that just ended, stamped a little ahead by the server-corrected clock, ended a moment ago', () => {
    const now = new Date(2026, 2, 3, 14, 10);
    expect(formatAgo(new Date(now.getTime() + 3), 'fr', now)).toBe('il y a moins d’une minute');
    expect(formatAgo(new Date(now.getTime() + 90_000), 'en', now)).toBe('less than a minute ago');
    expect(formatAgo(visit, 'fr', now)).toBe('il y a 5 minutes');
  });

  test('show nothing rather than "Invalid Date" for a broken value', () => {
    expect(formatDate('pas une date', 'fr')).toBe('');
  });
});
