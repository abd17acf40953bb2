import { describe, expect, test } from 'vitest';
import type { Question } from '../../../src/domain/diagnostic';
import { describeAnswer, parseDecimal } from '../../../src/domain/diagnostic-answers';

describe('numbers as typed', () => {
  test('reads a French decimal comma, a dot and spaces between thousands', () => {
    expect(parseDecimal('3,5')).toBe(3.5);
    expect(parseDecimal('3.5')).toBe(3.5);
    expect(parseDecimal(' 42 500,50 ')).toBe(42500.5);
    expect(parseDecimal('-2')).toBe(-2);
    expect(parseDecimal('12\u202f000')).toBe(12000);
  });

  test('refuses words, two decimal marks and empty text instead of guessing', () => {
    expect(parseDecimal('beaucoup')).toBeNull();
    expect(parseDecimal('3,5,1')).toBeNull();
    expect(parseDecimal('12 €')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});

describe('answers in words', () => {
  const multiple: Question = {
    id: 'outils',
    kind: 'multiple',
    label: 'Outils',
    scored: false,
    weight: 1,
    retired: false,
    options: [
      { id: 'wiki', label: 'Wiki' },
      { id: 'pad', label: 'Pad' },
    ],
  };
  const number: Question = { id: 'budget', kind: 'number', label: 'Budget', scored: false, weight: 1, retired: false };

  test('names the options ticked, the number in French, and the skip or "ne sait pas"', () => {
    expect(describeAnswer(multiple, { status: 'answered', value: ['pad', 'wiki'] })).toBe('Pad, Wiki');
    expect(describeAnswer(number, { status: 'answered', value: 42500.5 })).toBe('42\u202f500,5');
    expect(describeAnswer(number, { status: 'skipped' })).toBe('Question passée');
    expect(describeAnswer(number, { status: 'unknown' })).toBe('Ne sait pas');
    expect(describeAnswer(number, undefined)).toBe('Sans réponse');
  });
});
