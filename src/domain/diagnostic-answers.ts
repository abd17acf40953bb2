// Reading and writing answers as people type and read them: numbers with a French decimal
// comma, and an answer in words for exports and comparisons.
import type { Answer, Question } from './diagnostic';

/** "3,5", "3.5", "1 200" → a number; anything else (words, "3,5,1", "") → null. */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

export interface AnswerWords {
  skipped: string;
  unknown: string;
  none: string;
  /** How a number is written ("3,5" in French). */
  number: (value: number) => string;
}

export const FRENCH_ANSWER_WORDS: AnswerWords = {
  skipped: 'Question passée',
  unknown: 'Ne sait pas',
  none: 'Sans réponse',
  number: (value) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 }).format(value),
};

/** An answer in words: "3 — En place", the labels of the options ticked, the text typed. */
export function describeAnswer(
  question: Question,
  answer: Answer | undefined,
  words: AnswerWords = FRENCH_ANSWER_WORDS,
): string {
  if (!answer) return words.none;
  if (answer.status === 'skipped') return words.skipped;
  if (answer.status === 'unknown') return words.unknown;
  const { value } = answer;
  if (value === null || value === undefined || value === '') return words.none;
  const optionLabel = (id: string) => question.options?.find((option) => option.id === id)?.label ?? id;
  switch (question.kind) {
    case 'scale': {
      const level = typeof value === 'number' ? value : Number(value);
      const label = question.levels?.[level];
      return label ? `${level} — ${label}` : String(level);
    }
    case 'single':
      return typeof value === 'string' ? optionLabel(value) : String(value);
    case 'multiple':
      return Array.isArray(value) ? (value.length === 0 ? '—' : value.map(optionLabel).join(', ')) : String(value);
    case 'number':
      return typeof value === 'number' ? words.number(value) : String(value);
    default:
      return Array.isArray(value) ? value.join(', ') : String(value);
  }
}

/** Two answers say the same thing (a skip and an absence differ). */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
