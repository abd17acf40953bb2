// A phone that opened the app once online (the worker cached every chunk), then lost the
// network with the server stopped: the start of every offline journey. `offlinePhones()`
// registers the browser's lifecycle in the calling test file (or uses the file's own suite)
// and returns the opener.
import type { Page } from 'playwright-core';
import { ShellPage } from '../pages/shell-page';
import { PHONE } from './browser';
import { startServer } from './server';
import { reloadUntilControlled } from './service-worker';
import { type DeviceSuite, deviceSuite } from './suite';

export function offlinePhones(suite: DeviceSuite = deviceSuite()): () => Promise<{ page: Page; shell: ShellPage }> {
  return async () => {
    const server = await startServer();
    suite.servers.push(server);
    const { context, page } = await suite.device(PHONE);
    const shell = new ShellPage(page, server.url);
    await shell.open();
    await reloadUntilControlled(page);
    await context.setOffline(true);
    await server.stop();
    suite.servers.splice(suite.servers.indexOf(server), 1);
    return { page, shell };
  };
}
