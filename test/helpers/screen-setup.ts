// The set-up UI tests share, registered as vitest hooks of the file (or describe) that calls it.
import { act } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { appData } from '../../src/db/app-data';
import type { DataContext } from '../../src/db/context';
import { startRouter } from '../../src/state/router';
import { uiStore } from '../../src/state/ui';

/**
 * The words in French before each test, and an empty page after it: Testing Library's cleanup
 * removes only what its own `render` mounted, not a container a test appended by hand.
 */
export function withFrenchPage(): void {
  beforeEach(() => {
    uiStore.setState({ lang: 'fr' });
  });
  afterEach(() => {
    document.body.replaceChildren();
  });
}

/**
 * `withFrenchPage`, and the app's own database opened before each test: the one the screens
 * read through `useLive`, so each test writes its own records there.
 */
export function withAppData(): { readonly context: DataContext } {
  withFrenchPage();
  const app: { context?: DataContext } = {};
  beforeEach(async () => {
    app.context = await appData();
  });
  return {
    get context() {
      if (!app.context) throw new Error('the app’s database opens before each test, not at collection');
      return app.context;
    },
  };
}

/** The whole app's router, started once for the file on an empty address, the words in French. */
export function withAppRouter(): void {
  beforeAll(() => {
    uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
    location.hash = '';
    startRouter(window);
  });
}

/** Goes to an address of the app, as following a link does. */
export function goTo(hash: string): void {
  act(() => {
    location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}
