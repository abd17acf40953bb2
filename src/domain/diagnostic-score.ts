// Scores of a filled grid. A question counts when it is scored, has a weight and says how
// far along the project is (a scale, or choices whose options carry a score). "Passé" and
// "Ne sait pas" are not 0: they leave the question out of the score and are counted apart,
// so a section nobody could answer shows no score rather than a failing one.
import type { Answer, DiagnosticTemplate, Question, Section } from './diagnostic';

const MAX_LEVEL = 4;

export interface SectionScore {
  sectionId: string;
  title: string;
  /** 0–100, or null when no scorable question of the section has an answer. */
  percent: number | null;
  /** Questions of the section that can count toward its score. */
  scorable: number;
  /** Scorable questions answered, skipped, "ne sait pas", and not reached yet. */
  answered: number;
  skipped: number;
  unknown: number;
  unanswered: number;
}

export interface GridScore {
  sections: SectionScore[];
  /** Over every answered scorable question of the grid, weighted; null when there is none. */
  overall: number | null;
  /** The grid has at least one scorable question (otherwise no score is ever shown). */
  scorable: boolean;
}

type Answers = Readonly<Record<string, Answer>>;

export function activeQuestions(section: Section): Question[] {
  return section.questions.filter((question) => !question.retired);
}

/** Whether a question can count toward its section's score at all. */
function isScorable(question: Question): boolean {
  if (!question.scored || question.retired || (question.weight ?? 1) <= 0) return false;
  if (question.kind === 'scale') return true;
  if (question.kind === 'single' || question.kind === 'multiple')
    return (question.options ?? []).some((option) => typeof option.score === 'number');
  return false;
}

/**
 * How far an answer goes, 0–1; null when the answer does not count (skipped, unknown, empty,
 * or a choice without a score). Multiple choices add their options' scores up to the maximum
 * level: four scored options of 1 each reach the top.
 */
export function answerValue(question: Question, answer: Answer | undefined): number | null {
  if (answer?.status !== 'answered') return null;
  const { value } = answer;
  if (question.kind === 'scale') {
    return typeof value === 'number' && Number.isFinite(value) ? clamp(value / MAX_LEVEL) : null;
  }
  const scoreOf = (optionId: string) => question.options?.find((option) => option.id === optionId)?.score;
  if (question.kind === 'single') {
    const score = typeof value === 'string' ? scoreOf(value) : undefined;
    return typeof score === 'number' ? clamp(score / MAX_LEVEL) : null;
  }
  if (question.kind === 'multiple' && Array.isArray(value)) {
    const scores = value.map(scoreOf).filter((score): score is number => typeof score === 'number');
    // Nothing ticked is an answer ("none of these") worth 0; ticking only unscored options is not.
    if (value.length > 0 && scores.length === 0) return null;
    return clamp(scores.reduce((sum, score) => sum + score, 0) / MAX_LEVEL);
  }
  return null;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

interface Tally {
  weighted: number;
  weights: number;
}

function tallySection(section: Section, answers: Answers): { score: SectionScore; tally: Tally } {
  const tally: Tally = { weighted: 0, weights: 0 };
  const score: SectionScore = {
    sectionId: section.id,
    title: section.title,
    percent: null,
    scorable: 0,
    answered: 0,
    skipped: 0,
    unknown: 0,
    unanswered: 0,
  };
  for (const question of section.questions) {
    if (!isScorable(question)) continue;
    score.scorable += 1;
    const answer = answers[question.id];
    const value = answerValue(question, answer);
    if (value !== null) {
      score.answered += 1;
      const weight = question.weight ?? 1;
      tally.weighted += weight * value;
      tally.weights += weight;
    } else if (answer?.status === 'skipped') score.skipped += 1;
    else if (answer?.status === 'unknown') score.unknown += 1;
    else score.unanswered += 1;
  }
  score.percent = percentOf(tally);
  return { score, tally };
}

function percentOf({ weighted, weights }: Tally): number | null {
  return weights > 0 ? Math.round((weighted / weights) * 1000) / 10 : null;
}

export function scoreGrid(template: Pick<DiagnosticTemplate, 'sections'>, answers: Answers): GridScore {
  const total: Tally = { weighted: 0, weights: 0 };
  const sections = template.sections.map((section) => {
    const { score, tally } = tallySection(section, answers);
    total.weighted += tally.weighted;
    total.weights += tally.weights;
    return score;
  });
  return {
    sections,
    overall: percentOf(total),
    scorable: sections.some((section) => section.scorable > 0),
  };
}

/** Sections at or above this are strengths; below `WEAK`, where support is needed. */
const STRONG = 70;
const WEAK = 40;

interface Reading {
  strengths: SectionScore[];
  weaknesses: SectionScore[];
}

/** Strong and weak sections, strongest and weakest first, for the words under the chart. */
export function readScores(scores: readonly SectionScore[]): Reading {
  const scored = scores.filter((score): score is SectionScore & { percent: number } => score.percent !== null);
  return {
    strengths: scored.filter((score) => score.percent >= STRONG).sort((a, b) => b.percent - a.percent),
    weaknesses: scored.filter((score) => score.percent < WEAK).sort((a, b) => a.percent - b.percent),
  };
}

/** A section is done when each of its questions has an answer, a skip or a "ne sait pas". */
export function isSectionDone(section: Section, answers: Answers): boolean {
  return activeQuestions(section).every((question) => answers[question.id] !== undefined);
}

export function progressOf(template: Pick<DiagnosticTemplate, 'sections'>, answers: Answers) {
  const done = template.sections.filter((section) => isSectionDone(section, answers)).length;
  return { done, total: template.sections.length };
}
