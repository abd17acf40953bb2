// A diagnostic dated wrong (or created the day before the meeting) is redated on its page,
// judged as at its creation: a year mistyped is questioned, not filed where no report counts it.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test } from 'vitest';
import { createDiagnostic, listOfferedTemplates } from '../../../../../src/db/diagnostics';
import { FilledOnEditor } from '../../../../../src/ui/screens/diagnostics/FilledOnEditor';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();

test('a diagnostic’s date is corrected on its page, a year mistyped questioned as at its creation', async () => {
  const [template] = await listOfferedTemplates(app.context);
  if (!template) throw new Error('a starter grid');
  const diagnostic = await createDiagnostic(app.context, {
    template,
    territoryLabel: 'Pays de Redon',
    filledOn: '2026-11-21',
  });
  const stored = () => app.context.db.records('diagnostics').get(diagnostic.id);
  render(<FilledOnEditor diagnostic={diagnostic} />);
  fireEvent.click(screen.getByRole('button', { name: 'Changer la date' }));
  const date = screen.getByLabelText('Date du diagnostic');
  fireEvent.input(date, { target: { value: '2099-11-20' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la date' }));

  expect(await screen.findByText(/Cette date est dans plus d’un mois/)).toBeTruthy();
  expect((await stored())?.filledOn).toBe('2026-11-21');

  fireEvent.input(date, { target: { value: '2026-11-20' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la date' }));
  await waitFor(async () => expect((await stored())?.filledOn).toBe('2026-11-20'));
  expect(screen.getByRole('button', { name: 'Changer la date' })).toBeTruthy();
}, 60_000);
