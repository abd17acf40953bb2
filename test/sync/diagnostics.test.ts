// A diagnostic filled on two devices offline: each keeps the answers the other wrote.
import { describe, expect } from 'vitest';
import { createDiagnostic, getDiagnostic, saveAnswer, saveSectionComment } from '../../src/db/diagnostics';
import { PROJECT_STARTER_ID, STARTER_TEMPLATES } from '../../src/domain/diagnostic-starters';
import { pairTest as it } from '../helpers/device-pair';

const starter = STARTER_TEMPLATES.find((template) => template.id === PROJECT_STARTER_ID);
if (!starter) throw new Error('the project starter grid is missing');

describe('a diagnostic filled on two devices', () => {
  it('keeps both concierges’ answers and comments when they filled different questions offline', async ({ a, b }) => {
    const diagnostic = await createDiagnostic(a.context, {
      template: starter,
      territoryLabel: 'La Forge',
      filledOn: '2026-11-20',
    });
    await a.sync();
    await b.sync();

    await saveAnswer(a.context, diagnostic.id, 'co_finalite', { status: 'answered', value: 3 });
    await saveSectionComment(a.context, diagnostic.id, 'communaute', 'Un collectif de vingt bénévoles.');
    await saveAnswer(b.context, diagnostic.id, 'go_decision', { status: 'unknown' });
    await saveAnswer(b.context, diagnostic.id, 'go_charte', { status: 'answered', value: 1 });
    await saveSectionComment(b.context, diagnostic.id, 'gouvernance', 'Pas de charte écrite.');
    await a.sync();
    await b.sync();
    await a.sync();

    for (const device of [a, b]) {
      const seen = await getDiagnostic(device.context, diagnostic.id);
      expect(seen?.template?.title).toBe('Diagnostic d’un projet de tiers-lieu');
      expect(seen?.diagnostic.answers).toEqual({
        co_finalite: { status: 'answered', value: 3 },
        go_decision: { status: 'unknown' },
        go_charte: { status: 'answered', value: 1 },
      });
      expect(seen?.diagnostic.sectionComments).toEqual({
        communaute: 'Un collectif de vingt bénévoles.',
        gouvernance: 'Pas de charte écrite.',
      });
    }
  });
});
