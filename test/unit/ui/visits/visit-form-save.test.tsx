// The visit form saves through one repository call: the rule that keeps a visit's seconds (the
// date field holds minutes only) lives in saveVisit, where the read of the stored time and the
// write are one transaction, not in the form before it.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeAll, expect, test, vi } from 'vitest';
import { appData } from '../../../../src/db/app-data';
import { createRecord } from '../../../../src/db/writes';
import { startRouter } from '../../../../src/state/router';
import { uiStore } from '../../../../src/state/ui';
import { App } from '../../../../src/ui/App';
// Loaded with the file, not inside a wait: transforming a screen takes seconds on a loaded machine.
import '../../../../src/ui/screens/visits/index';
import '../../../../src/ui/screens/visits/form/VisitForm';

const saveVisitCalls = vi.hoisted(() => [] as { visitedAt: string }[]);

vi.mock('../../../../src/db/visits', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../src/db/visits')>();
  return {
    ...real,
    saveVisit: (...args: Parameters<typeof real.saveVisit>) => {
      saveVisitCalls.push({ visitedAt: args[1].visit.visitedAt });
      return real.saveVisit(...args);
    },
  };
});

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

test('a visit edited without touching its date keeps its seconds, and the form leaves that to saveVisit', async () => {
  const context = await appData();
  const visit = await createRecord(context, 'visits', {
    visitedAt: '2026-03-03T09:15:42.250Z',
    purpose: 'Visite importée',
  });
  render(<App />);
  act(() => {
    location.hash = `#/visites/${visit.id}/modifier`;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  const notes = await screen.findByLabelText('Notes (facultatif)', {}, { timeout: 30_000 });
  fireEvent.input(notes, { target: { value: 'Revu avec la directrice' } });
  fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la visite' }));

  await waitFor(async () =>
    expect((await context.db.records('visits').get(visit.id))?.notes).toBe('Revu avec la directrice'),
  );
  expect((await context.db.records('visits').get(visit.id))?.visitedAt).toBe('2026-03-03T09:15:42.250Z');
  // The form hands over what its field holds (the minute) in its one call; saveVisit keeps the seconds.
  expect(saveVisitCalls).toEqual([{ visitedAt: new Date('2026-03-03T09:15:00Z').toISOString() }]);
}, 60_000);
