// The benchmark's figures of the real app: a phone joins the seeded network through the app,
// pulls everything, then starts offline under 4× CPU throttling until the visit list shows.
import type { BrowserContext, Page } from 'playwright-core';
import { VISITS_LISTED } from '../../src/ui/perf-marks';
import { reloadUntilControlled } from '../e2e/helpers/service-worker';
import { NetworkPage } from '../e2e/pages/network-page';
import { type Figure, summarise } from './figures';

/** `context` is a fresh phone; the figures leave it joined and offline. */
export async function measureApp(
  context: BrowserContext,
  serverUrl: string,
  invitationCode: string,
  runs: number,
): Promise<Figure[]> {
  const page = await context.newPage();
  await page.goto(serverUrl);
  await reloadUntilControlled(page);
  const network = new NetworkPage(page, serverUrl);
  await network.openInvitation(invitationCode);
  await network.join('Banc d’essai', 'Téléphone du banc');
  // The whole network comes down on joining; the status turns "à jour" when it has.
  await page.waitForFunction(
    () => document.querySelector('#reseau [data-sync-state]')?.getAttribute('data-sync-state') === 'idle',
    null,
    { timeout: 900_000, polling: 500 },
  );

  await context.setOffline(true);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${serverUrl}/#/visites`);
  const starts: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.reload();
    starts.push(await listedAt(page));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
  if (heap === undefined) throw new Error('Chromium gave no JSHeapUsedSize');
  return [
    summarise('start.offline_cold_ms', 'ms', starts, '<= 1000'),
    summarise('memory.js_heap_mb', 'MB', [heap / 2 ** 20]),
  ];
}

/** Milliseconds from the navigation's start to the visit list's first rows. */
async function listedAt(page: Page): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, VISITS_LISTED, {
    timeout: 60_000,
  });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, VISITS_LISTED);
}
