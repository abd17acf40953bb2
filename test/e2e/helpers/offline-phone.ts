// A phone that opened the app once online (the worker cached every chunk), then lost the
// network with the server stopped: the start of every offline journey. `offlinePhones()`
// registers the browser's lifecycle in the calling test file and returns the opener.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ShellPage } from '../pages/shell-page';
import { launchBrowser, newDevice, PHONE } from './browser';
import { type RunningServer, startServer } from './server';
import { reloadUntilControlled } from './service-worker';

export function offlinePhones(): () => Promise<{ page: Page; shell: ShellPage }> {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    await server?.stop();
    server = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  return async () => {
    server = await startServer();
    context = await newDevice(browser, PHONE);
    const page = await context.newPage();
    const shell = new ShellPage(page, server.url);
    await shell.open();
    await reloadUntilControlled(page);
    await context.setOffline(true);
    await server.stop();
    server = undefined;
    return { page, shell };
  };
}
