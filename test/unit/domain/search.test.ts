import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lieuDuplicateKeys, personDuplicateKeys } from '../../../src/domain/duplicate-keys';
import {
  compareLabels,
  holdsInvisible,
  matchesWords,
  normalizeForSearch,
  queryWords,
  searchWords,
} from '../../../src/domain/search';

/** Characters drawn as nothing, which a copy from a PDF or a web page slips into names. */
const INVISIBLES = [
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2060',
  '\u2064',
  '\u2066',
  '\u2069',
  '\ufeff',
];
const VISIBLE = 'aÉé œ’«»-.@+İı ß٣😀𝐀\u0301\ud800\udc00x9';

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

  test('reads a word holding an invisible character (soft hyphen, zero-width space, direction mark) as the word', () => {
    for (const invisible of INVISIBLES) {
      expect(normalizeForSearch(`Fab${invisible}Lab`)).toBe('fablab');
      expect(normalizeForSearch(`Réem${invisible}ploi Ω`)).toBe('reemploi ω');
      expect(holdsInvisible(`Fab${invisible}Lab`)).toBe(true);
    }
    expect(matchesWords(queryWords('fablab'), ['Tiers-lieu Fab\u00adLab'])).toBe(true);
    expect(matchesWords(queryWords('Fab\u00adLab'), ['Tiers-lieu FabLab'])).toBe(true);
  });

  test('an invisible character slipped anywhere never changes a search text nor a duplicate key', () => {
    const visible = fc.string({ unit: fc.constantFrom(...VISIBLE), maxLength: 30 });
    /** The text with invisible characters inserted at some of its code units. */
    const slipped = (text: string) =>
      fc
        .array(fc.tuple(fc.nat(text.length), fc.constantFrom(...INVISIBLES)), { minLength: 1, maxLength: 4 })
        .map((inserts) =>
          [...inserts]
            .sort(([a], [b]) => b - a)
            .reduce((value, [at, invisible]) => value.slice(0, at) + invisible + value.slice(at), text),
        );
    const names = fc.tuple(visible, visible, visible).chain(([name, commune, email]) =>
      fc.record({
        name: fc.constant(name),
        commune: fc.constant(commune),
        email: fc.constant(email),
        pastedName: slipped(name),
        pastedCommune: slipped(commune),
        pastedEmail: slipped(email),
      }),
    );
    fc.assert(
      fc.property(names, (value) => {
        expect(holdsInvisible(value.name)).toBe(false);
        expect(normalizeForSearch(value.pastedName)).toBe(normalizeForSearch(value.name));
        expect(searchWords(value.pastedName)).toEqual(searchWords(value.name));
        const lieu = (name: string, commune: string, email: string) =>
          lieuDuplicateKeys({ name, commune, inseeCode: null, email, phone: null });
        expect(lieu(value.pastedName, value.pastedCommune, value.pastedEmail)).toEqual(
          lieu(value.name, value.commune, value.email),
        );
        const person = (name: string, email: string) => personDuplicateKeys({ name, email, phone: null });
        expect(person(value.pastedName, value.pastedEmail)).toEqual(person(value.name, value.email));
      }),
      { numRuns: 1000 },
    );
  });

  test('keeps email and phone characters searchable', () => {
    expect(normalizeForSearch('Camille.Martin@Exemple.fr')).toBe('camille.martin@exemple.fr');
    expect(matchesWords(queryWords('+33 6'), ['+33 6 12 34 56 78'])).toBe(true);
  });

  /**
   * What a text normalises to, by the definition: its runs of letters, digits, @ . + once the
   * characters drawn as nothing and the marks are gone (a text without the former reads as it
   * did before they were dropped).
   */
  const reference = (value: string) =>
    value
      .replace(/[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}@.+]+/gu) ?? [];

  test('any text, in any script or with broken surrogates, normalises to its runs of letters, digits, @ . +', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.constantFrom(...VISIBLE, ...INVISIBLES), maxLength: 40 }),
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
    const unit = fc.constantFrom(...latin, ...punctuation, '\u0301', '\u0327', 'Σ', 'Ω', '€', '😀', '\ufeff', '\u061c');
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
