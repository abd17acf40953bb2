// The shell's sync indicator after a save: it never says "À jour" while a change waits to be
// sent, and its accessible name starts with what is seen (voice control: "click À envoyer 2").
import { render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, test } from 'vitest';
import { syncStore } from '../../../../src/state/sync';
import { uiStore } from '../../../../src/state/ui';
import type { SyncStatus } from '../../../../src/sync/status';
import { SyncIndicator } from '../../../../src/ui/sync/SyncIndicator';
import { joinedSession } from '../../../helpers/session';

const joined = joinedSession();

function show(status: Partial<SyncStatus>, online = true) {
  uiStore.setState({ lang: 'fr', online });
  syncStore.setState({ session: joined, status: { ...syncStore.getState().status, ...status } });
  render(<SyncIndicator place="topbar" />);
  return screen.getByTestId('sync-indicator');
}

describe('the sync indicator', () => {
  beforeEach(() => {
    syncStore.setState({ session: null });
  });

  test('says "À jour" only when nothing waits', () => {
    expect(show({ state: 'idle', pending: 0, filesWaiting: 0 }).textContent).toBe('À jour');
  });

  test('on a cold start, says nothing until the engine has counted what waits to be sent', () => {
    uiStore.setState({ lang: 'fr', online: true });
    // What the engine reports as it is subscribed to, before reading the outbox.
    syncStore.setState({ session: joined, status: { ...syncStore.getState().status, state: 'unjoined', pending: 0 } });
    const { rerender } = render(<SyncIndicator place="topbar" />);
    expect(screen.queryByTestId('sync-indicator')).toBeNull();
    syncStore.setState({ status: { ...syncStore.getState().status, state: 'idle', pending: 3 } });
    rerender(<SyncIndicator place="topbar" />);
    expect(screen.getByTestId('sync-indicator').textContent).toBe('À envoyer 3');
  });

  test('just after a save, says the change is still to send, with how many', () => {
    const indicator = show({ state: 'idle', pending: 2 });
    expect(indicator.textContent).not.toContain('À jour');
    expect(indicator.textContent).toBe('À envoyer 2');
    expect(indicator.getAttribute('aria-label')?.startsWith('À envoyer 2')).toBe(true);
  });

  test('does not say "À jour" while a photo whose upload failed still waits to be sent', () => {
    const indicator = show({ state: 'idle', pending: 0, filesWaiting: 1 });
    expect(indicator.textContent).toBe('À envoyer');
    expect(indicator.getAttribute('aria-label')).toContain('Fichiers à envoyer');
  });

  test('offline with changes waiting, its name starts with what it shows', () => {
    const indicator = show({ state: 'idle', pending: 3 }, false);
    const seen = indicator.textContent ?? '';
    expect(seen).toBe('Hors ligne 3');
    expect(indicator.getAttribute('aria-label')?.startsWith(seen)).toBe(true);
  });
});
