// French punctuation stays on the line of the word before it. A plain space before « : ; ? ! % »
// (or inside guillemets) lets a narrow phone screen start a line with the sign. The rule: a
// no-break space (U+00A0) before « : » and « % » and inside « », a narrow no-break space (U+202F)
// before « ; ? ! », and between the digits of a count (as Intl.NumberFormat writes it). The
// catalogues are read as source, so that the text of every template (a message with values) is
// checked too, without calling it; so are the French words of the exports (event recap, report
// summary, calendar), and a diagnostic's exports, written in French only, are checked as written.
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import type { Question } from '../../../../src/domain/diagnostic';
import { toMarkdown, toWikitext } from '../../../../src/domain/diagnostic-export';
import { buildReport } from '../../../../src/domain/diagnostic-report';
import { STARTER_TEMPLATES } from '../../../../src/domain/diagnostic-starters';
import { importMessages } from '../../../../src/ui/screens/contacts/import-messages';
import { messages as contactMessages } from '../../../../src/ui/screens/contacts/messages';
import { messages as toolboxMessages } from '../../../../src/ui/screens/toolbox/messages';
import { messages as syncMessages } from '../../../../src/ui/sync/messages';
import { laForgeDiagnostic, projectGrid } from '../../../fixtures/diagnostic';
import { lieuLines } from '../../../helpers/imports';

const LOOSE_SPACE = / [:;?!%](?![\p{L}\p{N}/_])|« | »/u;

const sources = import.meta.glob<string>(['../../../../src/ui/**/*.{ts,tsx}', '../../../../src/domain/**/*.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function isText(
  node: ts.Node,
): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node);
}

/** `file fr.key` of each French message whose text has a plain space before a sign. */
function looseSpaces(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const found = new Set<string>();
  const visit = (node: ts.Node, keys: readonly string[] | null): void => {
    let inner = keys;
    if (ts.isPropertyAssignment(node)) {
      const name = node.name.getText(file).replace(/^'|'$/g, '');
      inner = keys ? [...keys, name] : name === 'fr' ? [name] : null;
    }
    if (inner && isText(node) && LOOSE_SPACE.test(node.text)) found.add(`${path} ${inner.join('.')}`);
    ts.forEachChild(node, (child) => visit(child, inner));
  };
  visit(file, null);
  return [...found];
}

function questionTexts(question: Question): string[] {
  const options = question.options?.map((option) => option.label) ?? [];
  return [question.label, question.help ?? '', ...options, ...(question.levels ?? [])];
}

describe('French typography of the app’s own words', () => {
  const catalogues = Object.entries(sources).map(([path, source]) => [path.replace(/^(\.\.\/)+/, ''), source] as const);

  test('reads the French catalogues of every screen', () => {
    const withFrench = catalogues.filter(([, source]) => /^\s*fr: /m.test(source));
    expect(withFrench.length).toBeGreaterThan(30);
  });

  test('keeps « : ; ? ! % » and guillemets on the line of their word in every French message', () => {
    expect(catalogues.flatMap(([path, source]) => looseSpaces(path, source))).toEqual([]);
  });

  test('does the same in the built-in diagnostic grids', () => {
    const texts = STARTER_TEMPLATES.flatMap((template) => [
      template.title,
      template.description ?? '',
      ...template.sections.flatMap((section) => [
        section.title,
        section.description ?? '',
        ...section.questions.flatMap(questionTexts),
      ]),
    ]);
    expect(texts.filter((text) => text.includes('?')).length).toBeGreaterThan(0);
    expect(texts.filter((text) => LOOSE_SPACE.test(text))).toEqual([]);
  });

  test('does the same in a diagnostic’s Markdown and wikitext exports, all of whose words are the app’s', () => {
    // A score, a "ne sait pas", and a section whose questions were all skipped or not known.
    const diagnostic = laForgeDiagnostic({
      co_finalite: { status: 'answered', value: 4 },
      co_publics: { status: 'unknown' },
      pa_collectivites: { status: 'skipped' },
      pa_reseau: { status: 'skipped' },
      pa_acteurs: { status: 'unknown' },
    });
    const report = buildReport(projectGrid(), diagnostic, 'La Forge', '3 mars 2026');
    // A wikitable's header row is markup: its « !! » separate cells.
    const lines = [toMarkdown(report), toWikitext(report)].flatMap((text) => text.split('\n'));
    expect(lines.filter((line) => line.includes('ne sait pas')).length).toBeGreaterThan(1);
    expect(lines.filter((line) => !line.startsWith('!') && LOOSE_SPACE.test(line))).toEqual([]);
  });

  test('does the same in the notes an import of lieux writes from the columns it has no field for', () => {
    // Each such column keeps its name before its cell: « SIRET : 812… » is the app's punctuation.
    const [line] = lieuLines('Nom;SIRET;Réseaux sociaux\nLa Fabrique;81234567800012;@lafabrique\n');
    const notes = line && 'lieu' in line ? (line.lieu.notes ?? '') : '';
    expect(notes.split('\n')).toHaveLength(2);
    expect(notes.split('\n').filter((note) => LOOSE_SPACE.test(note))).toEqual([]);
  });

  test('groups the digits of a count of a thousand or more with a narrow no-break space', () => {
    // As the import's button and its progress show them at 360 px: never « 6000 », never cut after « 6 ».
    expect(importMessages.fr.confirm(6000)).toBe('Importer 6\u202f000 lieux');
    expect(importMessages.fr.writingCount(1000, 6000)).toBe('Écriture des lieux… 1\u202f000 sur 6\u202f000');
    expect(contactMessages.fr.importDone(1200, 0, 1)).toMatch(/^1\u202f200 personnes ajoutées, /);
    expect(syncMessages.fr.pending(1500)).toBe('1\u202f500 modifications à envoyer');
    expect(toolboxMessages.fr.showMissingCount(1200)).toBe('Ce qui manque (1\u202f200)');
    expect(importMessages.en.confirm?.(6000)).toBe('Import 6,000 places');
  });

  test('finds a plain space left before a sign, and names the message', () => {
    const slip =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source of a catalogue, parsed and never run
      "export const messages = { fr: { hint: 'Où ?', done: (n: number) => `Fait : ${n}` }, en: { hint: 'Where ?' } };";
    expect(looseSpaces('messages.ts', slip)).toEqual(['messages.ts fr.hint', 'messages.ts fr.done']);
  });
});
