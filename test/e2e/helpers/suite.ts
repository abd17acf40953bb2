// The lifecycle most e2e files share: one Chromium for the file, and each test's devices and
// servers closed after it, whatever its outcome. Registers its hooks in the calling file.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, newDevice, PHONE, type Viewport } from './browser';
import type { RunningServer } from './server';

export interface DeviceSuite {
  /** A fresh device (its own profile) with one page, closed after the test. */
  device(viewport?: Viewport): Promise<{ context: BrowserContext; page: Page }>;
  /** The test's servers, stopped after it; a test that stops one itself takes it out. */
  servers: RunningServer[];
}

export function deviceSuite(): DeviceSuite {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    servers,
    async device(viewport = PHONE) {
      const context = await newDevice(browser, viewport);
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
  };
}
