// Two diagnostics of one lieu (or territory) side by side: how each section's score moved,
// and which answers changed. The two may use different versions of a grid: sections and
// questions are matched by their ids, which a new version keeps.
import type { Answer, Diagnostic, DiagnosticTemplate, Question } from './diagnostic';
import { type AnswerWords, describeAnswer, FRENCH_ANSWER_WORDS, sameAnswer } from './diagnostic-answers';
import { scoreGrid } from './diagnostic-score';

interface Filled {
  template: DiagnosticTemplate;
  answers: Readonly<Record<string, Answer>>;
}

interface SectionDelta {
  sectionId: string;
  title: string;
  before: number | null;
  after: number | null;
  /** after − before, in points; null when either has no score. */
  delta: number | null;
}

interface AnswerChange {
  questionId: string;
  section: string;
  question: string;
  before: string;
  after: string;
}

interface Comparison {
  sections: SectionDelta[];
  overall: Omit<SectionDelta, 'sectionId' | 'title'>;
  changes: AnswerChange[];
}

function difference(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

export function compareDiagnostics(
  before: Filled,
  after: Filled,
  words: AnswerWords = FRENCH_ANSWER_WORDS,
): Comparison {
  const scoresBefore = scoreGrid(before.template, before.answers);
  const scoresAfter = scoreGrid(after.template, after.answers);
  const beforeById = new Map(scoresBefore.sections.map((score) => [score.sectionId, score]));
  const afterIds = new Set(scoresAfter.sections.map((score) => score.sectionId));
  const sections: SectionDelta[] = [
    ...scoresAfter.sections.map((score) => {
      const old = beforeById.get(score.sectionId)?.percent ?? null;
      return {
        sectionId: score.sectionId,
        title: score.title,
        before: old,
        after: score.percent,
        delta: difference(old, score.percent),
      };
    }),
    // A section the newer grid dropped still shows what it was.
    ...scoresBefore.sections
      .filter((score) => !afterIds.has(score.sectionId))
      .map((score) => ({
        sectionId: score.sectionId,
        title: score.title,
        before: score.percent,
        after: null,
        delta: null,
      })),
  ];

  const changes: AnswerChange[] = [];
  const seen = new Set<string>();
  const questionsOf = (template: DiagnosticTemplate) =>
    template.sections.flatMap((section) => section.questions.map((question) => ({ section, question })));
  const oldQuestions = new Map(questionsOf(before.template).map((entry) => [entry.question.id, entry.question]));
  const consider = (sectionTitle: string, question: Question, oldQuestion: Question | undefined) => {
    if (seen.has(question.id)) return;
    seen.add(question.id);
    const was = before.answers[question.id];
    const is = after.answers[question.id];
    if (sameAnswer(was, is)) return;
    changes.push({
      questionId: question.id,
      section: sectionTitle,
      question: question.label,
      before: describeAnswer(oldQuestion ?? question, was, words),
      after: describeAnswer(question, is, words),
    });
  };
  for (const { section, question } of questionsOf(after.template))
    consider(section.title, question, oldQuestions.get(question.id));
  for (const { section, question } of questionsOf(before.template)) consider(section.title, question, question);

  return {
    sections,
    overall: {
      before: scoresBefore.overall,
      after: scoresAfter.overall,
      delta: difference(scoresBefore.overall, scoresAfter.overall),
    },
    changes,
  };
}

/**
 * The other diagnostics worth comparing with this one: same lieu (or, without a lieu, same
 * territory name) and a version of the same grid; newest first.
 */
export function comparableWith(
  diagnostic: Diagnostic,
  others: readonly Diagnostic[],
  familyOf: (templateId: string) => string | undefined,
): Diagnostic[] {
  const family = familyOf(diagnostic.templateId);
  const sameSubject = (other: Diagnostic) =>
    diagnostic.organisationId
      ? other.organisationId === diagnostic.organisationId
      : !other.organisationId &&
        !!diagnostic.territoryLabel &&
        other.territoryLabel?.trim().toLowerCase() === diagnostic.territoryLabel.trim().toLowerCase();
  return others
    .filter(
      (other) =>
        other.id !== diagnostic.id && !other.deleted && sameSubject(other) && familyOf(other.templateId) === family,
    )
    .sort((a, b) => (a.filledOn < b.filledOn ? 1 : a.filledOn > b.filledOn ? -1 : 0));
}
