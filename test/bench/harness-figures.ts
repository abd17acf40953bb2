// The benchmark's figures measured inside Chromium on a bare page (page/harness.ts) that uses
// the app's own data and sync modules: writes against raw IndexedDB, the initial pull, a push.
// The page runs in a Chromium with no DevTools domain enabled (bare-chromium.ts), the raw
// IndexedDB baseline in the same browser and profile as the figures it is compared with.
import type { BareChromium, BarePage } from './bare-chromium';
import { derived, type Figure, summarise } from './figures';
import type { SeededServer } from './server-side';

type Bench = {
  rawPut(seed: number, count: number): Promise<number>;
  appPut(seed: number, count: number): Promise<number>;
  initialPull(token: string, networkId: string): Promise<{ ms: number; records: number }>;
  push(token: string, networkId: string, seed: number, count: number): Promise<number>;
  onPulledDevice(): Promise<{ listMs: number; firstSearchMs: number; searchMs: number; saveMs: number }>;
  importCsv(seed: number, count: number): Promise<number>;
};

interface HarnessOptions {
  seed: number;
  visits: number;
  /** Records of the whole data set, which a fresh device must pull. */
  records: number;
  runs: number;
}

export async function measureHarness(
  browser: BareChromium,
  url: string,
  server: SeededServer,
  { seed, visits, records, runs }: HarnessOptions,
): Promise<Figure[]> {
  const call = harnessCaller(await browser.open(url, 'window.valiseBench?.ready'));
  const figures: Figure[] = [];

  const putCount = Math.min(visits, 10_000);
  const rawPuts: number[] = [];
  const appPuts: number[] = [];
  for (let run = 0; run < runs; run++) {
    rawPuts.push((putCount / (await call('rawPut', seed, putCount))) * 1000);
    appPuts.push((putCount / (await call('appPut', seed, putCount))) * 1000);
  }
  const rawPut = summarise('idb.raw_put_per_s', 'records/s', rawPuts);
  const appPut = summarise('app.put_per_s', 'records/s', appPuts);
  figures.push(rawPut, appPut, derived('app.put_vs_raw', 'ratio', appPut.median / rawPut.median, '>= 0.9'));

  const pulls: number[] = [];
  const lists: number[] = [];
  const firstSearches: number[] = [];
  const searches: number[] = [];
  const saves: number[] = [];
  for (let run = 0; run < runs; run++) {
    const pulled = await call('initialPull', server.token, server.networkId);
    if (pulled.records !== records) throw new Error(`pulled ${pulled.records} of ${records} records`);
    pulls.push((pulled.records / pulled.ms) * 1000);
    const { listMs, firstSearchMs, searchMs, saveMs } = await call('onPulledDevice');
    lists.push(listMs);
    firstSearches.push(firstSearchMs);
    searches.push(searchMs);
    saves.push(saveMs);
  }
  const pull = summarise('sync.initial_pull_per_s', 'records/s', pulls);
  figures.push(
    pull,
    derived('sync.initial_pull_vs_raw', 'ratio', pull.median / rawPut.median, '>= 0.75'),
    summarise('visits.list_page_ms', 'ms', lists, '<= 20'),
    summarise('search.first_query_ms', 'ms', firstSearches),
    summarise('search.query_ms', 'ms', searches, '<= 80'),
    summarise('visits.save_ms', 'ms', saves, '<= 10'),
  );

  const imports: number[] = [];
  const importCount = Math.min(visits, 10_000);
  for (let run = 0; run < runs; run++) imports.push(await call('importCsv', seed + run, importCount));
  figures.push(
    summarise(importCount === 10_000 ? 'import.contacts_10k_ms' : `import.contacts_${importCount}_ms`, 'ms', imports),
  );

  const pushes: number[] = [];
  const pushCount = Math.min(visits, 10_000);
  for (let run = 0; run < runs; run++)
    pushes.push(await call('push', server.token, server.networkId, seed + 1 + run, pushCount));
  const tenThousand = pushCount === 10_000;
  figures.push(
    summarise(
      tenThousand ? 'sync.push_10k_ms' : `sync.push_${pushCount}_ms`,
      'ms',
      pushes,
      tenThousand ? '<= 2000' : undefined,
    ),
  );
  return figures;
}

function harnessCaller(page: BarePage) {
  return <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
    page.evaluate(`window.valiseBench.${name}(...${JSON.stringify(args)})`) as ReturnType<Bench[K]>;
}
