import type { Page } from 'playwright-core';

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
 * Waits for the service worker to be active, then reloads until it controls the page — what
 * a user gets after a first visit. Throws when it never does.
 */
export async function reloadUntilControlled(page: Page, attempts = 5): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  for (let attempt = 0; attempt < attempts; attempt++) {
    await page.reload();
    if (await isControlled(page)) return;
  }
  throw new Error(`The service worker did not control the page after ${attempts} reloads.`);
}
