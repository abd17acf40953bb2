// The English app names the network's French vocabulary one way: a tiers-lieu is a "third
// place", the words an English reader knows it by (Oldenburg's), as the kind of a lieu already
// said. "Support tiers-lieux project holders" sat beside "Third place" and "the census of third
// places" (new-user day, s15). Read as source, like the other catalogue checks; the network's
// own data (the starter valise, the diagnostic grids) is French by design and has no English.
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const sources = import.meta.glob<string>(['../../../../src/ui/**/*.{ts,tsx}', '../../../../src/domain/**/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** French words an English text must not carry. */
const FRENCH_IN_ENGLISH = /tiers[- ]lieu/i;

function isText(
  node: ts.Node,
): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node);
}

/** `file:line text` of each English text (under an `en` key) that carries a French word. */
function frenchInEnglish(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node, inEnglish: boolean): void => {
    const english = inEnglish || (ts.isPropertyAssignment(node) && node.name.getText(file) === 'en');
    if (english && isText(node) && FRENCH_IN_ENGLISH.test(node.text)) {
      found.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${node.text}`);
    }
    ts.forEachChild(node, (child) => visit(child, english));
  };
  visit(file, false);
  return found;
}

describe('the English catalogues', () => {
  const catalogues = Object.entries(sources).map(([path, source]) => [path.replace(/^(\.\.\/)+/, ''), source] as const);

  test('say “third place”, never the French “tiers-lieu”', () => {
    expect(catalogues.flatMap(([path, source]) => frenchInEnglish(path, source))).toEqual([]);
  });

  test('a French word in an English text is named, the same word in French is not', () => {
    const slip = [
      'export const labels = {',
      "  fr: { about: 'Les réseaux de tiers-lieux' },",
      "  en: { about: 'Networks of tiers-lieux', kind: (n: number) => n + ' Tiers-lieu' },",
      '};',
    ].join('\n');
    expect(frenchInEnglish('labels.ts', slip)).toEqual([
      'labels.ts:3 Networks of tiers-lieux',
      'labels.ts:3  Tiers-lieu',
    ]);
  });
});
