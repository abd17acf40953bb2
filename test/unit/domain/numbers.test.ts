import { describe, expect, it } from 'vitest';
import { formatPercent, formatPosition } from '../../../src/domain/numbers';

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

describe('a position as each language writes it', () => {
  it('parts latitude from longitude with a semicolon in French, whose decimal mark is the comma', () => {
    expect(formatPosition(48.117251, -1.677821, 'fr')).toBe('48,11725\u202f; \u22121,67782');
  });

  it('parts them with a comma in English, whose decimal mark is the point', () => {
    expect(formatPosition(48.117251, -1.677821, 'en')).toBe('48.11725, \u22121.67782');
  });

  it('writes a position far from Rennes without thousands separators or lost decimals', () => {
    expect(formatPosition(-21.1151, 55.5364, 'fr')).toBe('\u221221,1151\u202f; 55,5364');
    expect(formatPosition(-17.5, -149.5667, 'en')).toBe('\u221217.5, \u2212149.5667');
  });
});
