// Editing a grid in memory before publishing it as a new version: small pure steps the
// editor calls, each returning a new draft (the published versions never change).

import type { GridContent } from '../../../db/diagnostics';
import type { Question, Section } from '../../../domain/diagnostic';
import { QUESTION_KINDS } from '../../../domain/diagnostic';

export type Draft = GridContent;

/** A short key no other question or choice of the grid has (answers are stored by it). */
export function newKey(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const KINDS = QUESTION_KINDS;

export function updateSection(draft: Draft, index: number, change: (section: Section) => Section): Draft {
  return { ...draft, sections: draft.sections.map((section, at) => (at === index ? change(section) : section)) };
}

export function updateQuestion(
  draft: Draft,
  sectionIndex: number,
  questionIndex: number,
  change: (question: Question) => Question,
): Draft {
  return updateSection(draft, sectionIndex, (section) => ({
    ...section,
    questions: section.questions.map((question, at) => (at === questionIndex ? change(question) : question)),
  }));
}

export function moveQuestion(draft: Draft, sectionIndex: number, questionIndex: number, by: -1 | 1): Draft {
  return updateSection(draft, sectionIndex, (section) => {
    const target = questionIndex + by;
    if (target < 0 || target >= section.questions.length) return section;
    const questions = [...section.questions];
    const [moved] = questions.splice(questionIndex, 1);
    if (moved) questions.splice(target, 0, moved);
    return { ...section, questions };
  });
}

export function addQuestion(draft: Draft, sectionIndex: number): Draft {
  const question: Question = {
    id: newKey('q'),
    kind: 'scale',
    label: '',
    help: null,
    scored: true,
    weight: 1,
    levels: ['', '', '', '', ''],
    retired: false,
  };
  return updateSection(draft, sectionIndex, (section) => ({ ...section, questions: [...section.questions, question] }));
}

export function addSection(draft: Draft): Draft {
  return { ...draft, sections: [...draft.sections, { id: newKey('s'), title: '', description: null, questions: [] }] };
}

/** A new kind keeps what still makes sense (levels for a scale, choices for a choice). */
export function withKind(question: Question, kind: Question['kind']): Question {
  const next: Question = { ...question, kind };
  if (kind === 'scale' && !next.levels) next.levels = ['', '', '', '', ''];
  if ((kind === 'single' || kind === 'multiple') && !next.options?.length)
    next.options = [{ id: newKey('o'), label: '', score: null }];
  if (kind !== 'scale' && kind !== 'single' && kind !== 'multiple') next.scored = false;
  return next;
}
