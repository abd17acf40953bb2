// UI and session state of the shell: language, connectivity, a waiting app update, and
// whether some form holds input not saved yet. Data never lives here (it is in IndexedDB).
import { createStore } from 'zustand/vanilla';
import { useStore } from './use-store';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'valise.lang';

interface UiState {
  lang: Language;
  /** navigator.onLine, kept current by online/offline events (it only knows the link is down). */
  online: boolean;
  /** A new version of the app is installed and waits for the user to reload. */
  updateAvailable: boolean;
  /** How many forms hold input that is not saved: an update reload asks first when > 0. */
  unsavedInputs: number;
  /** The server answered 426: this version must update before it syncs again. */
  upgradeRequired: boolean;
  /** What the shell says while a backup file is written: the device's saves and pulls wait for its end. */
  savingBackup: BackupNotice | null;
}

/** The words of that notice, in the language of the screen that started the backup. */
interface BackupNotice {
  title: string;
  text: string;
}

export const uiStore = createStore<UiState>(() => ({
  lang: readStoredLanguage(),
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  updateAvailable: false,
  unsavedInputs: 0,
  upgradeRequired: false,
  savingBackup: null,
}));

export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(uiStore, selector);
}

/**
 * The language chosen in Réglages on this device, else French — not the browser's language: the
 * networks work in French, and a phone or browser set to English (a second-hand phone, a
 * browser's default) would otherwise show a concierge other words than her colleagues'.
 */
function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : 'fr';
  } catch {
    // Storage can be refused (private mode, blocked cookies): French is the default.
    return 'fr';
  }
}

export function setLanguage(lang: Language): void {
  uiStore.setState({ lang });
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not persisted, but the switch still applies to this visit.
  }
  syncDocumentLanguage();
}

/** Keeps `<html lang>` on the current language, so screen readers pronounce it right. */
export function syncDocumentLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = uiStore.getState().lang;
}

export function setOnline(online: boolean): void {
  uiStore.setState({ online });
}

/** Follows the browser's connectivity events; returns a function that stops following. */
export function watchConnectivity(target: Window = window): () => void {
  const update = () => setOnline(target.navigator.onLine);
  target.addEventListener('online', update);
  target.addEventListener('offline', update);
  update();
  return () => {
    target.removeEventListener('online', update);
    target.removeEventListener('offline', update);
  };
}

let reloadIntoUpdate: (() => void) | null = null;

/** The service worker registration offers a waiting version; `apply` switches to it and reloads. */
export function offerUpdate(apply: () => void): void {
  reloadIntoUpdate = apply;
  uiStore.setState({ updateAvailable: true });
}

/** Called by the user's "Recharger", never automatically. */
export function applyUpdate(): void {
  reloadIntoUpdate?.();
}

let lookForUpdate: () => void = () => undefined;

/** The service worker registration tells how to look for a new version now. */
export function setUpdateCheck(check: () => void): void {
  lookForUpdate = check;
}

/** Asks the server for a new version of the app; a found one is offered like any update. */
export function checkForUpdate(): void {
  lookForUpdate();
}

/** The server no longer serves this version: say so, and start fetching the new one. */
export function requireUpgrade(): void {
  if (uiStore.getState().upgradeRequired) return;
  uiStore.setState({ upgradeRequired: true });
  checkForUpdate();
}

/**
 * A form declares it holds unsaved input; the returned function releases it (calling it twice
 * releases once). Prefer the `useUnsavedInput(dirty)` hook in components.
 */
export function holdUnsavedInput(): () => void {
  uiStore.setState((state) => ({ unsavedInputs: state.unsavedInputs + 1 }));
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    uiStore.setState((state) => ({ unsavedInputs: Math.max(0, state.unsavedInputs - 1) }));
  };
}

/** Backups being saved in this tab: Réglages' button and Quitter le réseau's offer can overlap. */
let backupsSaving = 0;

/**
 * Runs `save`, the writing of a backup file. It reads the device in one transaction, so a form's
 * save or a pull started meanwhile waits for its end (seconds for tens of megabytes): the shell
 * says so with `notice` (words kept out of the first screen's code), and closing the page asks
 * first, as with input not saved yet. Counted, so the first of two backups to end does not clear
 * the notice while the other still reads. Another tab's backup holds this tab's saves just the
 * same, with no notice here: tabs do not tell each other.
 */
export async function whileSavingBackup<T>(notice: BackupNotice, save: () => Promise<T>): Promise<T> {
  const release = holdUnsavedInput();
  backupsSaving += 1;
  uiStore.setState({ savingBackup: notice });
  try {
    return await save();
  } finally {
    backupsSaving -= 1;
    if (backupsSaving === 0) uiStore.setState({ savingBackup: null });
    release();
  }
}
