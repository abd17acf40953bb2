// A component's words come from a catalogue, in the reader's language: a text written in the
// markup (a heading, an aria-label, a placeholder) would stay French in the English app, and
// the catalogue parity test would never see it. Read as source, like the other i18n checks.
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const components = import.meta.glob<string>('../../../../src/ui/**/*.tsx', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Attributes a person reads or hears. */
const SPOKEN = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'description',
]);

const hasWords = (text: string) => /\p{L}{2,}/u.test(text);

function isLiteral(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** `file:line what` for each word written in a component's markup. */
function wordsInMarkup(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${at(node)} ${node.text.trim()}`);
    if (ts.isJsxExpression(node) && node.expression && isLiteral(node.expression) && hasWords(node.expression.text)) {
      const attribute = ts.isJsxAttribute(node.parent) ? node.parent.name.getText(file) : null;
      if (attribute === null || SPOKEN.has(attribute)) found.push(`${at(node)} ${node.expression.text}`);
    }
    if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(file);
      if (SPOKEN.has(name) && hasWords(node.initializer.text))
        found.push(`${at(node)} ${name}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('the words of the components', () => {
  const sources = Object.entries(components).map(([path, source]) => [path.replace(/^(\.\.\/)+/, ''), source] as const);

  test('are read from every component', () => {
    expect(sources.length).toBeGreaterThan(100);
  });

  test('all come from a catalogue: no text, aria-label, title or placeholder written in the markup', () => {
    expect(sources.flatMap(([path, source]) => wordsInMarkup(path, source))).toEqual([]);
  });

  test('a word left in the markup is named, a class name or an icon is not', () => {
    const slip = [
      'export const A = () => (',
      '  <section class="stack" aria-label="Filtres">',
      '    <h2>Réglages</h2>',
      '    <Icon name="visits" />',
      '    <input placeholder={\'Rechercher\'} type="search" />',
      "    <p>{'Aucun résultat'}{t.more} · 3</p>",
      '  </section>',
      ');',
    ].join('\n');
    expect(wordsInMarkup('A.tsx', slip)).toEqual([
      'A.tsx:2 aria-label="Filtres"',
      'A.tsx:3 Réglages',
      'A.tsx:5 Rechercher',
      'A.tsx:6 Aucun résultat',
    ]);
  });
});
