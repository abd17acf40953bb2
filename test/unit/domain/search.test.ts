import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareLabels, matchesWords, normalizeForSearch, queryWords, searchWords } from '../../../src/domain/search';

describe('search normalisation', () => {
  test('finds accented words when typed without accents, and the other way round', () => {
    expect(matchesWords(queryWords('equipe'), ['Équipe de la Forge'])).toBe(true);
    expect(matchesWords(queryWords('ÉQUIPE'), ['equipe'])).toBe(true);
    expect(matchesWords(queryWords('saint etienne'), ['Saint-Étienne'])).toBe(true);
  });

  test('needs every word of the query', () => {
    expect(matchesWords(queryWords('forge malo'), ['La Forge', 'Saint-Malo'])).toBe(true);
    expect(matchesWords(queryWords('forge brest'), ['La Forge', 'Saint-Malo'])).toBe(false);
  });

  test('an empty query matches everything, missing texts are ignored', () => {
    expect(queryWords('  ')).toEqual([]);
    expect(matchesWords([], [null, undefined])).toBe(true);
    expect(matchesWords(queryWords('x'), [null, undefined])).toBe(false);
  });

  test('turns every run of punctuation and spaces into one space, none at the ends', () => {
    expect(normalizeForSearch(' « Œuvre » – n°3, L’Étape… ')).toBe('œuvre n 3 l etape');
    expect(normalizeForSearch('?! —')).toBe('');
  });

  test('keeps email and phone characters searchable', () => {
    expect(normalizeForSearch('Camille.Martin@Exemple.fr')).toBe('camille.martin@exemple.fr');
    expect(matchesWords(queryWords('+33 6'), ['+33 6 12 34 56 78'])).toBe(true);
  });

  /** What a text normalises to, by the definition: its runs of letters, digits, @ . + once marks are gone. */
  const reference = (value: string) =>
    value
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}@.+]+/gu) ?? [];

  test('any text, in any script or with broken surrogates, normalises to its runs of letters, digits, @ . +', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...'aÉé œ’«»-.@+İı ß٣😀𝐀\u0301\ud800\udc00x9'), maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (value) => {
        expect(normalizeForSearch(value)).toBe(reference(value).join(' '));
        expect(searchWords(value)).toEqual(reference(value));
      }),
      { numRuns: 2000 },
    );
  });

  test('a text of Latin letters and typographic punctuation (read character by character) normalises as any text', () => {
    // Every character that pass reads, with marks and characters it hands over to the general one.
    const latin = Array.from({ length: 0x250 }, (_, code) => String.fromCharCode(code));
    const punctuation = Array.from({ length: 0x70 }, (_, code) => String.fromCharCode(0x2000 + code));
    const unit = fc.constantFrom(...latin, ...punctuation, '\u0301', '\u0327', 'Σ', 'Ω', '€', '😀');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (value) => {
        expect(normalizeForSearch(value)).toBe(reference(value).join(' '));
        expect(searchWords(value)).toEqual(reference(value));
      }),
      { numRuns: 5000 },
    );
    for (const character of [...latin, ...punctuation])
      expect(normalizeForSearch(`A${character}b${character}`)).toBe(reference(`A${character}b${character}`).join(' '));
  });

  test('sorts names in French order, accents ignored', () => {
    expect(['Zoé', 'élise', 'Emma', 'Éric'].sort(compareLabels)).toEqual(['élise', 'Emma', 'Éric', 'Zoé']);
  });
});
