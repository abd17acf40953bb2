// A filled diagnostic as a document: the same content for the Markdown and MediaWiki exports
// and the printed report. Written in French, like the network's grids and wiki.
import type { Diagnostic, DiagnosticTemplate } from './diagnostic';
import { describeAnswer } from './diagnostic-answers';
import {
  activeQuestions,
  type GridScore,
  progressOf,
  readScores,
  type SectionScore,
  scoreGrid,
} from './diagnostic-score';
import { formatPercent } from './numbers';

interface ReportSection {
  number: number;
  title: string;
  score: SectionScore;
  answers: { question: string; answer: string }[];
  comment: string | null;
}

export interface Report {
  title: string;
  subject: string;
  /** The day as people read it ("3 mars 2026"), given by the caller. */
  date: string;
  grid: string;
  version: number;
  progress: { done: number; total: number };
  score: GridScore;
  strengths: string;
  weaknesses: string;
  sections: ReportSection[];
}

/** "75 %", or why there is none. */
export function sectionScoreText(score: SectionScore): string {
  if (score.scorable === 0) return 'Non noté';
  if (score.percent !== null) return formatPercent(score.percent, 'fr');
  return score.answered === 0 && score.unanswered === 0
    ? 'Questions passées ou «\u00a0ne sait pas\u00a0»'
    : 'Pas de score';
}

export function countedText(score: SectionScore): string {
  if (score.scorable === 0) return '—';
  const parts = [`${score.answered}/${score.scorable}`];
  if (score.skipped > 0) parts.push(`${score.skipped} passée${score.skipped > 1 ? 's' : ''}`);
  if (score.unknown > 0) parts.push(`${score.unknown} «\u00a0ne sait pas\u00a0»`);
  return parts.join(', ');
}

export function buildReport(
  template: DiagnosticTemplate,
  diagnostic: Diagnostic,
  subject: string,
  date: string,
): Report {
  const score = scoreGrid(template, diagnostic.answers);
  const reading = readScores(score.sections);
  const listed = (sections: SectionScore[], none: string) =>
    sections.length === 0 ? none : sections.map((s) => `${s.title} (${sectionScoreText(s)})`).join(', ');
  return {
    title: `${template.title} — ${subject}`,
    subject,
    date,
    grid: template.title,
    version: template.version,
    progress: progressOf(template, diagnostic.answers),
    score,
    strengths: listed(reading.strengths, 'aucune section n’atteint 70\u00a0%'),
    weaknesses: listed(reading.weaknesses, 'aucune section sous 40\u00a0%'),
    sections: template.sections.map((section, index) => ({
      number: index + 1,
      title: section.title,
      score: score.sections[index] as SectionScore,
      answers: activeQuestions(section).map((question) => ({
        question: question.label,
        answer: describeAnswer(question, diagnostic.answers[question.id]),
      })),
      comment: diagnostic.sectionComments[section.id]?.trim() || null,
    })),
  };
}
