// Moving a diagnostic to a newer version of its grid. An answer goes along when its question
// still exists, is still asked, has the same kind and its choices still exist; any other
// answer is set aside on the diagnostic (kept, listed, never deleted).
import type { Answer, DiagnosticTemplate, Question } from './diagnostic';

interface SetAsideAnswer {
  questionId: string;
  /** The question as the older version asked it. */
  label: string;
  answer: Answer;
  reason: 'removed' | 'retired' | 'kind_changed' | 'choice_removed';
}

export interface Migration {
  carried: Record<string, Answer>;
  setAside: SetAsideAnswer[];
}

function questionsById(template: DiagnosticTemplate): Map<string, Question> {
  return new Map(template.sections.flatMap((section) => section.questions.map((question) => [question.id, question])));
}

function whyNotCarried(answer: Answer, before: Question, after: Question | undefined): SetAsideAnswer['reason'] | null {
  if (!after) return 'removed';
  if (after.retired) return 'retired';
  if (after.kind !== before.kind) return 'kind_changed';
  if (answer.status !== 'answered') return null;
  const options = new Set((after.options ?? []).map((option) => option.id));
  const chosen = Array.isArray(answer.value) ? answer.value : typeof answer.value === 'string' ? [answer.value] : [];
  if ((after.kind === 'single' || after.kind === 'multiple') && chosen.some((id) => !options.has(id)))
    return 'choice_removed';
  return null;
}

export function migrateAnswers(
  answers: Readonly<Record<string, Answer>>,
  from: DiagnosticTemplate,
  to: DiagnosticTemplate,
): Migration {
  const before = questionsById(from);
  const after = questionsById(to);
  const carried: Record<string, Answer> = {};
  const setAside: SetAsideAnswer[] = [];
  for (const [questionId, answer] of Object.entries(answers)) {
    const old = before.get(questionId);
    // An answer to a question the old grid did not have either is kept as it is.
    const reason = old ? whyNotCarried(answer, old, after.get(questionId)) : after.has(questionId) ? null : 'removed';
    if (reason === null) carried[questionId] = answer;
    else setAside.push({ questionId, label: old?.label ?? questionId, answer, reason });
  }
  return { carried, setAside };
}

interface OrphanedQuestion {
  questionId: string;
  label: string;
  /** How many diagnostics hold an answer to it that a move to the new version would set aside. */
  diagnostics: number;
}

/**
 * What publishing `draft` would leave behind: for the diagnostics filled with an older version
 * of the same grid, the answers a move to the draft would set aside, by question.
 */
export function orphanedByDraft(
  diagnostics: readonly { templateId: string; answers: Readonly<Record<string, Answer>> }[],
  versions: readonly DiagnosticTemplate[],
  draft: DiagnosticTemplate,
): OrphanedQuestion[] {
  const byId = new Map(versions.map((version) => [version.id, version]));
  const counts = new Map<string, OrphanedQuestion>();
  for (const diagnostic of diagnostics) {
    const from = byId.get(diagnostic.templateId);
    if (!from || from.family !== draft.family) continue;
    for (const entry of migrateAnswers(diagnostic.answers, from, draft).setAside) {
      const known = counts.get(entry.questionId) ?? {
        questionId: entry.questionId,
        label: entry.label,
        diagnostics: 0,
      };
      known.diagnostics += 1;
      counts.set(entry.questionId, known);
    }
  }
  return [...counts.values()];
}
