// Real Chromium for the e2e tests: Debian's /usr/bin/chromium driven by playwright-core (never
// a browser downloaded by Playwright). A missing Chromium fails the tests; it never skips them.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.VALISE_CHROMIUM ?? '/usr/bin/chromium';

export interface Viewport {
  width: number;
  height: number;
}

export const PHONE: Viewport = { width: 360, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

/** Flags for this sandbox: no GPU, no sandbox as root, and no calls to Google's services. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium's own language, which the context's `locale` does not reach: the order and the words
 * of a date or time field (jour/mois/année, 24 h), its validation bubbles. On Linux it is read
 * from LANGUAGE (--lang=fr-FR changes nothing there) and needs Debian's chromium-l10n; without
 * it Chromium falls back to en-US ("12/06/2026", "09:00 AM"), which no French phone shows.
 */
const CHROMIUM_ENV = { ...process.env, LANGUAGE: 'fr' };

export function chromiumPath(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: the e2e tests need a real browser. ` +
        'Install Debian’s package (apt-get install -y chromium) or set VALISE_CHROMIUM to a Chromium binary.',
    );
  }
  return CHROMIUM_PATH;
}

/** `extraArgs`: e.g. a host name mapped to loopback and a test CA's key (the HTTPS test). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, ...extraArgs],
    env: CHROMIUM_ENV,
  });
}

/**
 * A device with a real browser profile on disk (not an incognito-like context): what Chromium
 * needs to consider an app installable. Closing the context ends the browser; the profile
 * folder is removed.
 */
export async function launchProfileDevice(
  viewport: Viewport = PHONE,
  /** What runs Chromium (a launcher that gives it a small disk: small-disk.ts); default Chromium itself. */
  executablePath = chromiumPath(),
): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'valise-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_ARGS,
    env: CHROMIUM_ENV,
    viewport,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  // The profile can only go once Chromium has exited, which `close()` waits for.
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return context;
}

/**
 * A fresh device: its own IndexedDB, caches and service workers, in French, in Paris. `touch`:
 * a phone's screen, a finger and no mouse (`pointer: coarse`, `hover: none`, the meta viewport
 * obeyed), as the page's media queries see a real phone; without it, a desktop browser's window.
 */
export function newDevice(
  browser: Browser,
  viewport: Viewport = PHONE,
  { serviceWorkers = 'allow', touch = false }: { serviceWorkers?: 'allow' | 'block'; touch?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers,
    hasTouch: touch,
    isMobile: touch,
  });
}
