// Chromium through playwright-core (Debian's /usr/bin/chromium, as the rest of the e2e suite).
import type { Browser, BrowserContext, ElementHandle, Page } from 'playwright-core';
import { launchBrowser, newDevice, type Viewport } from '../helpers/browser';
import type { Backend, Engine } from './backend';

class ChromiumBackend implements Backend {
  constructor(
    private readonly context: BrowserContext,
    private page: Page,
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
    await this.page.setViewportSize(viewport);
  }

  async killTab(): Promise<void> {
    const viewport = this.page.viewportSize();
    await this.page.close({ runBeforeUnload: false });
    this.page = await this.context.newPage();
    if (viewport) await this.page.setViewportSize(viewport);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export async function launchChromium(): Promise<Engine> {
  const browser: Browser = await launchBrowser();
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    async newBackend(viewport) {
      const context = await newDevice(browser, viewport);
      return new ChromiumBackend(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}
