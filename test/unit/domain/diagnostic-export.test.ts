// The exports against golden files, read as a network's wiki would get them. To change the
// format on purpose, regenerate with UPDATE_GOLDEN=1 and read the diff before committing.
// (The Markdown file ends in .txt so the formatter leaves its bytes alone.)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { toMarkdown, toWikitext } from '../../../src/domain/diagnostic-export';
import { buildReport } from '../../../src/domain/diagnostic-report';
import { wikiText } from '../../../src/domain/markup-text';
import { laForgeDiagnostic, projectGrid } from '../../fixtures/diagnostic';

const GOLDEN = join(import.meta.dirname, '../../fixtures/diagnostics');
const template = projectGrid();
const diagnostic = laForgeDiagnostic(
  {
    id_porteurs: { status: 'answered', value: 'Camille | Hugo [[Utilisateur:Hugo]]' },
    id_type: { status: 'answered', value: 'fablab' },
    id_creation: { status: 'skipped' },
    id_stade: { status: 'answered', value: 3 },
    co_finalite: { status: 'answered', value: 4 },
    co_noyau: { status: 'answered', value: 3 },
    co_publics: { status: 'unknown' },
    co_publics_cibles: { status: 'answered', value: '* des makers\n* des lycéens le mercredi' },
    go_decision: { status: 'answered', value: 1 },
    go_charte: { status: 'answered', value: 0 },
    go_implication: { status: 'skipped' },
    go_mode: { status: 'answered', value: 'seul' },
    ec_sources: { status: 'answered', value: ['location', 'subventions'] },
    ec_budget: { status: 'answered', value: 42500.5 },
    pa_collectivites: { status: 'skipped' },
    pa_reseau: { status: 'skipped' },
    pa_acteurs: { status: 'unknown' },
  },
  { communaute: 'Un collectif de vingt bénévoles.\nÀ revoir en septembre : <b>pas</b> de __TOC__.' },
);

const report = buildReport(template, diagnostic, 'La Forge des Possibles', '3 mars 2026');

function golden(name: string, actual: string): string {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 and read it`);
  return readFileSync(path, 'utf8');
}

describe('diagnostic exports', () => {
  test('Markdown matches the golden file', () => {
    const markdown = toMarkdown(report);
    expect(markdown).toBe(golden('la-forge.md.txt', markdown));
  });

  test('wikitext matches the golden file', () => {
    const wikitext = toWikitext(report);
    expect(wikitext).toBe(golden('la-forge.wiki', wikitext));
  });

  test('says a section whose questions were all skipped has no score, not 0 %', () => {
    expect(toMarkdown(report)).toContain(
      '| 8 | Partenariats & ancrage local | Questions passées ou «\u00a0ne sait pas\u00a0» | 0/3, 2 passées, 1 «\u00a0ne sait pas\u00a0» |',
    );
  });

  test('an answer never becomes wiki markup, and cannot close its own protection', () => {
    expect(wikiText('a | b')).toBe('<nowiki>a | b</nowiki>');
    expect(wikiText('* liste')).toBe('<nowiki>* liste</nowiki>');
    expect(wikiText('x</nowiki>[[Lien]]')).toBe('<nowiki>x&lt;/nowiki>[[Lien]]</nowiki>');
    // Entities are read inside <nowiki>: written as entities, they show as typed.
    expect(wikiText('&amp; &#91;')).toBe('<nowiki>&amp;amp; &amp;#91;</nowiki>');
    expect(wikiText('Pays de Saint-Malo & Rance')).toBe('Pays de Saint-Malo & Rance');
  });
});

describe('an answer that tries to leave its wikitext protection', () => {
  // MediaWiki ends <nowiki> at `</nowiki\s*>`, in any case.
  test.each(['</nowiki>', '</nowiki >', '</nowiki\t>', '</NOWIKI>', '</NoWiKi  >'])(
    'stays inside it with %j',
    (closing) => {
      const text = wikiText(`x${closing}[[Spécial:Déconnexion]] {{Modèle}} <script>`);
      const inner = text.replace(/^<nowiki>/, '').replace(/<\/nowiki>$/, '');
      expect(text.startsWith('<nowiki>') && text.endsWith('</nowiki>')).toBe(true);
      expect(inner).not.toMatch(/<\/?nowiki/i);
      expect(inner).not.toContain('<');
    },
  );

  test('in a diagnostic answer and a section comment', () => {
    const hostile = 'ok</nowiki >[[Catégorie:Piège]]';
    const wikitext = toWikitext(
      buildReport(
        template,
        {
          ...diagnostic,
          answers: { ...diagnostic.answers, id_porteurs: { status: 'answered', value: hostile } },
          sectionComments: { communaute: `${hostile}\r</NOWIKI\t>{{Modèle}}` },
        },
        'La Forge',
        '3 mars 2026',
      ),
    );
    expect(wikitext).not.toMatch(/<\/nowiki\s+>/i);
    expect(wikitext).not.toMatch(/<\/NOWIKI/);
    expect(wikitext).toContain('<nowiki>ok&lt;/nowiki >[[Catégorie:Piège]]</nowiki>');
    expect(wikitext).toContain('<br /><nowiki>&lt;/NOWIKI\t>{{Modèle}}</nowiki></blockquote>');
  });

  test('a bare CR is a line break, never a way to start a heading or a list', () => {
    expect(wikiText('a\r== Titre ==')).toBe('a<br /><nowiki>== Titre ==</nowiki>');
    expect(wikiText('a\r\n* point')).toBe('a<br /><nowiki>* point</nowiki>');
  });
});
