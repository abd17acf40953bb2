import { render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { startRouter } from '../../../src/state/router';
import { uiStore } from '../../../src/state/ui';

// first-screen.ts counts what the first screen of a page load still waits for: each test
// starts from a fresh page load, that is a fresh copy of the module.
async function freshFirstScreen() {
  vi.resetModules();
  return import('../../../src/ui/first-screen');
}

/** Whether the promise has settled once pending timers and microtasks have run. */
async function settledAfterTimers(promise: Promise<void>, ms = 1000): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('background work after the first screen', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('waits until every part of the first screen has shown', async () => {
    const { afterFirstScreen, holdFirstScreen } = await freshFirstScreen();
    const code = holdFirstScreen();
    const query = holdFirstScreen();
    const started = afterFirstScreen();
    code();
    expect(await settledAfterTimers(started)).toBe(false);
    query();
    query();
    expect(await settledAfterTimers(started)).toBe(true);
  });

  test('keeps waiting for a part that the render after a finished part holds', async () => {
    const { afterFirstScreen, holdFirstScreen } = await freshFirstScreen();
    const code = holdFirstScreen();
    const started = afterFirstScreen();
    let query: () => void = () => undefined;
    // The screen's code arrives; its first render (a microtask later) starts its queries.
    code();
    await Promise.resolve().then(() => {
      query = holdFirstScreen();
    });
    expect(await settledAfterTimers(started)).toBe(false);
    query();
    expect(await settledAfterTimers(started)).toBe(true);
  });

  test('starts anyway after 5 s when a part never shows', async () => {
    const { afterFirstScreen, holdFirstScreen } = await freshFirstScreen();
    holdFirstScreen();
    const started = afterFirstScreen();
    expect(await settledAfterTimers(started, 4000)).toBe(false);
    expect(await settledAfterTimers(started, 3000)).toBe(true);
  });
});

describe('the app shell', () => {
  beforeAll(() => {
    uiStore.setState({ lang: 'fr', online: true, updateAvailable: false, unsavedInputs: 0 });
    location.hash = '';
    startRouter(window);
  });

  test('starts its background work once Visites shows what it read', async () => {
    const { afterFirstScreen } = await freshFirstScreen();
    const { App } = await import('../../../src/ui/App');
    render(<App />);
    await afterFirstScreen();
    expect(screen.getByText('Aucune visite pour l’instant')).toBeTruthy();
  });
});
