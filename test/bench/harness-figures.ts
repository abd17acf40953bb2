// The benchmark's figures measured inside Chromium on a bare page (page/harness.ts) that uses
// the app's own data and sync modules: writes against raw IndexedDB, the initial pull, a push.
// The page runs in a Chromium with no DevTools domain enabled (bare-chromium.ts), the raw
// IndexedDB baseline in the same browser and profile as the figures it is compared with, a new
// profile each round.
import type { BareChromium, BarePage } from './bare-chromium';
import { type Figure, pairedRatio, summarise } from './figures';
import type { SeededServer } from './server-side';

type Bench = {
  rawPut(seed: number, count: number): Promise<number>;
  rawPutIndexed(seed: number, count: number): Promise<number>;
  appPut(seed: number, count: number): Promise<number>;
  initialPull(token: string, networkId: string): Promise<{ ms: number; records: number }>;
  rawPutPulled(): Promise<{ ms: number; records: number }>;
  push(token: string, networkId: string, clockNode: string, seed: number, count: number): Promise<number>;
  onPulledDevice(): Promise<{
    listMs: number;
    overdueCountMs: number;
    firstSearchMs: number;
    searchMs: number[];
    saveMs: number[];
    personPageMs: number;
    reportYearMs: number;
    mergePeopleMs: number;
  }>;
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
  launch: () => Promise<BareChromium>,
  url: string,
  server: SeededServer,
  { seed, visits, records, runs }: HarnessOptions,
): Promise<Figure[]> {
  // Every round runs in a new profile, as a phone joins its network once, into an origin with
  // nothing deleted yet. In one profile each round's pull ran slower than the last (6,800 to
  // 4,500 records/s over five rounds of 87,000 records, against 6,300–6,700/s in new profiles):
  // the origin's storage still carried the databases the rounds before had written and deleted.
  const inNewProfile = async <T>(work: (call: HarnessCall) => Promise<T>): Promise<T> => {
    const browser = await launch();
    try {
      return await work(harnessCaller(await browser.open(url, 'window.valiseBench?.ready')));
    } finally {
      await browser.close();
    }
  };

  // Each round measures the raw baselines and the app back to back, in an order that turns
  // round by round, and each ratio is the median of its rounds' ratios: the VM's speed moves
  // between rounds (the raw put alone by half inside one run), much less within one. The pull has
  // two baselines of its round: the issue's, a raw put of 10,000 visits into a bare store just
  // before or just after it; and a raw write of what it stored into the app's record stores and
  // their indexes, right after it.
  const count = Math.min(visits, 10_000);
  const perSecond = (ms: number) => (count / ms) * 1000;
  const rawPuts: number[] = [];
  const rawIndexedPuts: number[] = [];
  const appPuts: number[] = [];
  const pulls: number[] = [];
  const pullRawPuts: number[] = [];
  const pulledRawPuts: number[] = [];
  const lists: number[] = [];
  const overdueCounts: number[] = [];
  const firstSearches: number[] = [];
  const searches: number[] = [];
  const firstSaves: number[] = [];
  const saves: number[] = [];
  const personPages: number[] = [];
  const reportYears: number[] = [];
  const mergesOfPeople: number[] = [];
  const imports: number[] = [];
  for (let run = 0; run < runs; run++) {
    await inNewProfile(async (call) => {
      const puts = [
        async () => rawPuts.push(perSecond(await call('rawPut', seed, count))),
        async () => rawIndexedPuts.push(perSecond(await call('rawPutIndexed', seed, count))),
        async () => appPuts.push(perSecond(await call('appPut', seed, count))),
      ];
      for (const measure of run % 2 === 0 ? puts : puts.reverse()) await measure();

      const rawPutBesidePull = async () => pullRawPuts.push(perSecond(await call('rawPut', seed, count)));
      if (run % 2 === 0) await rawPutBesidePull();
      const pulled = await call('initialPull', server.token, server.networkId);
      if (pulled.records !== records) throw new Error(`pulled ${pulled.records} of ${records} records`);
      pulls.push((pulled.records / pulled.ms) * 1000);
      if (run % 2 === 1) await rawPutBesidePull();
      const rawPulled = await call('rawPutPulled');
      pulledRawPuts.push((rawPulled.records / rawPulled.ms) * 1000);

      const { listMs, overdueCountMs, firstSearchMs, searchMs, saveMs, personPageMs, reportYearMs, mergePeopleMs } =
        await call('onPulledDevice');
      lists.push(listMs);
      overdueCounts.push(overdueCountMs);
      firstSearches.push(firstSearchMs);
      searches.push(...searchMs);
      firstSaves.push(saveMs[0] ?? Number.NaN);
      saves.push(...saveMs);
      personPages.push(personPageMs);
      reportYears.push(reportYearMs);
      mergesOfPeople.push(mergePeopleMs);
      imports.push(await call('importCsv', seed + run, count));
    });
  }

  // The pushes add records to the network: they come once every pull is measured.
  const pushes: number[] = [];
  for (let run = 0; run < runs; run++)
    pushes.push(
      await inNewProfile((call) =>
        call('push', server.token, server.networkId, server.clockNode, seed + 1 + run, count),
      ),
    );

  const tenThousand = count === 10_000;
  return [
    summarise('idb.raw_put_per_s', 'records/s', rawPuts),
    summarise('idb.raw_put_indexed_per_s', 'records/s', rawIndexedPuts),
    summarise('app.put_per_s', 'records/s', appPuts),
    pairedRatio('app.put_vs_raw', appPuts, rawPuts, '>= 0.9'),
    pairedRatio('app.put_vs_raw_indexed', appPuts, rawIndexedPuts),
    summarise('sync.initial_pull_per_s', 'records/s', pulls),
    pairedRatio('sync.initial_pull_vs_raw', pulls, pullRawPuts, '>= 0.75'),
    summarise('idb.raw_put_pulled_per_s', 'records/s', pulledRawPuts),
    pairedRatio('sync.initial_pull_vs_raw_pulled', pulls, pulledRawPuts),
    summarise('visits.list_page_ms', 'ms', lists, '<= 20'),
    summarise('followUps.overdue_count_ms', 'ms', overdueCounts),
    summarise('search.first_query_ms', 'ms', firstSearches, '<= 150'),
    summarise('search.query_ms', 'ms', searches, '<= 80'),
    summarise('visits.first_save_ms', 'ms', firstSaves),
    summarise('visits.save_ms', 'ms', saves, '<= 10'),
    summarise('contacts.person_page_ms', 'ms', personPages),
    summarise('reports.year_ms', 'ms', reportYears),
    summarise('merge.people_ms', 'ms', mergesOfPeople),
    summarise(tenThousand ? 'import.contacts_10k_ms' : `import.contacts_${count}_ms`, 'ms', imports),
    summarise(
      tenThousand ? 'sync.push_10k_ms' : `sync.push_${count}_ms`,
      'ms',
      pushes,
      tenThousand ? '<= 2000' : undefined,
    ),
  ];
}

type HarnessCall = ReturnType<typeof harnessCaller>;

function harnessCaller(page: BarePage) {
  return <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
    page.evaluate(`window.valiseBench.${name}(...${JSON.stringify(args)})`) as ReturnType<Bench[K]>;
}
