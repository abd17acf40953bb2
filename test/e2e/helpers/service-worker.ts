import { errors, type Page } from 'playwright-core';
import { waitFor } from '../../helpers/wait-for';

export function isControlled(page: Page): Promise<boolean> {
  return page.evaluate(() => navigator.serviceWorker.controller !== null);
}

/** A new service worker waits beside the one that still controls the page. */
export function newVersionWaits(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const controller = navigator.serviceWorker.controller;
    const waiting = registration?.waiting;
    return !!controller && registration?.active === controller && waiting?.state === 'installed';
  });
}

/**
 * How long a first visit may take to be controlled: well under the test's timeout (120 s), so a
 * worker that never activates or never takes the page fails with its own message, not the test's.
 */
const CONTROL_MS = 60_000;

/**
 * Waits for the service worker to be active, then reloads until it controls the page — what
 * a user gets after a first visit. Throws when it never does.
 */
export async function reloadUntilControlled(page: Page, attempts = 5): Promise<void> {
  const deadline = Date.now() + CONTROL_MS;
  await waitFor(
    'The service worker never became active',
    () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated'),
    { timeout: CONTROL_MS },
  );
  for (let attempt = 0; attempt < attempts; attempt++) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      await page.reload({ timeout: left });
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      throw new Error(`The page did not reload within ${CONTROL_MS / 1000} s while waiting for its service worker.`, {
        cause: error,
      });
    }
    if (await isControlled(page)) return;
  }
  throw new Error(
    `The service worker did not control the page within ${CONTROL_MS / 1000} s (${attempts} reloads at most).`,
  );
}
