import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareLabels, matchesWords, normalizeForSearch, queryWords } from '../../../src/domain/search';

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

  test('any text, in any script or with broken surrogates, normalises to its runs of letters, digits, @ . +', () => {
    const runs = /[\p{L}\p{N}@.+]+/gu;
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...'aÉé œ’«»-.@+İı ß٣😀𝐀\u0301\ud800\udc00x9'), maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (value) => {
        const words = value
          .normalize('NFD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .match(runs);
        expect(normalizeForSearch(value)).toBe(words === null ? '' : words.join(' '));
      }),
      { numRuns: 2000 },
    );
  });

  test('sorts names in French order, accents ignored', () => {
    expect(['Zoé', 'élise', 'Emma', 'Éric'].sort(compareLabels)).toEqual(['élise', 'Emma', 'Éric', 'Zoé']);
  });
});
