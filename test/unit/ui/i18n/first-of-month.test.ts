import { describe, expect, it } from 'vitest';
import { dayOfMonth, formatWithOrdinalFirst } from '../../../../src/domain/day-of-month';
import { formatDate, formatDateTime, formatWeekday } from '../../../../src/ui/i18n/dates';
import { listDateTime } from '../../../../src/ui/screens/visits/list-dates';

describe('the first of the month in French', () => {
  it('reads « 1er » and every other day as a number', () => {
    expect(dayOfMonth(1, 'fr')).toBe('1er');
    expect(dayOfMonth(2, 'fr')).toBe('2');
    expect(dayOfMonth(1, 'en')).toBe('1');
  });

  it('shows « 1er avril 2026 » in dates, dates with a time and weekdays, and "1 April" in English', () => {
    expect(formatDate('2026-04-01', 'fr')).toBe('1er avril 2026');
    expect(formatDate('2026-04-02', 'fr')).toBe('2 avril 2026');
    expect(formatDate('2026-04-01', 'en')).toBe('1 April 2026');
    expect(formatDateTime(new Date(2026, 3, 1, 9, 5), 'fr')).toBe('1er avril 2026 à 09:05');
    expect(formatWeekday('2026-04-01', 'fr')).toBe('mercredi 1er avril');
  });

  it('shows « 1er » in the visit list and in texts rendered with Intl', () => {
    expect(listDateTime(new Date(2026, 3, 1, 9, 5).toISOString(), 'fr')).toMatch(/^1er avr\. 2026/);
    const format = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: 'UTC' });
    expect(formatWithOrdinalFirst(format, new Date('2026-05-01T00:00:00Z'))).toBe('1er mai');
    expect(formatWithOrdinalFirst(format, new Date('2026-05-11T00:00:00Z'))).toBe('11 mai');
  });
});
