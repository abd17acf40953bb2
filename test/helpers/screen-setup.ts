// The set-up UI tests share, registered as vitest hooks of the file (or describe) that calls it.
import { afterEach, beforeEach } from 'vitest';
import { appData } from '../../src/db/app-data';
import type { DataContext } from '../../src/db/context';
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
