// A diagnostic as Markdown and as MediaWiki wikitext, the page a network pastes into its wiki.
// Whatever people typed is escaped, so an answer never turns into markup or breaks a table.
import type { Report } from './diagnostic-report';
import { countedText, sectionScoreText } from './diagnostic-report';
import { markdownText, wikiText } from './markup-text';
import { formatPercent } from './numbers';

function overallText(report: Report): string {
  if (!report.score.scorable) return 'pas de score (aucune question notée)';
  return report.score.overall === null ? 'pas encore de score' : formatPercent(report.score.overall, 'fr');
}

/**
 * "Sections terminées : 0 sur 10", the words the diagnostic's page uses: "remplies 0/10" read as
 * a contradiction beside a score, since a section with some answers has a score but is not done.
 */
function progressText(report: Report): string {
  return `Sections terminées\u00a0: ${report.progress.done} sur ${report.progress.total}`;
}

// ---- Markdown ---------------------------------------------------------------------------

export function toMarkdown(report: Report): string {
  const lines: string[] = [
    `# ${markdownText(report.title)}`,
    '',
    `- Date\u00a0: ${report.date}`,
    `- Grille\u00a0: ${markdownText(report.grid)} (version ${report.version})`,
    `- ${progressText(report)}`,
    `- Score global\u00a0: ${overallText(report)}`,
    '',
    '## Scores par section',
    '',
    '| N° | Section | Score | Questions comptées |',
    '|---|---|---|---|',
    ...report.sections.map(
      (section) =>
        `| ${section.number} | ${markdownText(section.title)} | ${sectionScoreText(section.score)} | ${countedText(section.score)} |`,
    ),
    '',
    `**Points forts**\u00a0: ${markdownText(report.strengths)}`,
    '',
    `**À accompagner**\u00a0: ${markdownText(report.weaknesses)}`,
  ];
  for (const section of report.sections) {
    lines.push('', `## ${section.number}. ${markdownText(section.title)}`, '');
    if (section.score.scorable > 0) lines.push(`Score\u00a0: ${sectionScoreText(section.score)}`, '');
    for (const { question, answer } of section.answers)
      lines.push(`- **${markdownText(question)}**\u00a0: ${markdownText(answer)}`);
    if (section.comment) {
      lines.push('', ...section.comment.split(/\r\n|\r|\n/).map((line) => `> ${markdownText(line, '')}`.trimEnd()));
    }
  }
  return `${lines.join('\n')}\n`;
}

// ---- MediaWiki --------------------------------------------------------------------------

export function toWikitext(report: Report): string {
  const lines: string[] = [
    `== ${wikiText(report.title)} ==`,
    '',
    `* Date\u00a0: ${report.date}`,
    `* Grille\u00a0: ${wikiText(report.grid)} (version ${report.version})`,
    `* ${progressText(report)}`,
    `* Score global\u00a0: ${overallText(report)}`,
    '',
    '=== Scores par section ===',
    '{| class="wikitable"',
    '! N° !! Section !! Score !! Questions comptées',
    ...report.sections.flatMap((section) => [
      '|-',
      `| ${section.number} || ${wikiText(section.title)} || ${sectionScoreText(section.score)} || ${countedText(section.score)}`,
    ]),
    '|}',
    '',
    `'''Points forts'''\u00a0: ${wikiText(report.strengths)}`,
    '',
    `'''À accompagner'''\u00a0: ${wikiText(report.weaknesses)}`,
  ];
  for (const section of report.sections) {
    lines.push('', `=== ${section.number}. ${wikiText(section.title)} ===`);
    if (section.score.scorable > 0) lines.push(`Score\u00a0: ${sectionScoreText(section.score)}`, '');
    for (const { question, answer } of section.answers)
      lines.push(`* '''${wikiText(question)}'''\u00a0: ${wikiText(answer)}`);
    if (section.comment) lines.push('', `<blockquote>${wikiText(section.comment)}</blockquote>`);
  }
  return `${lines.join('\n')}\n`;
}
