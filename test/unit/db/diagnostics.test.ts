import { describe, expect, test, vi } from 'vitest';
import {
  createDiagnostic,
  getDiagnostic,
  listOfferedTemplates,
  moveToVersion,
  saveAnswer,
} from '../../../src/db/diagnostics';
import { createRecord } from '../../../src/db/writes';
import { PROJECT_STARTER_ID, STARTER_TEMPLATES } from '../../../src/domain/diagnostic-starters';
import { openTestContext } from '../../helpers/db';

const starter = STARTER_TEMPLATES.find((template) => template.id === PROJECT_STARTER_ID);
if (!starter) throw new Error('project starter grid missing');

/** Version 2 of the project grid as an admin would publish it: one question gone. */
function secondVersion() {
  const { id: _id, networkId: _n, createdAt: _c, updatedAt: _u, updatedBy: _b, deleted: _d, ...content } = starter!;
  return {
    ...content,
    version: 2,
    sections: content.sections.map((section) =>
      section.id === 'gouvernance'
        ? { ...section, questions: section.questions.filter((question) => question.id !== 'go_charte') }
        : section,
    ),
  };
}

describe('diagnostics on a device', () => {
  test('offers the starter grids until the network publishes a version of its own', async () => {
    const context = await openTestContext();
    expect((await listOfferedTemplates(context)).map((template) => template.version)).toEqual([1, 1]);
    await createRecord(context, 'diagnosticTemplates', secondVersion());
    const offered = await listOfferedTemplates(context);
    expect(offered.map((template) => [template.title, template.version])).toEqual([
      ['Diagnostic d’un projet de tiers-lieu', 2],
      ['Diagnostic territorial', 1],
    ]);
  });

  test('queues one answer as one map entry, so a concurrent answer elsewhere survives', async () => {
    const context = await openTestContext();
    const diagnostic = await createDiagnostic(context, {
      template: starter,
      territoryLabel: 'La Forge',
      filledOn: '2026-03-03',
    });
    await saveAnswer(context, diagnostic.id, 'co_finalite', { status: 'answered', value: 3 });
    const entries = await context.db.outbox.toArray();
    expect(entries.at(-1)?.fields).toEqual(['answers.co_finalite', 'updatedAt', 'updatedBy']);
  });

  test('moves to a newer grid, setting aside the answer whose question is gone, in one write', async () => {
    const context = await openTestContext();
    const v2 = await createRecord(context, 'diagnosticTemplates', secondVersion());
    const diagnostic = await createDiagnostic(context, {
      template: starter,
      territoryLabel: 'La Forge',
      filledOn: '2026-03-03',
    });
    await saveAnswer(context, diagnostic.id, 'go_decision', { status: 'answered', value: 2 });
    await saveAnswer(context, diagnostic.id, 'go_charte', { status: 'answered', value: 1 });

    const migration = await moveToVersion(context, diagnostic.id, v2);
    expect(migration.setAside.map((entry) => entry.questionId)).toEqual(['go_charte']);
    const moved = await getDiagnostic(context, diagnostic.id);
    expect(moved?.template?.version).toBe(2);
    expect(moved?.diagnostic.answers).toEqual({ go_decision: { status: 'answered', value: 2 } });
    expect(moved?.diagnostic.setAside).toEqual({ go_charte: { status: 'answered', value: 1 } });
  });

  test('a move that fails half-way changes nothing', async () => {
    const context = await openTestContext();
    const v2 = await createRecord(context, 'diagnosticTemplates', secondVersion());
    const diagnostic = await createDiagnostic(context, {
      template: starter,
      territoryLabel: 'La Forge',
      filledOn: '2026-03-03',
    });
    await saveAnswer(context, diagnostic.id, 'go_charte', { status: 'answered', value: 1 });
    const queued = await context.db.outbox.count();
    const add = context.db.outbox.add.bind(context.db.outbox);
    // The set-aside and the answers are queued; queueing the new version fails.
    vi.spyOn(context.db.outbox, 'add')
      .mockImplementationOnce(add)
      .mockImplementationOnce(add)
      .mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(moveToVersion(context, diagnostic.id, v2)).rejects.toThrow('QuotaExceededError');
    vi.restoreAllMocks();
    const after = await getDiagnostic(context, diagnostic.id);
    expect(after?.template?.version).toBe(1);
    expect(after?.diagnostic.answers).toEqual({ go_charte: { status: 'answered', value: 1 } });
    expect(after?.diagnostic.setAside).toEqual({});
    expect(await context.db.outbox.count()).toBe(queued);
  });
});
