// Debian's Firefox ESR through WebDriver BiDi (puppeteer-core; never a browser it downloads).
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import type { Viewport } from '../helpers/browser';
import type { Backend, Engine } from './backend';

export const FIREFOX_PATH = process.env.VALISE_FIREFOX ?? '/usr/bin/firefox-esr';

class FirefoxBackend implements Backend {
  constructor(
    private readonly context: BrowserContext,
    private page: Page,
    private viewport: Viewport,
  ) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  evaluate<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  private async element(expression: string): Promise<ElementHandle> {
    const element = (await this.page.evaluateHandle(expression)).asElement();
    if (!element) throw new Error(`No element for ${expression.slice(0, 200)}`);
    return element as ElementHandle;
  }

  async click(expression: string): Promise<void> {
    await (await this.element(expression)).click();
  }

  async type(expression: string, text: string): Promise<void> {
    await (await this.element(expression)).type(text);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  async setViewport(viewport: Viewport): Promise<void> {
    this.viewport = viewport;
    await setViewport(this.page, viewport);
  }

  async killTab(): Promise<void> {
    await this.page.close({ runBeforeUnload: false });
    this.page = await this.context.newPage();
    await setViewport(this.page, this.viewport);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Puppeteer sends the window's size and a screen orientation together; Firefox ESR 140 (Debian
 * 12's) knows no `emulation.setScreenOrientationOverride` and refuses that one alone, after the
 * size is applied. The journeys need the size only.
 */
async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  try {
    await page.setViewport(viewport);
  } catch (error) {
    if (!String(error).includes('setScreenOrientationOverride')) throw error;
  }
  // The refusal may come back before the size is applied: wait for the window's resize to it.
  const kept = await page.evaluate(windowSizedTo, viewport.width, viewport.height, WINDOW_SIZE_WAIT_MS);
  if (kept) throw new Error(`Firefox kept a window ${kept} for ${viewport.width}×${viewport.height}.`);
}

/** Far above the few milliseconds a resize takes, even on a loaded machine. */
const WINDOW_SIZE_WAIT_MS = 30_000;

/**
 * Runs in the page: resolves with nothing once the window is `width`×`height` (at once if it is
 * already), or with the size it kept after `timeoutMs`. An event, not a poll: the page's
 * `waitForFunction` never resolved over BiDi in Firefox ESR 140.
 */
function windowSizedTo(width: number, height: number, timeoutMs: number): Promise<string | null> {
  const sized = () => window.innerWidth === width && window.innerHeight === height;
  if (sized()) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (kept: string | null) => {
      clearTimeout(timer);
      window.removeEventListener('resize', onResize);
      resolve(kept);
    };
    const onResize = () => {
      if (sized()) done(null);
    };
    const timer = setTimeout(() => done(`${window.innerWidth}×${window.innerHeight}`), timeoutMs);
    window.addEventListener('resize', onResize);
  });
}

export async function launchFirefox(): Promise<Engine> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox is missing at ${FIREFOX_PATH}: install Debian's package (apt-get install -y firefox-esr) or set VALISE_FIREFOX.`,
    );
  }
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR, fr', 'intl.locale.requested': 'fr-FR' },
    env: { ...process.env, TZ: 'Europe/Paris' },
  });
  const version = (await browser.version()).replace(/^firefox\//, 'Firefox ESR ');
  return {
    name: 'firefox',
    version,
    async newBackend(viewport) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await setViewport(page, viewport);
      return new FirefoxBackend(context, page, viewport);
    },
    close: () => browser.close(),
  };
}
