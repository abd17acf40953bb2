import { describe, expect, test } from 'vitest';
import type { Diagnostic, Question } from '../../../src/domain/diagnostic';
import { comparableWith, compareDiagnostics } from '../../../src/domain/diagnostic-compare';
import { gridVersion } from '../../fixtures/diagnostic';

const scale = (id: string, label: string): Question => ({
  id,
  kind: 'scale',
  label,
  scored: true,
  weight: 1,
  retired: false,
  levels: ['Absent', 'Idée', 'En construction', 'En place', 'Solide'],
});

const v1 = gridVersion(1, [
  { id: 'gouv', title: 'Gouvernance', questions: [scale('decide', 'Décisions connues'), scale('charte', 'Charte')] },
  { id: 'old', title: 'Ancienne section', questions: [scale('gone', 'Question retirée')] },
]);
const v2 = gridVersion(2, [
  { id: 'gouv', title: 'Gouvernance', questions: [scale('decide', 'Décisions connues'), scale('charte', 'Charte')] },
  { id: 'eco', title: 'Économie', questions: [scale('budget', 'Budget')] },
]);

describe('comparing two diagnostics', () => {
  test('gives each section’s scores before and after and the change in points', () => {
    const comparison = compareDiagnostics(
      { template: v1, answers: { decide: { status: 'answered', value: 1 }, charte: { status: 'answered', value: 1 } } },
      { template: v1, answers: { decide: { status: 'answered', value: 3 }, charte: { status: 'answered', value: 2 } } },
    );
    expect(comparison.sections[0]).toEqual({
      sectionId: 'gouv',
      title: 'Gouvernance',
      before: 25,
      after: 62.5,
      delta: 37.5,
    });
    expect(comparison.overall.delta).toBe(37.5);
  });

  test('has no change to give when one of the two has no score', () => {
    const comparison = compareDiagnostics(
      { template: v1, answers: { decide: { status: 'skipped' } } },
      { template: v1, answers: { decide: { status: 'answered', value: 4 } } },
    );
    expect(comparison.sections[0]).toMatchObject({ before: null, after: 100, delta: null });
  });

  test('lists the answers that changed in words, and only those', () => {
    const comparison = compareDiagnostics(
      { template: v1, answers: { decide: { status: 'answered', value: 1 }, charte: { status: 'answered', value: 2 } } },
      { template: v1, answers: { decide: { status: 'unknown' }, charte: { status: 'answered', value: 2 } } },
    );
    expect(comparison.changes).toEqual([
      {
        questionId: 'decide',
        section: 'Gouvernance',
        question: 'Décisions connues',
        before: '1 — Idée',
        after: 'Ne sait pas',
      },
    ]);
  });

  test('matches sections and questions across grid versions, keeping what one version lacks', () => {
    const comparison = compareDiagnostics(
      { template: v1, answers: { gone: { status: 'answered', value: 2 } } },
      { template: v2, answers: { budget: { status: 'answered', value: 4 } } },
    );
    expect(comparison.sections.map((section) => [section.sectionId, section.before, section.after])).toEqual([
      ['gouv', null, null],
      ['eco', null, 100],
      ['old', 50, null],
    ]);
    expect(comparison.changes.map((change) => [change.question, change.before, change.after])).toEqual([
      ['Budget', 'Sans réponse', '4 — Solide'],
      ['Question retirée', '2 — En construction', 'Sans réponse'],
    ]);
  });
});

describe('which diagnostics compare', () => {
  const base = {
    networkId: 'n',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'x',
    deleted: false,
    templateVersion: 1,
    answers: {},
    sectionComments: {},
    setAside: {},
  };
  const diagnostic = (id: string, extra: Partial<Diagnostic>): Diagnostic => ({
    ...base,
    id,
    templateId: 'A',
    filledOn: '2026-03-03',
    ...extra,
  });
  const families: Record<string, string> = { A: 'grid', B: 'grid', C: 'other' };

  test('the same lieu with a version of the same grid, newest first', () => {
    const current = diagnostic('1', { organisationId: 'lieu' });
    const others = [
      diagnostic('2', { organisationId: 'lieu', templateId: 'B', filledOn: '2025-09-01' }),
      diagnostic('3', { organisationId: 'lieu', filledOn: '2026-09-01' }),
      diagnostic('4', { organisationId: 'autre' }),
      diagnostic('5', { organisationId: 'lieu', templateId: 'C' }),
      diagnostic('6', { organisationId: 'lieu', deleted: true }),
      current,
    ];
    expect(comparableWith(current, others, (id) => families[id]).map((other) => other.id)).toEqual(['3', '2']);
  });

  test('without a lieu, the same territory name whatever its case', () => {
    const current = diagnostic('1', { territoryLabel: 'Pays de Saint-Malo' });
    const others = [
      diagnostic('2', { territoryLabel: 'pays de saint-malo ' }),
      diagnostic('3', { territoryLabel: 'Pays de Rance' }),
    ];
    expect(comparableWith(current, others, (id) => families[id]).map((other) => other.id)).toEqual(['2']);
  });
});
