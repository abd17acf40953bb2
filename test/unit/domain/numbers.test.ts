import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../../src/domain/numbers';

describe('a percentage as each language writes it', () => {
  it('holds the sign to its number with a no-break space in French, and sets none in English', () => {
    expect(formatPercent(42, 'fr')).toBe('42\u00a0%');
    expect(formatPercent(42, 'en')).toBe('42%');
  });

  it('rounds to a whole, as a diagnostic’s section score of 3 answers out of 16 shows', () => {
    expect(formatPercent(18.75, 'fr')).toBe('19\u00a0%');
    expect(formatPercent(200 / 3, 'en')).toBe('67%');
    expect(formatPercent(0.4, 'fr')).toBe('0\u00a0%');
  });

  it('keeps the decimal a report’s average per section is given with', () => {
    expect(formatPercent(72.5, 'fr', 1)).toBe('72,5\u00a0%');
    expect(formatPercent(72.5, 'en', 1)).toBe('72.5%');
    expect(formatPercent(75, 'fr', 1)).toBe('75\u00a0%');
  });
});
