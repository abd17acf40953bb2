// Records a device cannot display, already stored (pulled before the server checked them, or
// written by an older version): the screen shows everything else, and says which record is
// wrong and why. Links from data become links only when safe.
import { act, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, test } from 'vitest';
import { appData } from '../../../src/db/app-data';
import { createRecord } from '../../../src/db/writes';
import { isolate } from '../../../src/domain/bidi';
import { newId } from '../../../src/domain/ids';
import { startRouter } from '../../../src/state/router';
import { uiStore } from '../../../src/state/ui';
import { App } from '../../../src/ui/App';
import { sampleRecords } from '../../fixtures/records';
// The screens these tests open and the line and sentences of a record that fails (loaded by
// the page only once one fails), loaded with the file instead of inside a test's wait: the import()s
// then find them ready. Transforming them takes seconds on a loaded machine, and a wait is for
// what the screen shows, not for the test runner.
import '../../../src/ui/screens/events/index';
import '../../../src/ui/screens/contacts/index';
import '../../../src/ui/components/RecordProblem';
import '../../../src/domain/validation';
import '../../../src/ui/i18n/validation';

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

function go(hash: string) {
  act(() => {
    location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** Writes a record as a pull would have stored it, without the device's validation. */
async function plant(type: 'events' | 'organisations', record: Record<string, unknown>) {
  const context = await appData();
  const at = '2026-11-01T10:00:00.000Z';
  const table = context.db.anyRecords(type);
  // In a transaction, as a pull writes: opening it loads what keeps the table's indexes (src/db/index-writes-loader.ts).
  await context.db.transaction('rw', table, () =>
    table.put({
      networkId: 'local',
      createdAt: at,
      updatedAt: at,
      updatedBy: 'Ailleurs',
      deleted: false,
      hlc: {},
      ...record,
    } as never),
  );
}

describe('a record this device cannot display', () => {
  test('an event in the time zone Mars/Olympus_Mons: the agenda shows the others and one line about it', async () => {
    const context = await appData();
    const { events } = sampleRecords();
    await createRecord(context, 'events', { ...events, id: newId(), title: 'Rencontre de printemps' });
    await createRecord(context, 'events', {
      ...events,
      id: newId(),
      title: 'Formation des concierges',
      startsAt: '2026-05-01T07:30:00.000Z',
      endsAt: '2026-05-01T15:00:00.000Z',
    });
    const martian = newId();
    await plant('events', {
      ...events,
      id: martian,
      placeOrganisationId: null,
      title: 'Réunion martienne',
      timeZone: 'Mars/Olympus_Mons',
    });

    render(<App />);
    go('#/evenements');
    expect(await screen.findByText('Rencontre de printemps')).toBeTruthy();
    expect(screen.getByText('Formation des concierges')).toBeTruthy();
    const broken = await screen.findByTestId('record-failed');
    expect(broken.tagName).toBe('LI');
    expect(broken.textContent).toContain(
      `«\u00a0${isolate('Réunion martienne')}\u00a0» ne peut pas s’afficher sur cet appareil.`,
    );
    await waitFor(() => expect(broken.textContent).toContain('Fuseau horaire inconnu'));
    expect(broken.textContent).toContain('Mars/Olympus_Mons');
    expect(screen.queryByText('Cet écran n’a pas pu s’ouvrir.')).toBeNull();

    go(`#/evenements/${martian}`);
    expect((await screen.findByRole('heading', { level: 1, name: 'Réunion martienne' })).textContent).toBe(
      'Réunion martienne',
    );
    await waitFor(() => expect(screen.getByTestId('record-failed').textContent).toContain('Fuseau horaire inconnu'));
    expect(screen.queryByText('Cet écran n’a pas pu s’ouvrir.')).toBeNull();
  }, 60_000);

  test('a lieu whose website is javascript: shows it as text, never as a link', async () => {
    const lieu = newId();
    await plant('organisations', {
      id: lieu,
      name: 'Le Lieu Piégé',
      kind: 'tiers_lieu',
      website: 'javascript:alert(1)',
      email: 'contact@lieu.fr',
      phone: '02 99 00 00 00',
    });
    render(<App />);
    go(`#/contacts/lieu/${lieu}`);
    const main = await screen.findByRole('main');
    await waitFor(() => expect(within(main).getByRole('heading', { level: 1 }).textContent).toBe('Le Lieu Piégé'));
    const hrefs = [...main.querySelectorAll('a')].map((link) => link.getAttribute('href') ?? '');
    expect(hrefs.filter((href) => /^\s*javascript:/i.test(href))).toEqual([]);
    expect(hrefs).toContain('mailto:contact@lieu.fr');
    expect(hrefs).toContain('tel:0299000000');
    expect(main.textContent).toContain('javascript:alert(1)');
  }, 60_000);
});
