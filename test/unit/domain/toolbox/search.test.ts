import { describe, expect, test } from 'vitest';
import { matchesSearch, searchWords } from '../../../../src/domain/toolbox/search';
import { STARTER_ITEMS } from '../../../../src/domain/toolbox/starter';

const find = (query: string) =>
  STARTER_ITEMS.filter((item) =>
    matchesSearch({ ...item, tags: item.tags ?? [], description: item.description ?? null }, searchWords(query)),
  ).map((item) => item.title);

describe('searching the valise', () => {
  test('finds by title, ignoring case and accents', () => {
    expect(find('videoprojecteur')).toEqual(['Vidéoprojecteur']);
  });

  test('finds by tag and by words of the description', () => {
    expect(find('nextcloud')).toEqual(['Drive partagé']);
    expect(find('gouvernance')).toEqual(['Conduire un diagnostic']);
  });

  test('needs every word typed', () => {
    expect(find('salon paiement')).toEqual(['Terminal de paiement']);
    expect(find('salon introuvable')).toEqual([]);
  });

  test('an empty search keeps everything', () => {
    expect(find('  ')).toHaveLength(STARTER_ITEMS.length);
  });
});
