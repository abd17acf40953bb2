import { describe, expect, test } from 'vitest';
import type { Answer, DiagnosticTemplate, Question } from '../../../src/domain/diagnostic';
import { migrateAnswers, orphanedByDraft } from '../../../src/domain/diagnostic-migrate';
import { gridVersion } from '../../fixtures/diagnostic';

const q = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  kind: 'scale',
  label: `Question ${id}`,
  scored: true,
  weight: 1,
  retired: false,
  ...extra,
});

const grid = (version: number, questions: Question[]): DiagnosticTemplate =>
  gridVersion(version, [{ id: 's', title: 'S', questions }]);

const choice = (id: string, options: string[], kind: 'single' | 'multiple' = 'single') =>
  q(id, { kind, options: options.map((option) => ({ id: option, label: option, score: 1 })) });

describe('moving a diagnostic to a newer grid version', () => {
  test('carries answers whose question is still there, skips and "ne sait pas" included', () => {
    const v1 = grid(1, [q('a'), q('b'), q('c')]);
    const v2 = grid(2, [q('c'), q('a', { label: 'Reformulée' }), q('b'), q('new')]);
    const answers = {
      a: { status: 'answered' as const, value: 3 },
      b: { status: 'skipped' as const },
      c: { status: 'unknown' as const },
    };
    expect(migrateAnswers(answers, v1, v2)).toEqual({ carried: answers, setAside: [] });
  });

  test('sets aside, with the reason, what no longer fits; nothing is dropped', () => {
    const v1 = grid(1, [
      q('gone'),
      q('old'),
      q('text', { kind: 'short_text' }),
      choice('mode', ['x', 'y']),
      choice('tools', ['w', 'p'], 'multiple'),
    ]);
    const v2 = grid(2, [
      q('old', { retired: true }),
      q('text', { kind: 'number' }),
      choice('mode', ['x']),
      choice('tools', ['w', 'p', 'z'], 'multiple'),
    ]);
    const answers = {
      gone: { status: 'answered' as const, value: 2 },
      old: { status: 'answered' as const, value: 1 },
      text: { status: 'answered' as const, value: 'douze' },
      mode: { status: 'answered' as const, value: 'y' },
      tools: { status: 'answered' as const, value: ['w', 'p'] },
    };
    const migration = migrateAnswers(answers, v1, v2);
    expect(migration.carried).toEqual({ tools: answers.tools });
    expect(migration.setAside.map((entry) => [entry.questionId, entry.reason, entry.label])).toEqual([
      ['gone', 'removed', 'Question gone'],
      ['old', 'retired', 'Question old'],
      ['text', 'kind_changed', 'Question text'],
      ['mode', 'choice_removed', 'Question mode'],
    ]);
    const kept = Object.keys(migration.carried).length + migration.setAside.length;
    expect(kept).toBe(Object.keys(answers).length);
  });
});

describe('what a grid edit would leave behind', () => {
  test('counts, per question, the diagnostics whose answer would be set aside', () => {
    const v1 = grid(1, [q('a'), q('b')]);
    const draft = { ...grid(2, [q('a')]), id: '0190a000-0000-7000-8000-0000000000ff' };
    const other = { ...grid(1, [q('b')]), id: '0190a000-0000-7000-8000-0000000000ee', family: 'autre' };
    const diagnostics: { templateId: string; answers: Record<string, Answer> }[] = [
      {
        templateId: v1.id,
        answers: { a: { status: 'answered' as const, value: 1 }, b: { status: 'answered' as const, value: 2 } },
      },
      { templateId: v1.id, answers: { b: { status: 'unknown' as const } } },
      { templateId: v1.id, answers: { a: { status: 'skipped' as const } } },
      { templateId: other.id, answers: { b: { status: 'answered' as const, value: 2 } } },
    ];
    expect(orphanedByDraft(diagnostics, [v1, other], draft)).toEqual([
      { questionId: 'b', label: 'Question b', diagnostics: 2 },
    ]);
  });
});
