// When the first screen has shown what it reads (its code, then its first query results): the
// moment the app starts its background work — the sync engine, the service worker and its
// install downloads — so that on a slow phone none of it competes with the first render for
// the network or the main thread.

/** Past this, background work starts anyway (a query that never answers must not stop sync). */
const LONGEST_WAIT_MS = 5000;

let pending = 0;
let settled = false;
let check: ReturnType<typeof setTimeout> | undefined;
let resolveShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  resolveShown = resolve;
});

function settle(): void {
  if (settled) return;
  settled = true;
  resolveShown();
}

/**
 * A part of the first screen starts loading; the returned function says it has shown (or
 * failed), and may be called more than once. Called while rendering, so that a part rendered
 * in the same turn as another part ends counts before the count reaches zero.
 */
export function holdFirstScreen(): () => void {
  if (settled) return () => undefined;
  pending++;
  clearTimeout(check);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    pending--;
    // A macrotask later: the render that a finished part triggers (a microtask) may hold anew.
    if (pending === 0) check = setTimeout(() => pending === 0 && settle());
  };
}

/** Resolves once the first screen has shown and the browser is idle (or after 5 s at most). */
export function afterFirstScreen(): Promise<void> {
  // Nothing held by the first render (a screen without queries) is shown at once.
  if (pending === 0) check ??= setTimeout(() => pending === 0 && settle());
  const waited = new Promise<void>((resolve) => setTimeout(resolve, LONGEST_WAIT_MS));
  return Promise.race([shown, waited]).then(whenIdle);
}

/** Once the main thread has room (WebKit has no requestIdleCallback). */
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 100);
  });
}
