import { describe, expect, it } from 'vitest';
import { formatPosition } from '../../../src/domain/positions';

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
