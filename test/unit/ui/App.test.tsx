import { act, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeAll, describe, expect, test } from 'vitest';
import { appData } from '../../../src/db/app-data';
import { createRecord } from '../../../src/db/writes';
import { startRouter } from '../../../src/state/router';
import { uiStore } from '../../../src/state/ui';
import { App } from '../../../src/ui/App';
import { sampleRecords } from '../../fixtures/records';

beforeAll(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
  location.hash = '';
  startRouter(window);
});

describe('the app shell', () => {
  test('offers a new visit, the five places, Carte, Rapports and Réglages, and opens Visites first', async () => {
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    const hrefs = within(nav)
      .getAllByRole('link')
      .map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual([
      '#/visites/nouvelle',
      '#/visites',
      '#/contacts',
      '#/diagnostics',
      '#/evenements',
      '#/valise',
      '#/carte',
      '#/rapports',
      '#/reglages',
    ]);
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Aller au contenu' }).getAttribute('href')).toBe('#main');

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Visites');
    expect(within(nav).getByRole('link', { name: 'Visites' }).getAttribute('aria-current')).toBe('page');
  });

  test('shows what is stored and follows new writes without a reload', async () => {
    render(<App />);
    expect(await screen.findByText('Aucune visite pour l’instant')).toBeTruthy();

    const context = await appData();
    await act(async () => {
      await createRecord(context, 'visits', sampleRecords().visits);
    });
    await waitFor(() => expect(screen.getByText('Premier rendez-vous')).toBeTruthy());
  });

  test('opens another place from its hash and says so for an unknown one', async () => {
    render(<App />);
    act(() => {
      location.hash = '#/evenements';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    // The screen's code is transformed on first import: setup-unit.ts's wait allows for a loaded machine.
    expect((await screen.findByRole('heading', { level: 1, name: 'Événements' })).textContent).toBe('Événements');

    act(() => {
      location.hash = '#/nulle-part';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Page introuvable' })).toBeTruthy();
  });

  test('an invitation link opens Réglages, and the navigation says so', async () => {
    render(<App />);
    act(() => {
      location.hash = '#/rejoindre?code=JWA2-F9K6-TTZF';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Réglages' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Navigation principale' });
    expect(within(nav).getByRole('link', { name: 'Réglages' }).getAttribute('aria-current')).toBe('page');
  });
});
