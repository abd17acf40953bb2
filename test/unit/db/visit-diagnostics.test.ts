import { describe, expect, test } from 'vitest';
import { createDiagnostic, deleteDiagnostic } from '../../../src/db/diagnostics';
import { diagnosticsOfVisit } from '../../../src/db/visit-diagnostics';
import { createRecord } from '../../../src/db/writes';
import { PROJECT_STARTER_ID, STARTER_TEMPLATES } from '../../../src/domain/diagnostic-starters';
import { newId } from '../../../src/domain/ids';
import { openTestContext } from '../../helpers/db';

const starter = STARTER_TEMPLATES.find((template) => template.id === PROJECT_STARTER_ID);
if (!starter) throw new Error('project starter grid missing');

describe('the diagnostics of a visit', () => {
  test('are those started from it and the one it names, newest first, with their grid’s title', async () => {
    const context = await openTestContext();
    const lieu = await createRecord(context, 'organisations', { name: 'La Grange', kind: 'tiers_lieu' });
    const visit = await createRecord(context, 'visits', {
      visitedAt: '2026-03-03T09:00:00.000Z',
      organisationId: lieu.id,
      services: ['support_projects'],
    });
    const other = await createRecord(context, 'visits', { visitedAt: '2026-03-03T14:00:00.000Z', services: [] });
    const during = (visitId: string | null, filledOn: string) =>
      createDiagnostic(context, { template: starter, organisationId: lieu.id, visitId, filledOn });
    const first = await during(visit.id, '2026-03-03');
    const second = await during(visit.id, '2026-03-10');
    await during(other.id, '2026-03-03');
    // Same lieu, same day, but not made during the visit: no link.
    await during(null, '2026-03-03');
    const deleted = await during(visit.id, '2026-03-04');
    await deleteDiagnostic(context, deleted.id);
    const named = await during(null, '2026-02-01');

    const found = await diagnosticsOfVisit(context, { id: visit.id, diagnosticId: named.id });
    expect(found.map(({ diagnostic }) => diagnostic.id)).toEqual([second.id, first.id, named.id]);
    expect(found.map(({ gridTitle }) => gridTitle)).toEqual([starter.title, starter.title, starter.title]);
    expect(await diagnosticsOfVisit(context, { id: newId(), diagnosticId: null })).toEqual([]);
  });
});
