import { beforeEach, describe, expect, test } from 'vitest';
import {
  holdUnsavedInput,
  LANGUAGE_STORAGE_KEY,
  setLanguage,
  syncDocumentLanguage,
  uiStore,
  watchConnectivity,
  whileSavingBackup,
} from '../../../src/state/ui';

beforeEach(() => {
  localStorage.clear();
  uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
});

describe('the language', () => {
  test('is remembered on the device and set on <html lang>', () => {
    setLanguage('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    setLanguage('fr');
    syncDocumentLanguage();
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('unsaved input', () => {
  test('is counted per form, and a release counts once however often it is called', () => {
    const releaseVisit = holdUnsavedInput();
    const releaseContact = holdUnsavedInput();
    expect(uiStore.getState().unsavedInputs).toBe(2);

    releaseVisit();
    releaseVisit();
    expect(uiStore.getState().unsavedInputs).toBe(1);
    releaseContact();
    expect(uiStore.getState().unsavedInputs).toBe(0);
  });
});

describe('a backup being saved', () => {
  test('keeps its notice until the last of two overlapping backups ends', async () => {
    const ends: (() => void)[] = [];
    const notice = { title: 'Sauvegarde en cours', text: 'Vos enregistrements attendent.' };
    const first = whileSavingBackup(notice, () => new Promise<void>((resolve) => ends.push(resolve)));
    const second = whileSavingBackup(notice, () => new Promise<void>((resolve) => ends.push(resolve)));
    ends[0]?.();
    await first;
    expect(uiStore.getState().savingBackup).toBe(notice);
    ends[1]?.();
    await second;
    expect(uiStore.getState().savingBackup).toBeNull();
  });
});

describe('connectivity', () => {
  test('follows the browser’s offline and online events', () => {
    let onLine = true;
    Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => onLine });
    const stop = watchConnectivity(window);

    onLine = false;
    window.dispatchEvent(new Event('offline'));
    expect(uiStore.getState().online).toBe(false);

    onLine = true;
    window.dispatchEvent(new Event('online'));
    expect(uiStore.getState().online).toBe(true);
    stop();
  });
});
