// `npm run bench`: the field-scale benchmark. Prints the machine, one JSON line per figure,
// then a table. Options: see USAGE (`npm run bench -- --help`).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { DESKTOP, launchProfileDevice, PHONE } from '../e2e/helpers/browser';
import { buildApp } from '../e2e/helpers/build';
import { startServer } from '../e2e/helpers/server';
import { firstScreenReport } from '../tools/bundle-report';
import { measureApp } from './app-figures';
import { launchBareChromium } from './bare-chromium';
import { measureCommunes } from './communes-figures';
import { datasetSize, generateDataset } from './data/dataset';
import { type Figure, formatLine, formatTable, summarise } from './figures';
import { measureHarness } from './harness-figures';
import { LOW_PRIORITY, measureFirstVisit } from './lighthouse-figures';
import { watchMachineLoad } from './machine-load';
import { measureServer, seedServer } from './server-side';

export interface BenchOptions {
  visits: number;
  runs: number;
  seed: number;
  print?: (line: string) => void;
  /** An app already built (the tests' dist/); by default the bench builds its own. */
  appDist?: string;
}

export async function runBench({ visits, runs, seed, print = console.log, appDist }: BenchOptions): Promise<Figure[]> {
  // From the start: the load average at the start is then the machine's before the bench's work.
  const machine = watchMachineLoad();
  const figures: Figure[] = [];
  const report = (...reported: Figure[]) => {
    for (const figure of reported) {
      figures.push(figure);
      print(formatLine(figure));
    }
  };
  const work = mkdtempSync(join(tmpdir(), 'valise-bench-'));
  print(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB memory, ${Math.round(freemem() / 2 ** 30)} GiB free; node ${process.version}`,
  );
  const dataset = generateDataset(seed, visits);
  const records = datasetSize(dataset);
  const visitBytes = averageJsonBytes(dataset.visits ?? []);
  print(
    `data set: ${visits} visits, ${records} records in all, seed ${seed}; a visit is ${visitBytes} B of JSON on average`,
  );

  report(...(await measureServer(work, dataset, runs)));

  const app = appDist ?? join(work, 'app');
  if (!appDist) buildApp(app, 'bench');
  report(summarise('bundle.first_screen_gz_kb', 'KB', [firstScreenReport(app).gzipKb], '<= 60'));
  report(...(await measureCommunes(app, runs)));

  const harness = join(work, 'harness');
  await build({ configFile: join(import.meta.dirname, 'vite.bench.config.ts'), build: { outDir: harness } });
  const dataDir = join(work, 'data');
  const seeded = await seedServer(dataDir, dataset);
  try {
    // The app first: the harness's push figure adds records to the network. The first visit has
    // a server of its own at a low priority, as Lighthouse itself (lighthouse-figures.ts).
    const firstVisitServer = await startServer({ distDir: app, dataDir, env: UNLIMITED, launcher: LOW_PRIORITY });
    try {
      // Nearly twice as many runs as every other figure (9 for 5): the blocking time of one first
      // visit ranged 33-463 ms on the same build here, and medians of 5 of two quiet runs of one
      // commit were 119 and 153 ms (docs/bench-notes.md). A run took about 35 s at load 15.
      report(...(await measureFirstVisit(firstVisitServer.url, 2 * runs - 1)));
    } finally {
      await firstVisitServer.stop();
    }
    const appServer = await startServer({ distDir: app, dataDir, env: UNLIMITED });
    try {
      // Browsers are measured in a persistent profile on disk, as a phone stores data: an
      // off-the-record context keeps IndexedDB elsewhere, and slower.
      const phone = await launchProfileDevice(PHONE);
      try {
        report(...(await measureApp(phone, appServer.url, seeded.invitationCode, runs)));
      } finally {
        await phone.close();
      }
    } finally {
      await appServer.stop();
    }
    const harnessServer = await startServer({ distDir: harness, dataDir, env: UNLIMITED });
    // The data and sync figures, raw baseline included, in a Chromium with no DevTools domain
    // enabled: Playwright's Network domain would copy every pushed and pulled body.
    try {
      const launch = () => launchBareChromium(DESKTOP);
      report(...(await measureHarness(launch, harnessServer.url, seeded, { seed, visits, records, runs })));
    } finally {
      await harnessServer.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  print('');
  print(formatTable(figures));
  print(machine.verdict());
  return figures;
}

/**
 * The bench measures the sync path, not the fair-share policy: five 10,000-record pushes in a
 * row from one device exhaust its rate bucket (a phone back from a trip pushes once, and its
 * scheduler waits out a 429 — test/sync covers that).
 */
const UNLIMITED = { VALISE_DEVICE_RATE: '0', VALISE_ADDRESS_RATE: '0' };

function averageJsonBytes(records: readonly unknown[]): number {
  if (records.length === 0) return 0;
  const total = records.reduce<number>((sum, record) => sum + Buffer.byteLength(JSON.stringify(record)), 0);
  return Math.round(total / records.length);
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const USAGE = `npm run bench -- [--visits N] [--runs N] [--seed N]
  --visits  visits in the generated data set (default 50000; lieux, contacts, follow-ups, events in proportion)
  --runs    rounds of each figure (default 5; Lighthouse's first visit runs twice as many less one)
  --seed    the data set's seed (default 20261128)`;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--help')) console.log(USAGE);
  else await runBench({ visits: option('visits', 50_000), runs: option('runs', 5), seed: option('seed', 20261128) });
}
