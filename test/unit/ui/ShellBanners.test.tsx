import { act, fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { appData } from '../../../src/db/app-data';
import { parseHash, routeStore } from '../../../src/state/router';
import { startRuntime } from '../../../src/state/sync-runtime';
import {
  holdUnsavedInput,
  offerUpdate,
  requireUpgrade,
  setOnline,
  setUpdateCheck,
  uiStore,
  whileSavingBackup,
} from '../../../src/state/ui';
import { ShellBanners } from '../../../src/ui/ShellBanners';

beforeEach(() => {
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0, upgradeRequired: false });
});

describe('the shell banners', () => {
  test('say, on any screen but Réglages (which says it by its button), that saves wait for a backup being saved', async () => {
    const goTo = (hash: string) => act(() => routeStore.setState({ route: parseHash(hash) }));
    let done = () => {};
    const notice = { title: 'Sauvegarde en cours', text: 'Vos enregistrements attendent qu’elle soit finie.' };
    const saving = whileSavingBackup(notice, () => new Promise<void>((resolve) => (done = resolve)));
    try {
      goTo('#/visites/nouvelle');
      render(<ShellBanners />);
      expect(screen.getByTestId('saving-backup-banner').textContent).toBe(`${notice.title}${notice.text}`);
      // Closing the page asks first, as with a form not saved.
      expect(uiStore.getState().unsavedInputs).toBe(1);
      goTo('#/reglages');
      expect(screen.queryByTestId('saving-backup-banner')).toBeNull();
      goTo('#/visites/nouvelle');
      await act(async () => {
        done();
        await saving;
      });
      expect(screen.queryByTestId('saving-backup-banner')).toBeNull();
      expect(uiStore.getState().unsavedInputs).toBe(0);
    } finally {
      routeStore.setState({ route: parseHash('') });
    }
  });

  test('say calmly that the device is offline, and leave when it is back', () => {
    render(<ShellBanners />);
    expect(screen.queryByRole('status')).toBeNull();

    act(() => setOnline(false));
    expect(screen.getByRole('status').textContent).toBe('Hors ligne — tout est enregistré sur cet appareil.');

    act(() => setOnline(true));
    expect(screen.queryByRole('status')).toBeNull();
  });

  test('warn, on an address the browser does not trust, that the app will not open offline', () => {
    const secure = (value: boolean) => Object.defineProperty(window, 'isSecureContext', { value, configurable: true });
    try {
      secure(false);
      const { unmount } = render(<ShellBanners />);
      expect(screen.getByTestId('insecure-banner').textContent).toContain(
        `Le navigateur n’installe pas Valise depuis http://${location.host}\u00a0: sans réseau, l’application ne s’ouvrira pas.`,
      );
      unmount();
      secure(true);
      render(<ShellBanners />);
      expect(screen.queryByTestId('insecure-banner')).toBeNull();
    } finally {
      Reflect.deleteProperty(window, 'isSecureContext');
    }
  });

  test('offer a new version and reload into it only on the user’s click', () => {
    const apply = vi.fn();
    render(<ShellBanners />);
    act(() => offerUpdate(apply));

    expect(screen.getByRole('status').textContent).toContain('Nouvelle version disponible');
    expect(apply).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Recharger' }));
    expect(apply).toHaveBeenCalledTimes(1);
  });

  test('offer to reload into a new version another tab opened, this one’s database being closed', async () => {
    const reload = vi.fn();
    render(<ShellBanners />);
    await startRuntime();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    const { db } = await appData();
    // The other tab's newer app opens the database with its next schema version.
    const newer = indexedDB.open(db.name, db.verno * 10 + 10);
    await act(() => new Promise<void>((resolve) => (newer.onsuccess = () => resolve(newer.result.close()))));

    expect(screen.getByRole('status').textContent).toBe('Nouvelle version disponibleRecharger');
    fireEvent.click(screen.getByRole('button', { name: 'Recharger' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  test('ask before reloading while a form holds unsaved input', () => {
    const apply = vi.fn();
    render(<ShellBanners />);
    let release = () => {};
    act(() => {
      offerUpdate(apply);
      release = holdUnsavedInput();
    });

    fireEvent.click(screen.getByRole('button', { name: 'Recharger' }));
    expect(apply).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toContain('Une saisie n’est pas encore enregistrée');

    fireEvent.click(screen.getByRole('button', { name: 'Plus tard' }));
    expect(screen.getByRole('button', { name: 'Recharger' })).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Recharger' }));
    fireEvent.click(screen.getByRole('button', { name: 'Recharger quand même' }));
    expect(apply).toHaveBeenCalledTimes(1);
    act(() => release());
  });

  test('say in words that the server requires an update, fetch it, then offer to reload into it', () => {
    const check = vi.fn();
    const apply = vi.fn();
    setUpdateCheck(check);
    render(<ShellBanners />);
    act(() => requireUpgrade());
    // The update is looked for at once, and again on the person's request.
    expect(check).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toContain('Mise à jour nécessaire');
    expect(screen.getByRole('status').textContent).toContain('Vos données restent sur cet appareil');
    fireEvent.click(screen.getByRole('button', { name: 'Mettre à jour' }));
    expect(check).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toContain('La nouvelle version se télécharge');

    act(() => offerUpdate(apply));
    expect(screen.getByRole('status').textContent).toContain('Mise à jour nécessaire');
    fireEvent.click(screen.getByRole('button', { name: 'Recharger' }));
    expect(apply).toHaveBeenCalledTimes(1);
  });
});
