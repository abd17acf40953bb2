// `npm run bench`: the field-scale benchmark. Prints the machine, one JSON line per figure,
// then a table. Options: --visits N (default 50000), --runs N (default 5), --seed N.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { launchBrowser } from '../e2e/helpers/browser';
import { buildApp } from '../e2e/helpers/build';
import { startServer } from '../e2e/helpers/server';
import { firstScreenReport } from '../tools/bundle-report';
import { measureApp } from './app-figures';
import { measureCommunes } from './communes-figures';
import { datasetSize, generateDataset } from './data/dataset';
import { type Figure, formatLine, formatTable, summarise } from './figures';
import { measureHarness } from './harness-figures';
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
  print(`data set: ${visits} visits, ${records} records in all, seed ${seed}`);

  report(...(await measureServer(work, dataset, runs)));

  const app = appDist ?? join(work, 'app');
  if (!appDist) buildApp(app, 'bench');
  report(summarise('bundle.first_screen_gz_kb', 'KB', [firstScreenReport(app).gzipKb], '<= 60'));
  report(...(await measureCommunes(app, runs)));

  const harness = join(work, 'harness');
  await build({ configFile: join(import.meta.dirname, 'vite.bench.config.ts'), build: { outDir: harness } });
  const dataDir = join(work, 'data');
  const seeded = await seedServer(dataDir, dataset);
  const browser = await launchBrowser();
  try {
    // The app first: the harness's push figure adds records to the network.
    const appServer = await startServer({ distDir: app, dataDir });
    try {
      report(...(await measureApp(browser, appServer.url, seeded.invitationCode, runs)));
    } finally {
      await appServer.stop();
    }
    const harnessServer = await startServer({ distDir: harness, dataDir });
    try {
      report(...(await measureHarness(browser, harnessServer.url, seeded, { seed, visits, records, runs })));
    } finally {
      await harnessServer.stop();
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  print('');
  print(formatTable(figures));
  return figures;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runBench({ visits: option('visits', 50_000), runs: option('runs', 5), seed: option('seed', 20261128) });
}
