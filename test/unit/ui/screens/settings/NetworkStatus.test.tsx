// Réglages' sync state with a photo waiting: offline it simply waits to be sent; "connexion trop
// lente ?" is said only once a sync reached the server and the file still did not go.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Session } from '../../../../../src/db/context';
import { syncStore } from '../../../../../src/state/sync';
import { uiStore } from '../../../../../src/state/ui';
import type { SyncStatus } from '../../../../../src/sync/status';
import { NetworkStatus } from '../../../../../src/ui/screens/settings/network/NetworkStatus';
import { joinedSession } from '../../../../helpers/session';

const session = joinedSession({ role: 'admin' });

/** « Synchroniser » runs until `runEnds` is called, then ends offline, as with the server gone. */
const run = vi.hoisted(() => ({ end: () => {} }));
vi.mock('../../../../../src/state/sync', async (original) => {
  const real = await original<typeof import('../../../../../src/state/sync')>();
  return {
    ...real,
    syncNow: () => {
      const status = real.syncStore.getState().status;
      real.syncStore.setState({ status: { ...status, state: 'syncing' } });
      return new Promise<void>((resolve) => {
        run.end = () => {
          real.syncStore.setState({ status: { ...status, state: 'offline', error: 'unreachable', pending: 2 } });
          resolve();
        };
      });
    },
  };
});

function stateShown(status: Partial<SyncStatus>): string {
  uiStore.setState({ lang: 'fr', online: true });
  syncStore.setState({ session, status: { ...syncStore.getState().status, ...status } });
  const { container } = render(<NetworkStatus session={session} />);
  return container.querySelector('[data-sync-state]')?.textContent ?? '';
}

describe('Réglages’ sync state with a file waiting', () => {
  afterEach(cleanup);

  test('offline, the photo is to send, with no guess about the link', () => {
    const shown = stateShown({ state: 'offline', error: 'unreachable', pending: 1, filesWaiting: 1 });
    expect(shown).toContain('1 modification à envoyer · 1 fichier à envoyer');
    expect(shown).not.toContain('connexion trop lente');
  });

  test('after a sync that reached the server, the photo that did not go is said to wait for the next', () => {
    const shown = stateShown({ state: 'idle', error: null, pending: 0, filesWaiting: 2 });
    expect(shown).toContain('2 fichiers pas encore envoyés (connexion trop lente\u202f?)');
  });
});

describe('Réglages’ sync state on a full network', () => {
  afterEach(cleanup);

  test('says the server is full, that the changes wait on the device, and who can make room', () => {
    const shown = stateShown({ state: 'error', error: 'network_full', pending: 3 });
    expect(shown).toContain('3 modifications à envoyer');
    expect(screen.getByText(/^Le serveur du réseau est plein/).textContent).toMatch(
      /restent sur cet appareil.*Prévenez l’admin du réseau/,
    );
  });
});

describe('Réglages’ “Vous” line', () => {
  afterEach(cleanup);

  const you = (shown: Session) => {
    uiStore.setState({ lang: 'fr', online: true });
    syncStore.setState({
      session: shown,
      status: { ...syncStore.getState().status, state: 'error', error: 'revoked' },
    });
    const { getByText } = render(<NetworkStatus session={shown} />);
    return getByText('Vous').parentElement?.textContent ?? '';
  };

  test('an admin’s device says its role', () => {
    expect(you(session)).toContain('Léa Petit · Rôle\u00a0: Admin');
  });

  test('a device removed from the network claims no role: it says it was removed', () => {
    const shown = you({ ...session, revokedAt: '2026-12-01T10:00:00.000Z' });
    expect(shown).not.toContain('Rôle');
    expect(shown).toContain('Léa Petit · Appareil retiré du réseau');
  });
});

describe('Réglages’ sync state while a first sync runs', () => {
  afterEach(cleanup);

  test('it says one thing: the sync runs, neither “never synced” nor “all sent”', () => {
    const shown = stateShown({ state: 'syncing', error: null, pending: 0, filesWaiting: 0, lastSyncAt: null });
    expect(shown).toBe('Synchronisation…');
  });

  test('what waits stays said while it goes', () => {
    const shown = stateShown({ state: 'syncing', error: null, pending: 3, filesWaiting: 0, lastSyncAt: null });
    expect(shown).toBe('Synchronisation…3 modifications à envoyer');
  });
});

describe('Réglages’ sync state just after joining', () => {
  afterEach(cleanup);

  // It said « À jour · Jamais synchronisé » (newuser28) until the first run started.
  test('before the first sync has run, it says so once, and not “à jour” nor “all sent”', () => {
    const shown = stateShown({ state: 'unjoined', error: null, pending: 0, filesWaiting: 0, lastSyncAt: null });
    expect(shown).toBe('Pas encore synchronisé');
  });

  test('once a sync has ended, it is up to date', () => {
    const shown = stateShown({
      state: 'idle',
      error: null,
      pending: 0,
      filesWaiting: 0,
      lastSyncAt: new Date().toISOString(),
    });
    expect(shown).toMatch(/^À jour · Dernière synchronisation .*Tout a été envoyé\.$/);
  });
});

describe('« Synchroniser »', () => {
  afterEach(cleanup);

  test('keeps the focus while the sync runs, and how it ended is read out', async () => {
    stateShown({ state: 'idle', error: null, pending: 2, filesWaiting: 0, lastSyncAt: null });
    const button = screen.getByRole('button', { name: 'Synchroniser' });
    button.focus();
    fireEvent.click(button);

    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    // Disabled, it dropped the focus to the page's start in Firefox, with nothing said.
    // happy-dom keeps the focus on a disabled button, so the focus check alone cannot see
    // that: what pins it is the button never being disabled while the run goes.
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(document.activeElement).toBe(button);
    expect(screen.getByTestId('sync-outcome').textContent).toBe('');
    run.end();
    await waitFor(() =>
      expect(screen.getByTestId('sync-outcome').textContent).toBe('Hors ligne · 2 modifications à envoyer'),
    );
    expect(screen.getByTestId('sync-outcome').getAttribute('role')).toBe('status');
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-disabled')).toBeNull();
  });
});
