// Starts the app: state that follows the browser (route, language, connectivity), the shell,
// then, once the first screen is shown, sync and the service worker that lets the installed
// app open offline.
// The tokens and the shell first: components' and screens' own styles come after and win.
import './ui/styles.css';
import { render } from 'preact';
import { routeStore, startRouter } from './state/router';
import { startSync } from './state/sync';
import { offerUpdate, setUpdateCheck, syncDocumentLanguage, uiStore, watchConnectivity } from './state/ui';
import { App } from './ui/App';
import { afterFirstScreen, whenIdle } from './ui/first-screen';
import { watchNavigations } from './ui/focus';
import { findScreen } from './ui/routes';

// The first screen's code starts downloading now rather than after the shell's first render.
// A failure here is shown by the screen outlet, which loads it again.
findScreen(routeStore.getState().route.screen)
  ?.load()
  .catch(() => undefined);

syncDocumentLanguage();
startRouter();
watchConnectivity();
watchNavigations();

let leavingOnPurpose = false;
window.addEventListener('beforeunload', (event) => {
  // The browser asks "leave the page?" only when some form still holds unsaved input.
  if (!leavingOnPurpose && uiStore.getState().unsavedInputs > 0) event.preventDefault();
});

// The first render in a task after the modules' evaluation: two shorter tasks block a tap less
// than one long (Lighthouse counts each past 50 ms of a slow phone). index.html paints a frame of
// the shell before any script; the real shell takes its place in one task, so no frame is ever
// drawn empty.
setTimeout(() => {
  const root = document.getElementById('app') as HTMLElement;
  root.replaceChildren();
  render(<App />, root);
  // The sync engine and the service worker (whose install downloads every screen) start once the
  // first screen has shown its data and the browser is idle: on a slow phone they never compete
  // with the first render for the network or the main thread. No top-level await: a module
  // that waits keeps every module importing it waiting too.
  void afterFirstScreen().then(startInBackground);
});

async function startInBackground(): Promise<void> {
  void startSync();
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // A task of its own, after the engine's start: two short tasks block a tap less than one long.
  await whenIdle();
  const { registerServiceWorker } = await import('./pwa/register');
  const check = registerServiceWorker({
    onUpdateWaiting: (apply) =>
      offerUpdate(() => {
        // The user chose to reload (and confirmed, if input was unsaved): no second question.
        leavingOnPurpose = true;
        apply();
      }),
  });
  setUpdateCheck(check);
}
