// Search across the valise by title, tag and description, offline: every word typed must be
// found, accents and case ignored ("methode" finds "Fiche méthode").
import type { ToolboxItem } from '../toolbox';
import { parseRichText, plainText } from './rich-text';

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');
}

export function searchWords(query: string): string[] {
  return normalise(query).split(/\s+/).filter(Boolean);
}

export function matchesSearch(
  item: Pick<ToolboxItem, 'title' | 'tags' | 'description' | 'shelf'>,
  words: readonly string[],
): boolean {
  if (words.length === 0) return true;
  const haystack = normalise(
    [item.title, item.shelf ?? '', item.tags.join(' '), plainText(parseRichText(item.description ?? ''))].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}
