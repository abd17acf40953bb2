// Registers the service worker in "prompt" mode: a new version installs in the background and
// waits; the shell offers "Recharger", and only the user's click switches to it. Never an
// automatic reload, which could wipe a form being typed.
import { Workbox } from 'workbox-window';

export interface RegisterOptions {
  /** A new version waits; `apply` activates it and reloads the page once it controls. */
  onUpdateWaiting: (apply: () => void) => void;
}

const HOUR = 60 * 60 * 1000;

/** Returns a function that looks for a new version now. */
export function registerServiceWorker({ onUpdateWaiting }: RegisterOptions): () => void {
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  let offered = false;

  const offer = () => {
    // The very first install has nothing to replace: it just starts controlling.
    if (offered || !navigator.serviceWorker.controller) return;
    offered = true;
    onUpdateWaiting(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  };

  wb.addEventListener('waiting', offer);
  wb.register().then(
    (registration) => {
      if (!registration) return;
      // A version found by the browser while this page loaded can still be installing when
      // registration resolves, and workbox-window would then miss its "waiting": watch it here.
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && registration.waiting === installing) offer();
      });
      if (registration.waiting) offer();
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
