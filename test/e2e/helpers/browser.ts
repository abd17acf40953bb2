// Real Chromium for the e2e tests: Debian's /usr/bin/chromium driven by playwright-core (never
// a browser downloaded by Playwright). A missing Chromium fails the tests; it never skips them.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.VALISE_CHROMIUM ?? '/usr/bin/chromium';

export interface Viewport {
  width: number;
  height: number;
}

export const PHONE: Viewport = { width: 360, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: the e2e tests need a real browser. ` +
        'Install Debian’s package (apt-get install -y chromium) or set VALISE_CHROMIUM to a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh device: its own IndexedDB, caches and service workers, in French, in Paris. */
export function newDevice(browser: Browser, viewport: Viewport = PHONE): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'allow',
  });
}
