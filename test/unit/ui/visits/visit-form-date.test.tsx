// A visit's date typed wrong on a phone: the year segment of the date field takes "26" as the
// year 0026, and a scroll lands on 1900. The form says so beside the date, with the focus on
// it, and stores nothing until it is fixed; what was typed stays.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeAll, expect, test } from 'vitest';
import { appData } from '../../../../src/db/app-data';
import { startRouter } from '../../../../src/state/router';
import { uiStore } from '../../../../src/state/ui';
import { App } from '../../../../src/ui/App';
// Loaded with the file, not inside a wait: transforming a screen takes seconds on a loaded machine.
import '../../../../src/ui/screens/visits/index';
import '../../../../src/ui/screens/visits/form/VisitForm';

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

test('a visit dated in the year 0026 is refused in words beside its date, and nothing is stored', async () => {
  const context = await appData();
  render(<App />);
  act(() => {
    location.hash = '#/visites/nouvelle';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  const notes = await screen.findByLabelText('Notes (facultatif)', {}, { timeout: 30_000 });
  fireEvent.input(notes, { target: { value: 'Rencontre avec le bureau' } });
  const when = screen.getByLabelText('Date et heure');
  fireEvent.input(when, { target: { value: '0026-12-05T10:00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));

  await screen.findByText(
    /Vérifiez l’année : tapez-la en entier, par exemple 2026 \(une année tapée « 26 » devient 0026\)/,
  );
  await waitFor(() => expect(document.activeElement).toBe(when));
  expect(await context.db.records('visits').count()).toBe(0);
  expect((screen.getByLabelText('Notes (facultatif)') as HTMLTextAreaElement).value).toBe('Rencontre avec le bureau');
}, 60_000);
