// A visit's page links to the diagnostic made during it (started from its page), and only to it.
import { render, screen } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createDiagnostic, markCompleted } from '../../../../../src/db/diagnostics';
import { createRecord } from '../../../../../src/db/writes';
import { PROJECT_STARTER_ID, STARTER_TEMPLATES } from '../../../../../src/domain/diagnostic-starters';
import VisitDetailPage from '../../../../../src/ui/screens/visits/detail/VisitDetail';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();
const starter = STARTER_TEMPLATES.find((template) => template.id === PROJECT_STARTER_ID);
if (!starter) throw new Error('project starter grid missing');

test('a visit’s page links to the diagnostic made during it, with its grid, day and state', async () => {
  const { context } = app;
  const lieu = await createRecord(context, 'organisations', { name: 'La Grange', kind: 'tiers_lieu' });
  const visit = await createRecord(context, 'visits', {
    visitedAt: '2026-03-03T09:00:00.000Z',
    organisationId: lieu.id,
    services: ['support_projects'],
  });
  const diagnostic = await createDiagnostic(context, {
    template: starter,
    organisationId: lieu.id,
    visitId: visit.id,
    filledOn: '2026-03-03',
  });
  await markCompleted(context, diagnostic.id, true);
  // The lieu's other diagnostic of the same day was not made during the visit.
  await createDiagnostic(context, { template: starter, organisationId: lieu.id, filledOn: '2026-03-03' });

  render(<VisitDetailPage visitId={visit.id} query={{}} />);
  const links = await screen.findAllByRole('link', { name: `${starter.title} · 3 mars 2026` });
  expect(links.map((link) => link.getAttribute('href'))).toEqual([`#/diagnostics/${diagnostic.id}`]);
  expect(screen.getByText('Diagnostic fait pendant la visite')).toBeTruthy();
  expect(screen.getByTestId('visit-diagnostic').textContent).toBe(`${starter.title} · 3 mars 2026 (terminé)`);
});
