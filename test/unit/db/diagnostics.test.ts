import { describe, expect, test, vi } from 'vitest';
import type { DataContext } from '../../../src/db/context';
import {
  createDiagnostic,
  deleteDiagnostic,
  getDiagnostic,
  getGridForEditing,
  listOfferedTemplates,
  moveToVersion,
  saveAnswer,
} from '../../../src/db/diagnostics';
import { createRecord } from '../../../src/db/writes';
import type { DiagnosticTemplate } from '../../../src/domain/diagnostic';
import { PROJECT_STARTER_ID, STARTER_TEMPLATES } from '../../../src/domain/diagnostic-starters';
import { openTestContext } from '../../helpers/db';

const starter = STARTER_TEMPLATES.find((template) => template.id === PROJECT_STARTER_ID);
if (!starter) throw new Error('project starter grid missing');
const territorial = STARTER_TEMPLATES.find((template) => template.family !== starter.family);
if (!territorial) throw new Error('territorial starter grid missing');

const diagnosticOf = (context: DataContext, template: DiagnosticTemplate, territoryLabel: string, filledOn: string) =>
  createDiagnostic(context, { template, territoryLabel, filledOn });

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
    const diagnostic = await diagnosticOf(context, starter, 'La Forge', '2026-03-03');
    await saveAnswer(context, diagnostic.id, 'co_finalite', { status: 'answered', value: 3 });
    const entries = await context.db.outbox.toArray();
    expect(entries.at(-1)?.fields).toEqual(['answers.co_finalite', 'updatedAt', 'updatedBy']);
  });

  test('moves to a newer grid, setting aside the answer whose question is gone, in one write', async () => {
    const context = await openTestContext();
    const v2 = await createRecord(context, 'diagnosticTemplates', secondVersion());
    const diagnostic = await diagnosticOf(context, starter, 'La Forge', '2026-03-03');
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
    const diagnostic = await diagnosticOf(context, starter, 'La Forge', '2026-03-03');
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

  test('a territory’s diagnostic is compared with that territory’s earlier ones of the same grid, any version', async () => {
    const context = await openTestContext();
    const v2 = await createRecord(context, 'diagnosticTemplates', secondVersion());
    const earlier = await diagnosticOf(context, starter, 'La Forge', '2026-01-10');
    const latest = await diagnosticOf(context, v2, 'la forge ', '2026-03-10');
    await diagnosticOf(context, territorial, 'La Forge', '2026-02-10');
    await diagnosticOf(context, starter, 'Melle', '2026-02-11');
    await deleteDiagnostic(context, (await diagnosticOf(context, starter, 'La Forge', '2026-02-12')).id);

    expect((await getDiagnostic(context, latest.id))?.comparable.map((diagnostic) => diagnostic.id)).toEqual([
      earlier.id,
    ]);
  });

  test('editing a grid weighs the diagnostics filled with any of its versions, not another grid’s', async () => {
    const context = await openTestContext();
    const v2 = await createRecord(context, 'diagnosticTemplates', secondVersion());
    const first = await diagnosticOf(context, starter, 'La Forge', '2026-01-10');
    const second = await diagnosticOf(context, v2, 'Melle', '2026-03-10');
    await diagnosticOf(context, territorial, 'La Forge', '2026-02-10');

    const editing = await getGridForEditing(context, v2.id);
    expect(editing?.diagnostics.map((diagnostic) => diagnostic.id)).toEqual([second.id, first.id]);
  });
});
