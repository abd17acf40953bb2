// When the update prompt appears: only for a new version waiting beside the one that controls
// the page — never for the first worker of a first visit, however late an engine reports it.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

type Listener = (event: { sw?: FakeWorker }) => void;

class FakeWorker extends EventTarget {
  constructor(public state: ServiceWorkerState) {
    super();
  }
}

/** The registration as the engine reports it, changed by each test. */
const registration: { installing: FakeWorker | null; waiting: FakeWorker | null; active: FakeWorker | null } = {
  installing: null,
  waiting: null,
  active: null,
};
const listeners = new Map<string, Listener[]>();
/** The registration the app last asked for, as its promise. */
let registered: Promise<typeof registration> = Promise.resolve(registration);

vi.mock('workbox-window', () => ({
  Workbox: class {
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    }
    register() {
      registered = Promise.resolve(registration);
      return registered;
    }
    update() {
      return Promise.resolve();
    }
    messageSkipWaiting() {}
  },
}));

const { registerServiceWorker } = await import('../../../src/pwa/register');

function setController(worker: FakeWorker | null): void {
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { controller: worker } });
}

function dispatch(type: string, sw: FakeWorker): void {
  for (const listener of listeners.get(type) ?? []) listener({ sw });
}

/** Once the app has handled its registration: its handler was chained first, so it ran first. */
const settled = () => registered;

/** A first visit: no controller when the page loads, its own worker installing. */
async function firstVisit(onUpdateWaiting: () => void): Promise<FakeWorker> {
  setController(null);
  const first = new FakeWorker('installing');
  registration.installing = first;
  registerServiceWorker({ onUpdateWaiting });
  await settled();
  return first;
}

beforeEach(() => {
  listeners.clear();
  Object.assign(registration, { installing: null, waiting: null, active: null });
});

afterEach(() => {
  vi.clearAllTimers();
});

describe('the update prompt', () => {
  test('never appears on a first visit, even when the engine calls the first worker "waiting" after it took the page', async () => {
    const onUpdateWaiting = vi.fn();
    const first = await firstVisit(onUpdateWaiting);

    // WebKit: the worker activated and claimed the page, yet the registration still names it
    // waiting when workbox-window's delayed "waiting" fires.
    first.state = 'activated';
    setController(first);
    registration.waiting = first;
    dispatch('waiting', first);
    // Even if its state were read late too, it is this page's own first worker.
    first.state = 'installed';
    dispatch('waiting', first);
    expect(onUpdateWaiting).not.toHaveBeenCalled();
  });

  test('appears for a new version waiting beside the controlling one, and only once', async () => {
    const current = new FakeWorker('activated');
    setController(current);
    registration.active = current;
    const onUpdateWaiting = vi.fn();
    registerServiceWorker({ onUpdateWaiting });
    await settled();

    const next = new FakeWorker('installed');
    registration.waiting = next;
    dispatch('waiting', next);
    dispatch('waiting', next);
    expect(onUpdateWaiting).toHaveBeenCalledTimes(1);
  });

  test('appears for a new version a first-visit page meets days later', async () => {
    const onUpdateWaiting = vi.fn();
    const first = await firstVisit(onUpdateWaiting);
    first.state = 'activated';
    setController(first);

    const next = new FakeWorker('installed');
    dispatch('waiting', next);
    expect(onUpdateWaiting).toHaveBeenCalledTimes(1);
  });

  test('does not appear for a worker that no longer waits', async () => {
    const current = new FakeWorker('activated');
    setController(current);
    const onUpdateWaiting = vi.fn();
    registerServiceWorker({ onUpdateWaiting });
    await settled();

    dispatch('waiting', new FakeWorker('activating'));
    expect(onUpdateWaiting).not.toHaveBeenCalled();
  });

  test('reloads into a version another tab of the app has already taken', async () => {
    const current = new FakeWorker('activated');
    setController(current);
    let apply = () => {};
    registerServiceWorker({ onUpdateWaiting: (given) => (apply = given) });
    await settled();
    const next = new FakeWorker('installed');
    registration.waiting = next;
    dispatch('waiting', next);

    // « Recharger » in the other tab: the new version activates and controls this page too.
    next.state = 'activated';
    registration.waiting = null;
    setController(next);
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    apply();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
