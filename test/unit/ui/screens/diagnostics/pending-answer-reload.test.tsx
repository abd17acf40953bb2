// A diagnostic's typed answer is saved 700 ms after the last key, and as the page is left; but
// that save is an IndexedDB transaction, and a WebKit reload ended the page before it committed:
// the last words typed were gone when the section opened again. What is typed is now kept at
// once, outside the database, and the section brings it back and saves it.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, expect, test } from 'vitest';
import { createDiagnostic, getDiagnostic, listOfferedTemplates } from '../../../../../src/db/diagnostics';
import { PROJECT_STARTER_ID } from '../../../../../src/domain/diagnostic-starters';
import { keepPendingAnswer, pendingAnswer, pendingAnswerKey } from '../../../../../src/state/pending-answers';
import { SectionPage } from '../../../../../src/ui/screens/diagnostics/SectionPage';
import { withAppData } from '../../../../helpers/screen-setup';

const app = withAppData();
afterEach(() => {
  localStorage.clear();
});

async function newDiagnostic() {
  const template = (await listOfferedTemplates(app.context)).find((grid) => grid.id === PROJECT_STARTER_ID);
  if (!template) throw new Error('project starter grid missing');
  return createDiagnostic(app.context, { template, territoryLabel: 'Pays de Redon', filledOn: '2026-12-05' });
}

const field = (name: string) =>
  waitFor(() => {
    const question = screen.getByText(name).closest('[data-question]');
    const input = question?.querySelector<HTMLInputElement>('input[type="text"]');
    if (!input) throw new Error(`no text field for ${name}`);
    return input;
  });

const storedAnswer = async (diagnosticId: string, questionId: string) =>
  (await getDiagnostic(app.context, diagnosticId))?.diagnostic.answers[questionId];

test('text typed is kept at once, before any save, and let go once it is saved', async () => {
  const diagnostic = await newDiagnostic();
  const key = pendingAnswerKey(diagnostic.id, 'q:id_porteurs');
  render(<SectionPage diagnosticId={diagnostic.id} index={1} />);
  fireEvent.input(await field('Personnes rencontrées'), { target: { value: 'Léa et Karim' } });
  // A reload right now ends the page before any save commits: this is what survives it.
  expect(pendingAnswer(key)).toBe('Léa et Karim');
  await waitFor(async () =>
    expect(await storedAnswer(diagnostic.id, 'id_porteurs')).toEqual({ status: 'answered', value: 'Léa et Karim' }),
  );
  await waitFor(() => expect(pendingAnswer(key)).toBeUndefined());
});

test('text left unsaved by a reload comes back when the section opens again, and is saved', async () => {
  const diagnostic = await newDiagnostic();
  const key = pendingAnswerKey(diagnostic.id, 'q:id_porteurs');
  keepPendingAnswer(key, 'Léa et Karim, co-fondateurs');

  render(<SectionPage diagnosticId={diagnostic.id} index={1} />);
  expect((await field('Personnes rencontrées')).value).toBe('Léa et Karim, co-fondateurs');
  await waitFor(async () =>
    expect(await storedAnswer(diagnostic.id, 'id_porteurs')).toEqual({
      status: 'answered',
      value: 'Léa et Karim, co-fondateurs',
    }),
  );
  await waitFor(() => expect(pendingAnswer(key)).toBeUndefined());
});

test('a section comment left unsaved by a reload comes back too', async () => {
  const diagnostic = await newDiagnostic();
  keepPendingAnswer(pendingAnswerKey(diagnostic.id, 'comment:identite'), 'À revoir avec la mairie');

  render(<SectionPage diagnosticId={diagnostic.id} index={1} />);
  await waitFor(async () =>
    expect((await getDiagnostic(app.context, diagnostic.id))?.diagnostic.sectionComments.identite).toBe(
      'À revoir avec la mairie',
    ),
  );
});
