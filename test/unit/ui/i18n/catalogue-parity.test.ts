// The English catalogue says what the French one says: every French message has an English one
// (a missing key would show French in the English app, with no error), of the same kind, with
// the same values in it (a count or a name dropped from a translation goes unnoticed on
// screen), and written with English numbers. Read as source, like the typography test, so the
// catalogues that are not exported (the exports' words, the server's refusals) are checked too.
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const sources = import.meta.glob<string>(['../../../../src/ui/**/*.{ts,tsx}', '../../../../src/domain/**/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

type Fn = ts.ArrowFunction | ts.FunctionExpression;

const isFunction = (node: ts.Node): node is Fn => ts.isArrowFunction(node) || ts.isFunctionExpression(node);
const isText = (node: ts.Node) =>
  ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);

function keyOf(name: ts.PropertyName | undefined, file: ts.SourceFile): string {
  return name ? name.getText(file).replace(/^['"]|['"]$/g, '') : '';
}

function properties(node: ts.ObjectLiteralExpression, file: ts.SourceFile): Map<string, ts.Node> | null {
  const found = new Map<string, ts.Node>();
  for (const property of node.properties) {
    // A spread's keys are not in the source: nothing to compare.
    if (ts.isSpreadAssignment(property)) return null;
    const key = keyOf(property.name, file);
    found.set(key, ts.isPropertyAssignment(property) ? property.initializer : property);
  }
  return found;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Which of a message's parameters its text uses, by position. */
function usedParameters(fn: Fn): boolean[] {
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    const isMemberName =
      (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) ||
      (ts.isPropertyAssignment(node.parent) && node.parent.name === node);
    if (ts.isIdentifier(node) && !isMemberName) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return fn.parameters.map((parameter) => bindingNames(parameter.name).some((name) => used.has(name)));
}

/** Calls in a language's messages that format for the other language (`formatNumber(n, 'fr')`). */
function otherLanguageCalls(node: ts.Node, other: string, file: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (inner: ts.Node): void => {
    if (ts.isCallExpression(inner) && inner.arguments.some((arg) => ts.isStringLiteral(arg) && arg.text === other)) {
      found.push(inner.getText(file));
    }
    ts.forEachChild(inner, visit);
  };
  visit(node);
  return found;
}

/** `file:line key: problem` for each way the English messages differ from the French ones. */
function catalogueGaps(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const gaps: string[] = [];
  const compare = (fr: ts.Node, en: ts.Node, where: string): void => {
    const at = `${path}:${file.getLineAndCharacterOfPosition(en.getStart()).line + 1} ${where}`;
    if (ts.isObjectLiteralExpression(fr) && ts.isObjectLiteralExpression(en)) {
      const french = properties(fr, file);
      const english = properties(en, file);
      if (!french || !english) return;
      for (const [key, value] of french) {
        const translation = english.get(key);
        if (translation) compare(value, translation, where ? `${where}.${key}` : key);
        else gaps.push(`${at}${where ? '.' : ''}${key}: no English`);
      }
      for (const key of english.keys()) if (!french.has(key)) gaps.push(`${at}${where ? '.' : ''}${key}: no French`);
    } else if (isFunction(fr) && isFunction(en)) {
      const [french, english] = [usedParameters(fr), usedParameters(en)];
      if (french.length !== english.length) {
        gaps.push(`${at}: ${french.length} values in French, ${english.length} in English`);
      } else if (french.some((used, index) => used !== english[index])) {
        gaps.push(
          `${at}: uses values ${french.map(Number).join('')} in French, ${english.map(Number).join('')} in English`,
        );
      }
    } else if ((isFunction(fr) && isText(en)) || (isText(fr) && isFunction(en))) {
      gaps.push(
        `${at}: a ${isFunction(fr) ? 'function' : 'text'} in French, a ${isFunction(en) ? 'function' : 'text'} in English`,
      );
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      const languages = properties(node, file);
      const [fr, en] = [languages?.get('fr'), languages?.get('en')];
      if (fr && en) {
        compare(fr, en, '');
        const line = `${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        for (const call of otherLanguageCalls(en, 'fr', file)) gaps.push(`${line} English formats for French: ${call}`);
        for (const call of otherLanguageCalls(fr, 'en', file)) gaps.push(`${line} French formats for English: ${call}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return gaps;
}

describe('the English catalogues', () => {
  const catalogues = Object.entries(sources).map(([path, source]) => [path.replace(/^(\.\.\/)+/, ''), source] as const);

  test('are read from every screen, component and export that has words in both languages', () => {
    const bilingual = catalogues.filter(([, source]) => /^\s*fr: /m.test(source) && /^\s*en: /m.test(source));
    expect(bilingual.length).toBeGreaterThan(30);
  });

  test('have every French message, of the same kind, with the same values in it, in English numbers', () => {
    expect(catalogues.flatMap(([path, source]) => catalogueGaps(path, source))).toEqual([]);
  });

  test('name a message missing in English, a dropped value, a text for a function and a French number', () => {
    // Written without template literals, which the lint would read as mistyped ones.
    const slip = [
      'export const messages = {',
      '  fr: { title: "Visites", hint: "Aide", count: (n: number, name: string) => n + " de " + name,',
      '        done: (n: number) => n + " faits", size: (n: number) => formatNumber(n, "fr") + " Ko", words: { a: "A", b: "B" } },',
      '  en: { title: "Visits", count: (n: number, name: string) => n + " visits",',
      '        done: "Done", size: (n: number) => formatNumber(n, "fr") + " KB", words: { a: "A" } },',
      '};',
    ].join('\n');
    expect(catalogueGaps('messages.ts', slip)).toEqual([
      'messages.ts:4 hint: no English',
      'messages.ts:4 count: uses values 11 in French, 10 in English',
      'messages.ts:5 done: a function in French, a text in English',
      'messages.ts:5 words.b: no English',
      'messages.ts:1 English formats for French: formatNumber(n, "fr")',
    ]);
  });
});
