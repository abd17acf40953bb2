// Registers the service worker in "prompt" mode: a new version installs in the background and
// waits; the shell offers "Recharger", and only the user's click switches to it. Never an
// automatic reload, which could wipe a form being typed.
import { Workbox } from 'workbox-window';

interface RegisterOptions {
  /** A new version waits; `apply` activates it and reloads the page once it controls. */
  onUpdateWaiting: (apply: () => void) => void;
}

const HOUR = 60 * 60 * 1000;

/** Returns a function that looks for a new version now. */
export function registerServiceWorker({ onUpdateWaiting }: RegisterOptions): () => void {
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  // On a first visit the page came from the network and the worker that installs now is its own
  // version, taking the page by itself: it is never offered as an update.
  const firstVisit = navigator.serviceWorker.controller === null;
  let ownWorker: ServiceWorker | null = null;
  let offered = false;

  const offer = (worker: ServiceWorker | null | undefined) => {
    // Only a worker still waiting ("installed") beside the one controlling the page is a new
    // version. WebKit can report the first worker as the registration's waiting one after it
    // activated and took the page (workbox-window's "waiting" comes 200 ms after "installed",
    // from the state it had then): its own state, and whose worker it is, are read now.
    const controller = navigator.serviceWorker.controller;
    if (offered || !worker || !controller || worker === controller || worker === ownWorker) return;
    if (worker.state !== 'installed') return;
    offered = true;
    onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      // Taken already in another tab of the app (its « Recharger »): the worker no longer waits,
      // so no worker gets the message and this page's "controlling" has passed. The page then
      // only reloads into it; before, its « Recharger » stayed greyed out and did nothing.
      if (worker.state === 'installed') wb.messageSkipWaiting();
      else window.location.reload();
    });
  };

  wb.addEventListener('waiting', (event) => offer(event.sw));
  wb.register().then(
    (registration) => {
      if (!registration) return;
      if (firstVisit) ownWorker = registration.installing ?? registration.waiting ?? registration.active;
      // A version found by the browser while this page loaded can still be installing when
      // registration resolves, and workbox-window would then miss its "waiting": watch it here.
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (registration.waiting === installing) offer(installing);
      });
      offer(registration.waiting);
    },
    (error: unknown) => console.warn('Service worker not registered; the app will not open offline.', error),
  );

  // A phone may keep the app open for days: look for a new version hourly and when it is shown again.
  const check = () => wb.update().catch(() => undefined);
  setInterval(check, HOUR);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void check();
  });
  return () => void check();
}
